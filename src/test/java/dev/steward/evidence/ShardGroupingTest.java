package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Grouping by int keys gives exactly the lists a map of strings gives, in decision order, with keys of -1 left out,
 * and one grouping reused shard after shard carries nothing over from one shard to the next.
 */
class ShardGroupingTest {

    private static final String[] NAMES = {"agent-a", "agent-b", "cred-1", "cred-2", "cred-3", "tool"};

    @Test
    void groupsLikeAMapOfStringsAndForgetsTheLastShard() {
        ShardGrouping grouping = new ShardGrouping(NAMES);
        Random random = new Random(7);
        for (int shard = 0; shard < 20; shard++) {
            int n = random.nextInt(200);
            List<DecisionAggregate> decisions = new ArrayList<>();
            // the key array may be longer than the shard (it is reused): only the first n keys count
            int[] keys = new int[n + random.nextInt(5)];
            java.util.Arrays.fill(keys, 0);
            Map<String, List<DecisionAggregate>> expected = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int key = random.nextInt(NAMES.length + 1) - 1;
                DecisionAggregate d = aggregate(i, shard);
                decisions.add(d);
                keys[i] = key;
                if (key >= 0) {
                    expected.computeIfAbsent(NAMES[key], k -> new ArrayList<>()).add(d);
                }
            }
            Map<String, List<DecisionAggregate>> grouped = grouping.group(decisions, keys);
            assertThat(grouped).isEqualTo(expected);
            grouped.values().forEach(list -> assertThat(list).isInstanceOf(DecisionList.class));
        }
    }

    @Test
    void anEmptyShardHasNoGroups() {
        assertThat(new ShardGrouping(NAMES).group(List.of(), new int[] {3})).isEmpty();
    }

    private static DecisionAggregate aggregate(int i, int shard) {
        return new DecisionAggregate(LocalDate.of(2026, 10, 1).plusDays(shard), "agent-" + i, null, "tool", "read",
                null, "prod", true, List.of(), i + 1, 0, 0, 0, 0, 0, 0, null, null);
    }
}
