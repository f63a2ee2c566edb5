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
import java.util.regex.Pattern;

/**
 * CRD-3 (high, credential): the secret is kept in a vault or secret manager.
 *
 * <p>Storage is compared lower-case. PASS when it is in {@code approvedStorage}; FAIL when it is in
 * {@code forbiddenStorage}, whatever the type (the reason names the location). Otherwise (storage absent,
 * {@code unknown}, or a value in neither list): PASS for a {@code jit-lease} or {@code svid} whose issuer is a vault
 * or secret manager (the issuer contains "vault", "secret manager"/"secrets-manager" in any spelling, or one of the
 * approved storage names), else INSUFFICIENT_EVIDENCE. Inactive credentials: NOT_APPLICABLE. Parameters:
 * approvedStorage (LIST, "vault,secret-manager"), forbiddenStorage (LIST,
 * "env-var,config-file,source-code,ci-variable"), resolved for the credential's environment.
 */
@ApplicationScoped
public class Crd3SecretStorageCheck extends CredentialCheck {

    static final String APPROVED = "approvedStorage";
    static final String FORBIDDEN = "forbiddenStorage";
    private static final Pattern SECRET_STORE_ISSUER = Pattern.compile("vault|secrets?[-_ ]?manager", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "CRD-3";
    }

    @Override
    public String title() {
        return "Secrets kept in a vault or secret manager";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.of(APPROVED, ParameterSpec.Type.LIST, "vault,secret-manager", "Storage kinds that pass"),
                ParameterSpec.of(FORBIDDEN, ParameterSpec.Type.LIST, "env-var,config-file,source-code,ci-variable",
                        "Storage kinds that fail"));
    }

    @Override
    public String remediation() {
        return "Move the secret into a vault or secret manager and have the agent fetch it at run time.";
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        if (!credential.active(evidence.asOf())) {
            return inactive(credential, evidence);
        }
        String env = Rules.env(credential.environment());
        List<String> approved = lower(parameters.list(APPROVED, env));
        List<String> forbidden = lower(parameters.list(FORBIDDEN, env));
        List<EvidenceRef> refs = List.of(Rules.credential(credential, "type " + credential.type() + ", storage "
                + credential.storage() + ", issuer " + credential.issuer() + ", location " + credential.location()));
        String storage = Rules.blank(credential.storage()) ? null : credential.storage().trim().toLowerCase(Locale.ROOT);
        String stored = "stored in " + storage + (Rules.blank(credential.location()) ? "" : " at " + credential.location());
        if (storage != null && approved.contains(storage)) {
            return pass(credential.id(), stored, refs);
        }
        if (storage != null && forbidden.contains(storage)) {
            return fail(credential.id(), stored, refs);
        }
        String type = Rules.blank(credential.type()) ? "" : credential.type().trim().toLowerCase(Locale.ROOT);
        String issuer = Rules.blank(credential.issuer()) ? "" : credential.issuer().trim().toLowerCase(Locale.ROOT);
        boolean brokered = (type.equals("jit-lease") || type.equals("svid"))
                && (SECRET_STORE_ISSUER.matcher(issuer).find() || approved.stream().anyMatch(issuer::contains));
        String unknown = storage == null ? "storage unknown" : "storage " + storage + " is neither approved nor forbidden";
        if (brokered) {
            return pass(credential.id(), unknown + "; " + type + " issued by " + credential.issuer(), refs);
        }
        return insufficient(credential.id(), unknown + " for a " + (type.isEmpty() ? "credential of unknown type" : type)
                + (issuer.isEmpty() ? "" : " issued by " + credential.issuer()), refs);
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
