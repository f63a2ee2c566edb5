package dev.steward.evidence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups one shard's aggregates by principal and by credential through small int keys (the ranks of their texts in a
 * window's dictionary) instead of a hash lookup of a string per aggregate: at 10M decisions those lookups, two per
 * aggregate on tables too large for the cache, were 12 % of the evaluation phase. The caller works out each
 * aggregate's keys once ({@link Evidence#principalOf} for the principal); here each key's list is found in an array
 * and the map of lists is made with one entry per distinct key. Reusable, one shard at a time.
 */
public final class ShardGrouping {

    private final String[] names;
    private final DecisionList[] lists;
    private int[] touched = new int[1024];

    /** @param names the text of each key: key {@code k} stands for {@code names[k]} */
    public ShardGrouping(String[] names) {
        this.names = names;
        this.lists = new DecisionList[names.length];
    }

    /**
     * The aggregates by the text of their key, each list in the order of {@code decisions}; {@code keys[i]} is the key
     * of {@code decisions.get(i)}, {@code -1} for none (left out).
     */
    Map<String, List<DecisionAggregate>> group(List<DecisionAggregate> decisions, int[] keys) {
        int distinct = 0;
        for (int i = 0; i < decisions.size(); i++) {
            int k = keys[i];
            if (k < 0) {
                continue;
            }
            DecisionList list = lists[k];
            if (list == null) {
                list = new DecisionList();
                lists[k] = list;
                if (distinct == touched.length) {
                    touched = java.util.Arrays.copyOf(touched, distinct * 2);
                }
                touched[distinct++] = k;
            }
            list.add(decisions.get(i));
        }
        Map<String, List<DecisionAggregate>> byText = new HashMap<>(Math.max(16, distinct * 4 / 3 + 1));
        for (int j = 0; j < distinct; j++) {
            int k = touched[j];
            if (byText.put(names[k], lists[k]) != null) {
                throw new IllegalArgumentException("two keys stand for the text " + names[k]);
            }
            lists[k] = null;
        }
        return byText;
    }
}
