package dev.steward.decisions;

import java.util.Comparator;

/**
 * The key of a per-day decision aggregate inside a shard, dictionary-encoded: every text is its rank in the window's
 * dictionary sorted in character order ({@code -1} for null), so keys compare and hash without touching strings.
 */
record ShardKey(int day, int agent, int credential, int tool, int action, int scope, int environment, boolean allowed,
        int onBehalfOf) {

    /**
     * The one order of a window's aggregates, on every database: by day, agent, credential, tool, action, scope,
     * environment, allowed, on-behalf-of chain; texts by character, nulls first. The text fields hold each text's
     * rank in character order (String order; {@code -1} for null), so the order is plain int compares. Aggregates are
     * summed in Java, so the order no longer depends on the database's collation or null order. One comparator
     * without per-field lambdas: chained lambdas were about 8 % of a 10k-agent assessment's CPU.
     */
    static final Comparator<ShardKey> ORDER = (a, b) -> {
        int c = Integer.compare(a.day, b.day);
        c = c != 0 ? c : Integer.compare(a.agent, b.agent);
        c = c != 0 ? c : Integer.compare(a.credential, b.credential);
        c = c != 0 ? c : Integer.compare(a.tool, b.tool);
        c = c != 0 ? c : Integer.compare(a.action, b.action);
        c = c != 0 ? c : Integer.compare(a.scope, b.scope);
        c = c != 0 ? c : Integer.compare(a.environment, b.environment);
        c = c != 0 ? c : Boolean.compare(a.allowed, b.allowed);
        return c != 0 ? c : Integer.compare(a.onBehalfOf, b.onBehalfOf);
    };

    /**
     * The same order for keys whose text fields hold dictionary ids rather than ranks ({@link WindowSum}): each id is
     * looked up in {@code rank}, its position in character order.
     */
    static Comparator<ShardKey> order(int[] rank) {
        return (a, b) -> {
            int c = Integer.compare(a.day, b.day);
            c = c != 0 ? c : Integer.compare(rankOf(a.agent, rank), rankOf(b.agent, rank));
            c = c != 0 ? c : Integer.compare(rankOf(a.credential, rank), rankOf(b.credential, rank));
            c = c != 0 ? c : Integer.compare(rankOf(a.tool, rank), rankOf(b.tool, rank));
            c = c != 0 ? c : Integer.compare(rankOf(a.action, rank), rankOf(b.action, rank));
            c = c != 0 ? c : Integer.compare(rankOf(a.scope, rank), rankOf(b.scope, rank));
            c = c != 0 ? c : Integer.compare(rankOf(a.environment, rank), rankOf(b.environment, rank));
            c = c != 0 ? c : Boolean.compare(a.allowed, b.allowed);
            return c != 0 ? c : Integer.compare(rankOf(a.onBehalfOf, rank), rankOf(b.onBehalfOf, rank));
        };
    }

    private static int rankOf(int id, int[] rank) {
        return id < 0 ? -1 : rank[id];
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
}
