package dev.steward.check.rules;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The globs of the checks' pattern parameters (AUT-2's admin patterns, AUT-4's high-risk actions): case-insensitive,
 * {@code *} for any characters, everything else literal, matched against a whole text.
 */
final class Globs {

    private static final int CACHED = 64;
    private static final Map<List<String>, Pattern[]> CACHE = new ConcurrentHashMap<>();

    private Globs() {
    }

    /** A case-insensitive glob: {@code *} matches any characters, everything else is literal. */
    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            // every star between two parts, a leading one too ("*:admin"; until 2026-11-30 a leading star was lost)
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /**
     * The globs of a list parameter's value, compiled once per value (a run resolves a handful, one per environment
     * with its own value) instead of once per subject; the cache is cleared when it grows past {@value #CACHED}
     * values, so a long-lived server does not keep every value it ever saw. The array is shared: read it only.
     */
    static Pattern[] of(List<String> patterns) {
        Pattern[] known = CACHE.get(patterns);
        if (known != null) {
            return known;
        }
        List<String> copy = List.copyOf(patterns);
        Pattern[] compiled = new Pattern[copy.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compile(copy.get(i));
        }
        if (CACHE.size() >= CACHED) {
            CACHE.clear();
        }
        CACHE.put(copy, compiled);
        return compiled;
    }

    /** Whether one of the patterns matches the whole text. */
    static boolean matchesAny(Pattern[] patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }
}
