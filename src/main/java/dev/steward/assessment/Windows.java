package dev.steward.assessment;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses an observation window: {@code 90d}, {@code 12h} or an ISO-8601 duration ({@code P90D}, {@code PT12H}). */
public final class Windows {

    /** Longest accepted window (ten years). */
    public static final Duration MAX = Duration.ofDays(3660);

    private Windows() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("window is empty; write e.g. 90d, 12h or P90D");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.matches("\\d{1,6}d")) {
                d = Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.matches("\\d{1,8}h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("window '" + text + "' is not 90d, 12h or an ISO-8601 duration such as P90D");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("window '" + text + "' must be longer than 0 and at most " + MAX.toDays()
                    + " days");
        }
        return d;
    }
}
