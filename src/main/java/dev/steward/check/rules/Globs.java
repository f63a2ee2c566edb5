package dev.steward.check.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The globs of the checks' pattern parameters (AUT-2's admin patterns, AUT-4's high-risk actions): case-insensitive,
 * {@code *} for any characters, everything else literal, matched against a whole text.
 */
final class Globs {

    private static final PerValue<Pattern[]> COMPILED = new PerValue<>(value -> {
        Pattern[] compiled = new Pattern[value.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compile(value.get(i));
        }
        return compiled;
    });

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

    /** The globs of a list parameter's value, compiled once per value ({@link PerValue}); the array is shared. */
    static Pattern[] of(List<String> patterns) {
        return COMPILED.of(patterns);
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
