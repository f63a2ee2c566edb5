package dev.steward.bench;

/**
 * One row of the benchmark table: a stage of the pipeline, how long it took, how much it processed, the peak heap,
 * and when the stage has one, the time of its ceiling (the bare library doing the same work on the same data in the
 * same run) and its target. {@code ratio} is stage time over ceiling time, so lower is better and 1.0 means "as fast
 * as the bare library".
 *
 * @param stage what was timed
 * @param millis wall-clock time
 * @param items how many units it processed (decisions, records, results, rows)
 * @param unit what {@code items} counts
 * @param peakHeapBytes largest heap in use during the stage, garbage included ({@link HeapWatch#peak()})
 * @param liveHeapBytes largest heap in use after a collection during the stage ({@link HeapWatch#live()})
 * @param ceiling what the ceiling is (null when the stage has none)
 * @param ceilingMillis the ceiling's time (null when none)
 * @param target the target in words, e.g. "ratio <= 1.5" (null when none)
 * @param met whether the target is met (null when there is no target)
 */
public record StageResult(String stage, long millis, long items, String unit, long peakHeapBytes, long liveHeapBytes,
        String ceiling,
        Long ceilingMillis, String target, Boolean met) {

    /** Stage time over ceiling time; null without a ceiling. */
    public Double ratio() {
        return ceilingMillis == null ? null : (double) millis / Math.max(1, ceilingMillis);
    }

    /** Items per second. */
    public double throughput() {
        return items * 1000.0 / Math.max(1, millis);
    }

    /** Heap marks of a stage as {peak, live}, see {@link HeapWatch}. */
    public static long[] heap(HeapWatch watch) {
        return new long[] {watch.peak(), watch.live()};
    }

    /** A stage measured against the time of its ceiling: met when ratio <= maxRatio. */
    public static StageResult againstCeiling(String stage, long millis, long items, String unit, long[] heap, String ceiling,
            long ceilingMillis, double maxRatio) {
        boolean met = (double) millis / Math.max(1, ceilingMillis) <= maxRatio;
        return new StageResult(stage, millis, items, unit, heap[0], heap[1], ceiling, ceilingMillis, "ratio <= " + maxRatio,
                met);
    }

    /** A stage shown beside its ceiling, without a target. */
    public static StageResult besideCeiling(String stage, long millis, long items, String unit, long[] heap, String ceiling,
            long ceilingMillis) {
        return new StageResult(stage, millis, items, unit, heap[0], heap[1], ceiling, ceilingMillis, null, null);
    }

    /** A stage with an absolute time limit. */
    public static StageResult withinSeconds(String stage, long millis, long items, String unit, long[] heap, int seconds) {
        return new StageResult(stage, millis, items, unit, heap[0], heap[1], null, null, "<= " + seconds + " s",
                millis <= seconds * 1000L);
    }

    /** A stage without ceiling or target, shown for the cost it adds. */
    public static StageResult plain(String stage, long millis, long items, String unit, long[] heap) {
        return new StageResult(stage, millis, items, unit, heap[0], heap[1], null, null, null, null);
    }
}
