package dev.steward.export;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * One export period: a calendar month in the configured time zone. Its as-of instant is the first instant of the next
 * month in that zone (the period is closed then), and its window is the configured number of days ending there, so
 * a bundle states exactly which evidence it assessed.
 */
public record Period(YearMonth month, ZoneId zone, Instant asOf, Instant windowStart) {

    public static Period of(YearMonth month, ZoneId zone, int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("the export window must be at least 1 day, not " + windowDays);
        }
        Instant asOf = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new Period(month, zone, asOf, asOf.minus(Duration.ofDays(windowDays)));
    }

    /** The period closed most recently at {@code now} in {@code zone}: the month before the current one. */
    public static YearMonth previous(Instant now, ZoneId zone) {
        return YearMonth.from(ZonedDateTime.ofInstant(now, zone)).minusMonths(1);
    }

    /** Parses YYYY-MM, with a message that names the expected form. */
    public static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period '" + text + "' is not a month written YYYY-MM, e.g. 2026-10");
        }
    }

    public String id() {
        return month.toString();
    }
}
