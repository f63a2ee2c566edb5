package dev.steward.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shard key's hash: small dictionary ids that differ in a few fields must not collide. */
class ShardKeyTest {

    /**
     * Keys of one day: 20 agents, each with 40 tools and 40 actions (dictionary ids, consecutive). Under the record's
     * own hash (31 * h + field) tool t with action a + 31 collides with tool t + 1 with action a: only 24,980 of these
     * 32,000 keys had distinct hashes and the largest bucket held 9 keys (a tree from 8).
     */
    private static List<ShardKey> window() {
        List<ShardKey> keys = new ArrayList<>();
        for (int agent = 0; agent < 20; agent++) {
            for (int tool = 0; tool < 40; tool++) {
                for (int action = 0; action < 40; action++) {
                    keys.add(new ShardKey(20_600, agent, 1_000 + agent, 5_000 + tool, 6_000 + action, 7_000, 7_001, true,
                            -1));
                }
            }
        }
        return keys;
    }

    @Test
    void keysThatDifferInSmallIdsGetDistinctWellSpreadHashes() {
        List<ShardKey> keys = window();
        Set<Integer> hashes = new HashSet<>();
        keys.forEach(k -> hashes.add(k.hashCode()));
        assertThat(hashes).hasSizeGreaterThan(keys.size() * 99 / 100);

        int table = Integer.highestOneBit(keys.size() * 2);
        int[] buckets = new int[table];
        for (ShardKey k : keys) {
            int h = k.hashCode();
            buckets[(h ^ (h >>> 16)) & (table - 1)]++;
        }
        int max = 0;
        for (int b : buckets) {
            max = Math.max(max, b);
        }
        assertThat(max).as("largest HashMap bucket (8 turns it into a tree)").isLessThan(8);
    }

    @Test
    void equalKeysHashAlikeAndTheAllowedFlagCounts() {
        ShardKey a = new ShardKey(20_600, 3, 7, 1, 2, 4, 5, true, -1);
        assertThat(new ShardKey(20_600, 3, 7, 1, 2, 4, 5, true, -1)).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(new ShardKey(20_600, 3, 7, 1, 2, 4, 5, false, -1).hashCode()).isNotEqualTo(a.hashCode());
        assertThat(new ShardKey(20_600, 4, 7 - 31, 1, 2, 4, 5, true, -1).hashCode()).isNotEqualTo(a.hashCode());
    }

    @Test
    void orderIsFieldByFieldWithNullsFirst() {
        ShardKey nullAgent = new ShardKey(20_600, -1, 3, 1, 1, 1, 1, true, -1);
        ShardKey agent0 = new ShardKey(20_600, 0, 9, 1, 1, 1, 1, true, -1);
        ShardKey agent0Denied = new ShardKey(20_600, 0, 9, 1, 1, 1, 1, false, -1);
        ShardKey agent0Chain = new ShardKey(20_600, 0, 9, 1, 1, 1, 1, false, 4);
        ShardKey agent1 = new ShardKey(20_600, 1, 0, 0, 0, 0, 0, false, -1);
        ShardKey laterDay = new ShardKey(20_601, -1, -1, -1, -1, -1, -1, false, -1);
        List<ShardKey> keys = new ArrayList<>(List.of(laterDay, agent1, agent0Chain, agent0, nullAgent, agent0Denied));
        keys.sort(ShardKey.ORDER);
        assertThat(keys).containsExactly(nullAgent, agent0Denied, agent0Chain, agent0, agent1, laterDay);
    }
}
