package dev.steward.decisions;

import java.time.Instant;

/**
 * A key's counts summed over its rows, and its earliest first and latest last decision (null when no row has
 * one), kept as epoch second and nano so that summing makes no object per row.
 */
final class ShardSum {
    final long[] counts = new long[7];
    private boolean hasFirst;
    private long firstSecond;
    private long firstNano;
    private boolean hasLast;
    private long lastSecond;
    private long lastNano;

    /** Back to no rows, for the next key. */
    void clear() {
        java.util.Arrays.fill(counts, 0);
        hasFirst = false;
        hasLast = false;
    }

    void first(long second, long nano) {
        if (!hasFirst || second < firstSecond || (second == firstSecond && nano < firstNano)) {
            hasFirst = true;
            firstSecond = second;
            firstNano = nano;
        }
    }

    void last(long second, long nano) {
        if (!hasLast || second > lastSecond || (second == lastSecond && nano > lastNano)) {
            hasLast = true;
            lastSecond = second;
            lastNano = nano;
        }
    }

    Instant first() {
        return hasFirst ? Instant.ofEpochSecond(firstSecond, firstNano) : null;
    }

    Instant last() {
        return hasLast ? Instant.ofEpochSecond(lastSecond, lastNano) : null;
    }
}
