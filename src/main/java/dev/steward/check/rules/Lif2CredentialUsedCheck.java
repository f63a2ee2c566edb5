package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LIF-2 (medium, credential): an active credential was used within {@code maxIdleDays}.
 *
 * <p>Last use = the later of {@code lastUsedAt} and the last decision (allowed or denied) that names the credential
 * in the window. PASS when the last use lies within maxIdleDays before the as-of instant (both ends included), FAIL
 * when it is older. A credential never used FAILs once its createdAt is older than maxIdleDays and PASSes while it is
 * younger; INSUFFICIENT_EVIDENCE when it was never used and its issue date is unknown. Inactive credentials:
 * NOT_APPLICABLE. Parameter {@code maxIdleDays} (INTEGER, 90), resolved for the credential's environment.
 */
@ApplicationScoped
public class Lif2CredentialUsedCheck extends CredentialCheck {

    static final String MAX_IDLE_DAYS = "maxIdleDays";

    @Override
    public String id() {
        return "LIF-2";
    }

    @Override
    public String title() {
        return "No idle active credential";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(MAX_IDLE_DAYS, ParameterSpec.Type.INTEGER, "90",
                "Days without use after which an active credential counts as idle"));
    }

    @Override
    public String remediation() {
        return "Revoke the idle credential; issue a new one when the agent needs access again.";
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        if (!credential.active(evidence.asOf())) {
            return inactive(credential, evidence);
        }
        int maxDays = parameters.integer(MAX_IDLE_DAYS, Rules.env(credential.environment()));
        List<DecisionAggregate> decisions = evidence.decisionsOfCredential(credential.id());
        Instant lastDecision = Rules.lastSeen(decisions);
        Instant lastUse = latest(credential.lastUsedAt(), lastDecision);
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.credential(credential, "lastUsedAt " + Formats.at(credential.lastUsedAt())
                + ", createdAt " + Formats.at(credential.createdAt())));
        if (!decisions.isEmpty()) {
            refs.add(Rules.decisions(decisions, null));
        }
        String limit = " (limit " + maxDays + " days)";
        if (lastUse != null) {
            String reason = "last used " + Rules.day(lastUse) + ", " + Rules.age(lastUse, evidence.asOf()) + limit;
            return Rules.within(lastUse, evidence.asOf(), maxDays)
                    ? pass(credential.id(), reason, refs)
                    : fail(credential.id(), "idle: " + reason, refs);
        }
        if (credential.createdAt() == null) {
            return insufficient(credential.id(), "never used and issue date (createdAt) unknown", refs);
        }
        String reason = "never used, issued " + Rules.day(credential.createdAt()) + ", "
                + Rules.age(credential.createdAt(), evidence.asOf()) + limit;
        return credential.createdAt().isBefore(evidence.asOf().minus(Duration.ofDays(maxDays)))
                ? fail(credential.id(), reason, refs)
                : pass(credential.id(), reason, refs);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
