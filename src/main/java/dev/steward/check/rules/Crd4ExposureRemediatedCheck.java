package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.SecretFinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * CRD-4 (critical, credential): the credential is not known to be exposed, or its exposure was remediated.
 *
 * <p>Exposed = declared exposure ({@code exposure.at} or {@code exposure.where}) or a secret value of the credential
 * found during ingestion ({@link Evidence#secretsOf}); the exposure time of a finding is its foundAt, and with several
 * exposures the latest counts. PASS when not exposed. PASS when the credential is revoked by the as-of instant: a
 * revoked value no longer opens anything, whether the revocation came before or after the exposure was found (the
 * reason says which). PASS when lastRotatedAt is strictly after the latest exposure time. FAIL when exposed and
 * neither revoked nor rotated after the exposure. INSUFFICIENT_EVIDENCE when an exposure has no time and the
 * credential was rotated (it cannot be told whether the rotation came after). Applies to every credential, active or
 * not. No parameters.
 */
@ApplicationScoped
public class Crd4ExposureRemediatedCheck extends CredentialCheck {

    @Override
    public String id() {
        return "CRD-4";
    }

    @Override
    public String title() {
        return "No unremediated exposed credential";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public String remediation() {
        return "Revoke or rotate the exposed credential now and remove the leaked value from where it was found.";
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        List<SecretFinding> findings = evidence.secretsOf(credential.id());
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.credential(credential, "exposure " + (credential.exposed()
                ? credential.exposureWhere() + " at " + Formats.at(credential.exposedAt()) : "none declared")
                + ", lastRotatedAt " + Formats.at(credential.lastRotatedAt())
                + ", revokedAt " + Formats.at(credential.revokedAt())));
        if (!credential.exposed() && findings.isEmpty()) {
            return pass(credential.id(), "no exposure known", refs);
        }
        List<String> exposures = new ArrayList<>();
        Instant latest = null;
        boolean unknownTime = false;
        if (credential.exposed()) {
            exposures.add("declared exposed" + (Rules.blank(credential.exposureWhere()) ? "" : " in " + credential.exposureWhere())
                    + (credential.exposedAt() == null ? " (time unknown)" : " on " + Rules.day(credential.exposedAt())));
            if (credential.exposedAt() == null) {
                unknownTime = true;
            } else {
                latest = credential.exposedAt();
            }
        }
        for (SecretFinding f : findings) {
            refs.add(Rules.secret(f));
            exposures.add("secret value found" + (f.source() == null ? "" : " in " + f.source().file())
                    + (f.foundAt() == null ? " (time unknown)" : " on " + Rules.day(f.foundAt())));
            if (f.foundAt() == null) {
                unknownTime = true;
            } else if (latest == null || f.foundAt().isAfter(latest)) {
                latest = f.foundAt();
            }
        }
        String exposed = Rules.list(exposures, 3);
        Instant revokedAt = credential.revokedAt();
        boolean revoked = credential.revoked() && (revokedAt == null || !revokedAt.isAfter(evidence.asOf()));
        if (revoked) {
            String order = revokedAt == null || latest == null || unknownTime ? ""
                    : revokedAt.isAfter(latest) ? " after the exposure"
                    : " before the exposure was found; the exposed value no longer works";
            return pass(credential.id(), exposed + "; credential revoked"
                    + (revokedAt == null ? "" : " " + Rules.day(revokedAt)) + order, refs);
        }
        Instant rotated = credential.lastRotatedAt();
        if (unknownTime) {
            if (rotated != null) {
                return insufficient(credential.id(), exposed + "; rotated " + Rules.day(rotated)
                        + " but the exposure time is unknown, so it cannot be told whether the rotation came after", refs);
            }
            return fail(credential.id(), exposed + "; never rotated and not revoked", refs);
        }
        if (rotated != null && rotated.isAfter(latest)) {
            return pass(credential.id(), exposed + "; rotated " + Rules.day(rotated) + " after the exposure", refs);
        }
        return fail(credential.id(), exposed + "; not revoked and " + (rotated == null ? "never rotated"
                : "last rotated " + Rules.day(rotated) + ", before the exposure"), refs);
    }
}
