package dev.steward.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

/** The small caches of this package: a map in access order that drops its least recently used entry past a size. */
final class Lru {

    private Lru() {
    }

    /** A map (not synchronized) holding at most {@code max} entries, the least recently read dropped first. */
    static <K, V> Map<K, V> map(int max) {
        return new LinkedHashMap<>(Math.max(16, 2 * max), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
