package dev.steward.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.ingest.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as source systems write them: RFC 3339 with any fraction and offset (also {@code +0000} and the one-digit
 * {@code -8:00} some exports use), epoch seconds, milliseconds, microseconds or nanoseconds (told apart by magnitude),
 * AWS's English STS and IAM dates ({@code Oct 2, 2019, 11:12:29 PM}, {@code Mar 24, 2014 9:11:59 PM}, UTC), and
 * protobuf timestamps ({@code {"seconds":..,"nanos":..}}).
 */
public final class SourceTimes {

    private static final Pattern SHORT_OFFSET = Pattern.compile("([+-])(\\d):(\\d{2})$");
    private static final DateTimeFormatter AWS_ENGLISH = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM d, yyyy")
            .optionalStart().appendLiteral(',').optionalEnd()
            .appendPattern(" h:mm:ss a")
            .toFormatter(Locale.US);

    private SourceTimes() {
    }

    /** Parses a text time; empty when it is none of the known forms (or blank). */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.chars().allMatch(Character::isDigit) && t.length() >= 9 && t.length() <= 19) {
            return Optional.of(epoch(Long.parseLong(t)));
        }
        Matcher m = SHORT_OFFSET.matcher(t);
        if (m.find() && t.length() > 16) {
            t = t.substring(0, m.start()) + m.group(1) + "0" + m.group(2) + ":" + m.group(3);
        }
        Optional<Instant> rfc = Times.parse(t);
        if (rfc.isPresent()) {
            return rfc;
        }
        try {
            return Optional.of(LocalDateTime.parse(t, AWS_ENGLISH).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses a JSON time value: text, a number (epoch, by magnitude) or a protobuf timestamp object. */
    public static Optional<Instant> parse(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return Optional.of(epoch(value.asLong()));
        }
        if (value.isNumber()) {
            double d = value.asDouble();
            return Optional.of(Instant.ofEpochSecond((long) d, (long) ((d - Math.floor(d)) * 1e9)));
        }
        if (value.isObject() && value.path("seconds").canConvertToLong()) {
            return Optional.of(Instant.ofEpochSecond(value.path("seconds").asLong(), value.path("nanos").asLong()));
        }
        return value.isTextual() ? parse(value.asText()) : Optional.empty();
    }

    /** An epoch count in seconds, milliseconds, microseconds or nanoseconds, judged by its magnitude. */
    public static Instant epoch(long n) {
        long abs = Math.abs(n);
        if (abs < 100_000_000_000L) {
            return Instant.ofEpochSecond(n);
        }
        if (abs < 100_000_000_000_000L) {
            return Instant.ofEpochMilli(n);
        }
        if (abs < 100_000_000_000_000_000L) {
            return Instant.ofEpochSecond(n / 1_000_000, (n % 1_000_000) * 1000);
        }
        return Instant.ofEpochSecond(n / 1_000_000_000, n % 1_000_000_000);
    }
}
