package dev.steward.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A shard's rows come out in key order with equal keys in file order, exactly as a stable sort by the full key
 * (day, agent, credential, tool, action, scope, environment, allowed, chain) puts them: with the leading fields
 * packed into longs, with ranges too wide to pack (the plain sort), and with one instance reused for shards of
 * different sizes.
 */
class ShardRowsTest {

    @Test
    void sortsLikeAStableSortByTheFullKeyPackedOrNot() {
        Random random = new Random(11);
        ShardRows rows = new ShardRows();
        for (int round = 0; round < 40; round++) {
            rows.clear();
            int n = random.nextInt(3000);
            // narrow ranges make many equal leads and equal keys; wide ones cannot be packed in 63 bits
            int range = round % 4 == 3 ? Integer.MAX_VALUE - 1 : 1 + random.nextInt(6);
            List<int[]> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int row = rows.add(random.nextBoolean());
                int[] key = new int[ShardRows.KEY];
                key[0] = 20_000 + random.nextInt(3);
                for (int f = 1; f < ShardRows.KEY; f++) {
                    key[f] = f < 3 ? random.nextInt(range) - 1 : random.nextInt(3) - 1;
                }
                for (int f = 0; f < ShardRows.KEY; f++) {
                    rows.key(row, f, key[f]);
                }
                keys.add(key);
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(i);
            }
            Comparator<Integer> byKey = (a, b) -> java.util.Arrays.compare(keys.get(a), keys.get(b));
            expected.sort(byKey); // List.sort is stable: equal keys stay in file order
            int[] order = rows.sorted();
            assertThat(rows.size()).isEqualTo(n);
            List<Integer> actual = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                actual.add(order[i]);
            }
            assertThat(actual).as("round %d, %d rows, range %d", round, n, range).isEqualTo(expected);
        }
    }
}
