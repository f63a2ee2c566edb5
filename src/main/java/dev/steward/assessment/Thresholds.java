package dev.steward.assessment;

import java.util.Locale;

/**
 * Limits of the control status (CHECKS.md): NOT_SATISFIED below {@code notSatisfiedBelow} (or on a critical FAIL),
 * SATISFIED from {@code satisfiedMinScore} with coverage of at least {@code satisfiedMinCoverage}, otherwise
 * PARTIALLY_SATISFIED. Configured with {@code steward.assessment.*}.
 */
public record Thresholds(double satisfiedMinScore, double notSatisfiedBelow, double satisfiedMinCoverage) {

    public static final Thresholds DEFAULT = new Thresholds(0.95, 0.60, 0.90);

    public Thresholds {
        if (!(0 <= notSatisfiedBelow && notSatisfiedBelow <= satisfiedMinScore && satisfiedMinScore <= 1)) {
            throw new IllegalArgumentException("status thresholds must satisfy 0 <= not-satisfied-below ("
                    + notSatisfiedBelow + ") <= satisfied-min-score (" + satisfiedMinScore + ") <= 1");
        }
        if (!(0 <= satisfiedMinCoverage && satisfiedMinCoverage <= 1)) {
            throw new IllegalArgumentException("satisfied-min-coverage must lie in [0, 1], was " + satisfiedMinCoverage);
        }
    }

    /** Canonical text for the parameters digest. */
    String canonical() {
        return String.format(Locale.ROOT, "satisfiedMinScore=%s;notSatisfiedBelow=%s;satisfiedMinCoverage=%s",
                satisfiedMinScore, notSatisfiedBelow, satisfiedMinCoverage);
    }
}
