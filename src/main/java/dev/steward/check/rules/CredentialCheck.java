package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.Parameters;
import dev.steward.check.SubjectType;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * A check whose subjects are the inventoried credentials: one result per credential, in id order. Each check decides
 * itself what an inactive (revoked, expired) credential means for it; {@link #inactive} gives the common
 * NOT_APPLICABLE.
 */
public abstract class CredentialCheck extends BaseCheck {

    @Override
    public SubjectType subjectType() {
        return SubjectType.CREDENTIAL;
    }

    @Override
    public List<CheckResult> evaluate(Evidence evidence, Parameters parameters) {
        List<CheckResult> results = new ArrayList<>();
        for (CredentialRecord credential : evidence.subjectCredentials()) {
            results.add(judge(credential, evidence, parameters));
        }
        return List.copyOf(results);
    }

    protected abstract CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters);

    /** NOT_APPLICABLE because the credential is not active at the as-of instant (revoked, expired or another status). */
    protected CheckResult inactive(CredentialRecord credential, Evidence evidence) {
        return notApplicable(credential.id(), Rules.inactiveReason(credential, evidence.asOf()),
                List.of(Rules.credential(credential, "status " + credential.status())));
    }
}
