package dev.steward.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/** Parses the times of the native formats: RFC 3339 date-times (any offset), and bare dates meaning 00:00 UTC. */
public final class Times {

    private static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private Times() {
    }

    /** Returned by {@link #utcSeconds(char[], int, int)} for any text not of the common form. */
    public static final long NOT_SIMPLE = Long.MIN_VALUE;

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /**
     * The epoch second of a text of the common form {@code YYYY-MM-DDTHH:MM:SSZ}, read from a parser's character
     * buffer without a string in between (decision logs have one per line), or {@link #NOT_SIMPLE} for any other
     * form or a field out of range: the caller then takes {@link #parse(String)}, which gives the same answer for
     * every text this accepts.
     */
    public static long utcSeconds(char[] c, int off, int len) {
        if (len != 20 || c[off + 4] != '-' || c[off + 7] != '-' || (c[off + 10] != 'T' && c[off + 10] != 't')
                || c[off + 13] != ':' || c[off + 16] != ':' || (c[off + 19] != 'Z' && c[off + 19] != 'z')) {
            return NOT_SIMPLE;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return NOT_SIMPLE;
        }
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (day > DAYS_IN_MONTH[month - 1] + (month == 2 && leap ? 1 : 0)) {
            return NOT_SIMPLE;
        }
        return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (the civil-from-days inverse, no allocation). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int digits(char[] c, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /**
     * The instant of a form or request field that may be left empty (null then), or an
     * {@link IllegalArgumentException} naming the field and the value when it is not a date or an RFC 3339 date-time.
     */
    public static Instant field(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parse(text).orElseThrow(() -> new IllegalArgumentException("field '" + field + "' value '" + text
                + "': not a date (YYYY-MM-DD) or an RFC 3339 date-time"));
    }

    /** The instant, or empty when the text is not a date or an RFC 3339 date-time. Null or blank gives empty too. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        // the common form read digit by digit: the formatter below is most of the cost of mapping an inventory record
        long seconds = t.length() == 20 ? utcSeconds(t.toCharArray(), 0, 20) : NOT_SIMPLE;
        if (seconds != NOT_SIMPLE) {
            return Optional.of(Instant.ofEpochSecond(seconds));
        }
        try {
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            var parsed = RFC3339.parseBest(t, OffsetDateTime::from, java.time.LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return Optional.of(odt.toInstant());
            }
            return Optional.of(((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
