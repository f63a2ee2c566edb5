package dev.steward.assessment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank ceil(p/100 x n) (1-based), so
 * it is always a measured value (p50 of 1, 2, 3, 4 is 2; p95 of 20 values is the 19th). Durations are reported in
 * seconds, rounded like every score.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank percentile of already sorted values; p in (0, 100]. */
    public static double nearestRank(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must lie in (0, 100], was " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    /** p50, p95 and max of measured revocation latencies. */
    public static RevocationLatency latency(List<Duration> latencies) {
        if (latencies.isEmpty()) {
            return new RevocationLatency(0, null, null, null);
        }
        List<Double> seconds = new ArrayList<>(latencies.size());
        latencies.forEach(d -> seconds.add(seconds(d)));
        return latencySeconds(seconds);
    }

    /** A latency in seconds, as {@link #latency} counts it. */
    public static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** p50, p95 and max of measured revocation latencies given in seconds ({@link #seconds}). */
    public static RevocationLatency latencySeconds(List<Double> latencies) {
        if (latencies.isEmpty()) {
            return new RevocationLatency(0, null, null, null);
        }
        List<Double> seconds = new ArrayList<>(latencies);
        seconds.sort(Double::compare);
        return new RevocationLatency(seconds.size(), Scores.round(nearestRank(seconds, 50)),
                Scores.round(nearestRank(seconds, 95)), Scores.round(seconds.get(seconds.size() - 1)));
    }
}
