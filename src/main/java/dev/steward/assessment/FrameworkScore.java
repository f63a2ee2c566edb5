package dev.steward.assessment;

/**
 * A framework's score in one run, over its in-scope controls only. The units counted are the in-scope controls
 * without in-scope children (subcategories, or flat risks); {@code outOfScope} counts the out-of-scope controls
 * without children. Score: plain mean of the units' scores (units without a score left out). Coverage: mean of the
 * units' coverage where a unit without coverage (not assessed, manual) counts 0, so coverage says how much of the
 * in-scope framework the evidence reaches.
 */
public record FrameworkScore(
        String framework,
        String name,
        String version,
        Double score,
        Double coverage,
        int inScope,
        int outOfScope,
        int satisfied,
        int partiallySatisfied,
        int notSatisfied,
        int notAssessed,
        int manual) {
}
