package dev.steward.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way reports print values, so every format shows the same text: scores and coverage as percentages with two
 * decimals (the stored precision, 4 decimals of a share), dates as UTC ISO dates, missing values as an en dash.
 */
public final class Fmt {

    public static final String NONE = "\u2013";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    public static String pct(Double share) {
        return share == null ? NONE : String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    public static String date(Instant i) {
        return i == null ? NONE : DATE.format(i);
    }

    public static String time(Instant i) {
        return i == null ? NONE : TIME.format(i);
    }

    public static String text(Object o) {
        return o == null || o.toString().isBlank() ? NONE : o.toString();
    }

    public static String days(Long d) {
        return d == null ? NONE : d + " d";
    }

    /** "NOT_SATISFIED" as "Not satisfied". */
    public static String label(Enum<?> e) {
        if (e == null) {
            return NONE;
        }
        String s = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
