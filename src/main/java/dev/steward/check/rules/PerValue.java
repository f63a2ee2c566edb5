package dev.steward.check.rules;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a check makes from a list parameter's value (compiled patterns), made once per distinct value instead of once
 * per subject. Values are cached by content (a copy, so a caller's later change to its list does not reach the cache);
 * a run resolves a handful, one per environment with its own value, and the cache is cleared when it grows past
 * {@value #CACHED} values, so a long-lived server does not keep every value it ever saw. What it returns is shared
 * between threads: read it only.
 */
final class PerValue<T> {

    private static final int CACHED = 64;

    private final Map<List<String>, T> cache = new ConcurrentHashMap<>();
    private final Function<List<String>, T> make;

    /** @param make what to make of a value (an immutable copy of it) */
    PerValue(Function<List<String>, T> make) {
        this.make = make;
    }

    T of(List<String> value) {
        T known = cache.get(value);
        if (known != null) {
            return known;
        }
        List<String> copy = List.copyOf(value);
        T made = make.apply(copy);
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.put(copy, made);
        return made;
    }
}
