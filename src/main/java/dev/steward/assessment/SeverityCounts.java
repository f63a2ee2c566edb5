package dev.steward.assessment;

import dev.steward.check.Severity;

/** Counts per check severity, e.g. of the FAIL results of a team. */
public record SeverityCounts(long critical, long high, long medium, long low) {

    /** Mutable counter behind a {@link SeverityCounts}. */
    static final class Counter {
        private final long[] counts = new long[Severity.values().length];

        void add(Severity severity) {
            counts[severity.ordinal()]++;
        }

        void add(Counter other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
        }

        SeverityCounts value() {
            return new SeverityCounts(counts[Severity.CRITICAL.ordinal()], counts[Severity.HIGH.ordinal()],
                    counts[Severity.MEDIUM.ordinal()], counts[Severity.LOW.ordinal()]);
        }
    }
}
