package dev.steward.check.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How numbers and instants are written in reasons and evidence details: exactly what {@code String.format} and
 * {@link Instant#toString()} write, without their cost in the common cases (a run at 100k agents writes hundreds of
 * thousands of them).
 */
final class Formats {

    private Formats() {
    }

    /** A share as a percentage with one decimal, "12.5 %": {@code String.format(Locale.ROOT, "%.1f %%", share * 100)}. */
    static String percent(double share) {
        double percent = share * 100;
        String whole = whole(percent);
        return whole != null ? whole + ".0 %" : String.format(Locale.ROOT, "%.1f %%", percent);
    }

    /** A number with two decimals: {@code String.format(Locale.ROOT, "%.2f", value)}. */
    static String decimal(double value) {
        String whole = whole(value);
        return whole != null ? whole + ".00" : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * The digits before the point that {@code String.format(Locale.ROOT, "%.1f", v)} (or {@code "%.2f"}) writes when
     * {@code v} is a whole number below 10^15 (its fraction then is all zeros); null for anything else (a fraction, a
     * negative number or -0.0, NaN, infinities, larger numbers), which the formatter writes. At the benchmark's scale
     * 271k of the 392k numbers written are whole, and the formatter took about 0.45 s of a warm 10M-decision run for
     * all of them.
     */
    private static String whole(double v) {
        if (v >= 0 && v < 1e15 && v == Math.rint(v) && Double.doubleToRawLongBits(v) != Long.MIN_VALUE) {
            return Long.toString((long) v);
        }
        return null;
    }

    /** Epoch seconds of 1000-01-01T00:00:00Z and of 10000-01-01T00:00:00Z: where {@link #instant} writes itself. */
    private static final long FAST_FROM = -30_610_224_000L;
    private static final long FAST_TO = 253_402_300_800L;

    /**
     * Exactly {@link Instant#toString()} (ISO-8601 in UTC, seconds always written, a fraction of 3, 6 or 9 digits when
     * there is one), written without the formatter's intermediate objects for the years 1000 to 9999 (the formatter
     * with its LocalDateTime was 2 % of a 100k-agent assessment); other years fall back to {@code toString()}.
     */
    static String instant(Instant t) {
        return instant(new StringBuilder(30), t).toString();
    }

    /** {@link #instant(Instant)} appended to {@code b}, which is returned. */
    static StringBuilder instant(StringBuilder b, Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < FAST_FROM || seconds >= FAST_TO) {
            return b.append(t);
        }
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        b.append(date.getYear()).append('-');
        two(b, date.getMonthValue()).append('-');
        two(b, date.getDayOfMonth()).append('T');
        two(b, secondOfDay / 3600).append(':');
        two(b, secondOfDay / 60 % 60).append(':');
        two(b, secondOfDay % 60);
        int nano = t.getNano();
        if (nano > 0) {
            b.append('.');
            if (nano % 1_000_000 == 0) {
                digits(b, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(b, nano / 1000, 6);
            } else {
                digits(b, nano, 9);
            }
        }
        return b.append('Z');
    }

    /** An instant in a text as string concatenation writes it ({@code toString()}, "null" for none), but faster. */
    static String at(Instant t) {
        return t == null ? "null" : instant(t);
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void digits(StringBuilder b, int v, int width) {
        int at = b.length();
        b.append(v);
        for (int pad = width - (b.length() - at); pad > 0; pad--) {
            b.insert(at, '0');
        }
    }
}
