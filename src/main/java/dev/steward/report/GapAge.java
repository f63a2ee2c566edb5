package dev.steward.report;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.PersonRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a finding has been open, from the dated fact in the evidence that makes it a finding ("since"), in whole
 * days up to the as-of instant. The rule per check:
 * <ul>
 * <li>OWN-2: the owner's departure; LIF-1: the holder's owner's departure, else the agent's decommissioning;</li>
 * <li>OWN-5, TPV-1: the last review, else the agent's creation (never reviewed);</li>
 * <li>LIF-3: the last kill-switch test, else the agent's creation;</li>
 * <li>CRD-2: the last rotation, else the credential's issue; CRD-4: the exposure, else the issue;</li>
 * <li>any other agent check: the agent's creation; any other credential check: the credential's issue;</li>
 * <li>principals (shadow agents): nothing dated, so no age.</li>
 * </ul>
 * The age is therefore an upper bound where the evidence does not date the gap itself.
 */
final class GapAge {

    private final Evidence evidence;

    GapAge(Evidence evidence) {
        this.evidence = evidence;
    }

    Optional<Instant> since(String checkId, String subjectType, String subjectId) {
        if ("agent".equals(subjectType)) {
            return evidence.agent(subjectId).map(a -> agent(checkId, a));
        }
        if ("credential".equals(subjectType)) {
            return evidence.credential(subjectId).map(c -> credential(checkId, c));
        }
        return Optional.empty();
    }

    Long ageDays(Instant since) {
        return since == null ? null : Math.max(0, Duration.between(since, evidence.asOf()).toDays());
    }

    private Instant agent(String checkId, AgentRecord a) {
        return switch (checkId) {
            case "OWN-2" -> evidence.person(a.owner()).map(PersonRecord::departedAt).orElse(a.createdAt());
            case "OWN-5", "TPV-1" -> first(a.lastReviewedAt(), a.createdAt());
            case "LIF-3" -> first(a.killSwitchTestedAt(), a.createdAt());
            default -> a.createdAt();
        };
    }

    private Instant credential(String checkId, CredentialRecord c) {
        return switch (checkId) {
            case "LIF-1" -> evidence.heaviestHolder(c.id())
                    .map(a -> first(evidence.person(a.owner()).map(PersonRecord::departedAt).orElse(null), a.decommissionedAt()))
                    .orElse(c.createdAt());
            case "CRD-2" -> first(c.lastRotatedAt(), c.createdAt());
            case "CRD-4" -> first(c.exposedAt(), c.createdAt());
            default -> c.createdAt();
        };
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
