package dev.steward.decisions;

import java.util.Comparator;

/**
 * The key of a per-day decision aggregate inside a shard, dictionary-encoded: every text is an id into the window's
 * dictionary ({@code -1} for null), so keys compare and hash without touching strings.
 */
record ShardKey(int day, int agent, int credential, int tool, int action, int scope, int environment, boolean allowed,
        int onBehalfOf) {

    /**
     * The one order of a window's aggregates, on every database: by day, agent, credential, tool, action, scope,
     * environment, allowed, on-behalf-of chain; texts by character ({@code rank} of each dictionary id, String order),
     * nulls first. Aggregates are summed in Java, so the order no longer depends on the database's collation or null
     * order. One comparator without per-field lambdas: chained lambdas were about 8 % of a 10k-agent assessment's CPU.
     */
    static Comparator<ShardKey> order(int[] rank) {
        int nullRank = -1;
        return (a, b) -> {
            int c = Integer.compare(a.day, b.day);
            c = c != 0 ? c : Integer.compare(rankOf(a.agent, rank, nullRank), rankOf(b.agent, rank, nullRank));
            c = c != 0 ? c : Integer.compare(rankOf(a.credential, rank, nullRank), rankOf(b.credential, rank, nullRank));
            c = c != 0 ? c : Integer.compare(rankOf(a.tool, rank, nullRank), rankOf(b.tool, rank, nullRank));
            c = c != 0 ? c : Integer.compare(rankOf(a.action, rank, nullRank), rankOf(b.action, rank, nullRank));
            c = c != 0 ? c : Integer.compare(rankOf(a.scope, rank, nullRank), rankOf(b.scope, rank, nullRank));
            c = c != 0 ? c : Integer.compare(rankOf(a.environment, rank, nullRank), rankOf(b.environment, rank, nullRank));
            c = c != 0 ? c : Boolean.compare(a.allowed, b.allowed);
            return c != 0 ? c : Integer.compare(rankOf(a.onBehalfOf, rank, nullRank), rankOf(b.onBehalfOf, rank, nullRank));
        };
    }

    /**
     * A well-mixed hash. The record's own ({@code 31 * h + field}) collides massively for small dictionary ids: agent
     * a + 1 with credential c - 31 is the same hash, so a shard's sum map turned its buckets into trees. Each field is
     * folded in with a multiply-xorshift step and the whole is finished with Murmur3's fmix32.
     */
    @Override
    public int hashCode() {
        int h = mix(0x9E3779B9, day);
        h = mix(h, agent);
        h = mix(h, credential);
        h = mix(h, tool);
        h = mix(h, action);
        h = mix(h, scope);
        h = mix(h, environment);
        h = mix(h, allowed ? 1 : 0);
        h = mix(h, onBehalfOf);
        return fmix(h);
    }

    private static int mix(int h, int v) {
        int k = v * 0xCC9E2D51;
        k = Integer.rotateLeft(k, 15) * 0x1B873593;
        h ^= k;
        return Integer.rotateLeft(h, 13) * 5 + 0xE6546B64;
    }

    static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private static int rankOf(int id, int[] rank, int nullRank) {
        return id < 0 ? nullRank : rank[id];
    }
}
