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
        return e == null ? NONE : label(e.name());
    }

    /** A constant's name as a label: "NOT_SATISFIED" as "Not satisfied"; blank or null as {@link #NONE}. */
    public static String label(String name) {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        String s = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A latency a person reads at a glance: 45 s, 12 min 5 s, 3 h 20 min, 3 d 3 h; "-" for none. */
    public static String duration(Double seconds) {
        if (seconds == null) {
            return "-";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        if (s < 86_400) {
            return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
        }
        return (s / 86_400) + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + (s % 86_400 / 3600) + " h");
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
