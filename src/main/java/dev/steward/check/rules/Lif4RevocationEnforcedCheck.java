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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * LIF-4 (critical, credential): a revoked credential allowed nothing after its revocation time plus
 * {@code revocationGraceSeconds}.
 *
 * <p>Applies only to revoked credentials (status revoked or a revokedAt); others are NOT_APPLICABLE, as is a
 * revocation dated after the as-of instant (scheduled, not yet in force). INSUFFICIENT_EVIDENCE when revoked without
 * a revocation time. Deadline = revokedAt + grace. FAIL when an allowed decision aggregate naming the credential has
 * its last decision strictly after the deadline (an aggregate without lastAt counts at the end of its day), or
 * {@code lastUsedAt} is strictly after the deadline; the reason and evidence list the late uses. PASS otherwise.
 * Parameter {@code revocationGraceSeconds} (INTEGER, 300), resolved for the credential's environment.
 *
 * <p>Measured revocation latency ({@link #latencies(Evidence)}): for each credential with a revokedAt at or before
 * the as-of instant whose last allowed decision lies after revokedAt, the time from revokedAt to that last allowed
 * decision (grace not subtracted). Credentials with no allowed decision after revocation have no measurable latency
 * and are left out; lastUsedAt is not a decision and is not used.
 */
@ApplicationScoped
public class Lif4RevocationEnforcedCheck extends CredentialCheck {

    static final String GRACE_SECONDS = "revocationGraceSeconds";
    private static final int MAX_LISTED = 20;

    @Override
    public String id() {
        return "LIF-4";
    }

    @Override
    public String title() {
        return "Revocation takes effect";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.of(GRACE_SECONDS, ParameterSpec.Type.INTEGER, "300",
                "Seconds after revocation during which allowed decisions are tolerated (propagation delay)"));
    }

    @Override
    public String remediation() {
        return "Make revocation reach every policy point and cache (shorten token lifetimes), then re-test the kill switch.";
    }

    /** Revocation latencies (revokedAt to last allowed decision), in credential id order; see the class documentation. */
    public static List<Duration> latencies(Evidence evidence) {
        return List.copyOf(latenciesById(evidence).values());
    }

    /** The same latencies by credential id, in the same order. */
    public static java.util.Map<String, Duration> latenciesById(Evidence evidence) {
        java.util.Map<String, Duration> result = new java.util.LinkedHashMap<>();
        for (CredentialRecord c : evidence.subjectCredentials()) {
            latency(evidence, c).ifPresent(d -> result.put(c.id(), d));
        }
        return result;
    }

    /** The measured latency of one credential, empty when it is not revoked or allowed nothing after revocation. */
    public static Optional<Duration> latency(Evidence evidence, CredentialRecord credential) {
        Instant revokedAt = credential.revokedAt();
        if (revokedAt == null || revokedAt.isAfter(evidence.asOf())) {
            return Optional.empty();
        }
        return evidence.decisionsOfCredential(credential.id()).stream()
                .filter(DecisionAggregate::allowed)
                .map(Rules::lastAt)
                .max(Comparator.naturalOrder())
                .filter(last -> last.isAfter(revokedAt))
                .map(last -> Duration.between(revokedAt, last));
    }

    @Override
    protected CheckResult judge(CredentialRecord credential, Evidence evidence, Parameters parameters) {
        List<EvidenceRef> refs = new ArrayList<>();
        refs.add(Rules.credential(credential, "status " + credential.status()
                + ", revokedAt " + Formats.at(credential.revokedAt()) + ", lastUsedAt " + Formats.at(credential.lastUsedAt())));
        if (!credential.revoked()) {
            return notApplicable(credential.id(), "credential not revoked", refs);
        }
        Instant revokedAt = credential.revokedAt();
        if (revokedAt == null) {
            return insufficient(credential.id(), "credential revoked without a revocation time (revokedAt missing)", refs);
        }
        if (revokedAt.isAfter(evidence.asOf())) {
            return notApplicable(credential.id(), "revocation scheduled for " + revokedAt + ", after the as-of instant", refs);
        }
        int graceSeconds = parameters.integer(GRACE_SECONDS, Rules.env(credential.environment()));
        Instant deadline = revokedAt.plusSeconds(graceSeconds);
        List<DecisionAggregate> late = evidence.decisionsOfCredential(credential.id()).stream()
                .filter(DecisionAggregate::allowed)
                .filter(a -> Rules.lastAt(a).isAfter(deadline))
                .sorted(Comparator.comparing(DecisionAggregate::day).thenComparing(Rules::lastAt))
                .toList();
        boolean lateUse = credential.lastUsedAt() != null && credential.lastUsedAt().isAfter(deadline);
        String revoked = "revoked " + revokedAt + " + " + graceSeconds + " s";
        Optional<Duration> latency = latency(evidence, credential);
        if (late.isEmpty() && !lateUse) {
            String note = latency.map(d -> "; last allowed decision " + Rules.human(d) + " after revocation, within grace").orElse("");
            return pass(credential.id(), "nothing allowed after " + revoked + note, refs);
        }
        List<String> uses = new ArrayList<>();
        if (!late.isEmpty()) {
            refs.add(Rules.decisions(late, "allowed after the revocation deadline " + deadline));
            late.stream().limit(MAX_LISTED).forEach(a -> refs.add(Rules.decisions(List.of(a),
                    "tool " + a.tool() + ", action " + a.action())));
            uses.add(Rules.count(Rules.sum(late, DecisionAggregate::count), "allowed decision") + " in "
                    + Rules.count(late.size(), "aggregate") + " ending after the deadline, last " + Rules.lastSeen(late)
                    + latency.map(d -> " (" + Rules.human(d) + " after revocation)").orElse(""));
        }
        if (lateUse) {
            uses.add("lastUsedAt " + Formats.at(credential.lastUsedAt()));
        }
        return fail(credential.id(), "used after " + revoked + ": " + String.join("; ", uses), refs);
    }
}
