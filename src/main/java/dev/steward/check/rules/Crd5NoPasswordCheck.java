package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * CRD-5 (high, credential): agents do not authenticate with passwords.
 *
 * <p>FAIL when the credential type contains "password" (case-insensitive: {@code password}, {@code basic-password},
 * ...); INSUFFICIENT_EVIDENCE when the type is missing; PASS otherwise. Inactive credentials: NOT_APPLICABLE. No
 * parameters.
 */
@ApplicationScoped
public class Crd5NoPasswordCheck extends CredentialCheck {

    @Override
    public String id() {
        return "CRD-5";
    }

    @Override
    public String title() {
        return "No password authentication";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public String remediation() {
        return "Replace the password with a workload identity or a short-lived token and disable password login for the account.";
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        if (!credential.active(evidence.asOf())) {
            return inactive(credential, evidence);
        }
        List<EvidenceRef> refs = List.of(Rules.credential(credential, "type " + credential.type()
                + ", holders " + Rules.list(credential.holders())));
        if (Rules.blank(credential.type())) {
            return insufficient(credential.id(), "credential type unknown", refs);
        }
        String type = credential.type().trim().toLowerCase(Locale.ROOT);
        if (type.contains("password")) {
            return fail(credential.id(), "password credential held by " + Rules.list(credential.holders()), refs);
        }
        return pass(credential.id(), "credential type " + type + " is not a password", refs);
    }
}
