package dev.steward.assessment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Accumulators by text key ({@link RollupEntry#NONE} for null), with a cache by {@link TextIds} id in front: the map
 * stays the one place an accumulator lives, so a null and a text equal to NONE share one, with either way of adding,
 * and adding by id hashes no string per result.
 */
final class ByKey<A> {

    final Map<String, A> map = new HashMap<>();
    private final Supplier<A> make;
    private Object[] byId = new Object[64];

    ByKey(Supplier<A> make) {
        this.make = make;
    }

    A of(String key) {
        return map.computeIfAbsent(key == null ? RollupEntry.NONE : key, k -> make.get());
    }

    /** The accumulator of a text known by its id (-1 for null), looked up by text the first time only. */
    @SuppressWarnings("unchecked")
    A of(int id, String key) {
        int slot = id + 1;
        if (slot >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(slot + 1, byId.length * 2));
        }
        Object acc = byId[slot];
        if (acc == null) {
            acc = of(key);
            byId[slot] = acc;
        }
        return (A) acc;
    }
}
