package dev.steward.check.rules;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Severity;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * CRD-2 (medium, credential): a long-lived credential was rotated recently.
 *
 * <p>Long-lived = lifetime (as in CRD-1) strictly greater than {@code longLivedThreshold}, or no lifetime at all;
 * a shorter one is NOT_APPLICABLE, as is an inactive credential. Rotation reference = lastRotatedAt, else createdAt
 * (never rotated since issue). PASS when the reference lies within {@code maxRotationAgeDays} before the as-of
 * instant (both ends included), FAIL when older or dated after the as-of instant, INSUFFICIENT_EVIDENCE when neither
 * date is known or when the lifetime is unknown (an expiry but no createdAt and no TTL). Parameters:
 * longLivedThreshold (DURATION, PT24H), maxRotationAgeDays (INTEGER, 90), resolved for the credential's environment.
 */
@ApplicationScoped
public class Crd2RotationCheck extends CredentialCheck {

    static final String THRESHOLD = "longLivedThreshold";
    static final String MAX_ROTATION_AGE_DAYS = "maxRotationAgeDays";

    @Override
    public String id() {
        return "CRD-2";
    }

    @Override
    public String title() {
        return "Long-lived credentials rotated";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.of(THRESHOLD, ParameterSpec.Type.DURATION, "PT24H",
                        "Lifetime above which a credential counts as long-lived"),
                ParameterSpec.of(MAX_ROTATION_AGE_DAYS, ParameterSpec.Type.INTEGER, "90", "Maximum days since the last rotation"));
    }

    @Override
    public String remediation() {
        return "Rotate the credential now and automate its rotation, or replace it with a short-lived one.";
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        if (!credential.active(evidence.asOf())) {
            return inactive(credential, evidence);
        }
        String env = Rules.env(credential.environment());
        Duration threshold = parameters.duration(THRESHOLD, env);
        Optional<Duration> lifetime = credential.lifetime();
        List<EvidenceRef> refs = List.of(Rules.credential(credential,
                "lastRotatedAt " + Formats.at(credential.lastRotatedAt()) + ", createdAt " + Formats.at(credential.createdAt())
                        + ", lifetime " + lifetime.map(Rules::human).orElse("none")));
        if (lifetime.isEmpty() && credential.expiresAt() != null) {
            return insufficient(credential.id(), "expires " + Rules.day(credential.expiresAt())
                    + " but the issue date (createdAt) is unknown, so it cannot be told whether it is long-lived", refs);
        }
        if (lifetime.isPresent() && lifetime.get().compareTo(threshold) <= 0) {
            return notApplicable(credential.id(), "short-lived: lifetime " + Rules.human(lifetime.get())
                    + " (long-lived above " + Rules.human(threshold) + ")", refs);
        }
        int maxDays = parameters.integer(MAX_ROTATION_AGE_DAYS, env);
        String kind = lifetime.map(d -> "long-lived (" + Rules.human(d) + ")").orElse("never-expiring");
        Instant reference = credential.lastRotatedAt() != null ? credential.lastRotatedAt() : credential.createdAt();
        if (reference == null) {
            return insufficient(credential.id(), kind + " credential with no rotation or issue date", refs);
        }
        String what = credential.lastRotatedAt() != null ? "last rotated " : "never rotated since issue ";
        String reason = kind + " credential " + what + Rules.day(reference) + ", " + Rules.age(reference, evidence.asOf())
                + " (limit " + maxDays + " days)";
        return Rules.within(reference, evidence.asOf(), maxDays)
                ? pass(credential.id(), reason, refs)
                : fail(credential.id(), reason, refs);
    }
}
