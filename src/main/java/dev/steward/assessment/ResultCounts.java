package dev.steward.assessment;

import dev.steward.check.Result;

/** How many results of each kind a check, roll-up or run has; every number counts subjects, not weights. */
public record ResultCounts(long pass, long partial, long fail, long insufficientEvidence, long notApplicable) {

    public static final ResultCounts NONE = new ResultCounts(0, 0, 0, 0, 0);

    public long total() {
        return pass + partial + fail + insufficientEvidence + notApplicable;
    }

    /** FAIL, PARTIAL and INSUFFICIENT_EVIDENCE: the rows of findings.json. */
    public long findings() {
        return partial + fail + insufficientEvidence;
    }

    /** Mutable counter behind a {@link ResultCounts}. */
    static final class Counter {
        /** Result kinds; {@code Result.values()} copies its array each call, and a run makes millions of counters. */
        private static final int KINDS = Result.values().length;
        private final long[] counts = new long[KINDS];

        void add(Result result) {
            counts[result.ordinal()]++;
        }

        void add(ResultCounts other) {
            counts[Result.PASS.ordinal()] += other.pass;
            counts[Result.PARTIAL.ordinal()] += other.partial;
            counts[Result.FAIL.ordinal()] += other.fail;
            counts[Result.INSUFFICIENT_EVIDENCE.ordinal()] += other.insufficientEvidence;
            counts[Result.NOT_APPLICABLE.ordinal()] += other.notApplicable;
        }

        long get(Result result) {
            return counts[result.ordinal()];
        }

        ResultCounts value() {
            return new ResultCounts(get(Result.PASS), get(Result.PARTIAL), get(Result.FAIL),
                    get(Result.INSUFFICIENT_EVIDENCE), get(Result.NOT_APPLICABLE));
        }
    }
}
