package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The native time forms, and that the fast path for the common UTC form agrees with the general one. */
class TimesTest {

    @Test
    void theCommonUtcFormReadsAsTheInstantItNames() {
        assertThat(Times.parse("2026-11-01T10:20:30Z")).contains(Instant.parse("2026-11-01T10:20:30Z"));
        assertThat(Times.parse(" 2024-02-29t23:59:59z ")).contains(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(Times.parse("2026-12-31T00:00:00Z")).contains(Instant.parse("2026-12-31T00:00:00Z"));
    }

    @Test
    void otherFormsAndOutOfRangeFieldsTakeTheGeneralPath() {
        assertThat(Times.parse("2026-11-01")).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(Times.parse("2026-11-01T10:20:30.5+02:00")).contains(OffsetDateTime.parse("2026-11-01T10:20:30.5+02:00")
                .toInstant());
        assertThat(Times.parse("2026-11-01T10:20Z")).contains(Instant.parse("2026-11-01T10:20:00Z"));
        // out-of-range fields are whatever the general path makes of them, never a different fast answer
        for (String odd : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-01T24:00:00Z",
                "2026-11-01T10:60:00Z", "2026-1x-01T00:00:00Z", "yesterday"}) {
            assertThat(Times.parse(odd)).as(odd).isEqualTo(general(odd));
        }
        assertThat(Times.parse("2026-13-01T00:00:00Z")).isEmpty();
        assertThat(Times.parse("yesterday")).isEmpty();
    }

    @Test
    void aFieldLeftEmptyIsNullAndABadOneIsRefusedNamingFieldAndValue() {
        assertThat(Times.field("validUntil", null)).isNull();
        assertThat(Times.field("validUntil", "  ")).isNull();
        assertThat(Times.field("validUntil", " 2026-11-01 ")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(Times.field("asOf", "2026-11-01T10:20:30+01:00")).isEqualTo(Instant.parse("2026-11-01T09:20:30Z"));
        assertThatThrownBy(() -> Times.field("validUntil", "2026-13-01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'validUntil' value '2026-13-01': not a date (YYYY-MM-DD) or an RFC 3339 date-time");
    }

    /** The general path alone: the same text with a redundant zero offset, which the fast path does not take. */
    private static java.util.Optional<Instant> general(String text) {
        return text.endsWith("Z") ? Times.parse(text.substring(0, text.length() - 1) + "+00:00") : Times.parse(text);
    }

    /** The fast path from a character buffer: the instant {@link Times#parse} gives, or not simple. */
    private static long fromChars(String text) {
        char[] buf = ("xx" + text + "yy").toCharArray();
        return Times.utcSeconds(buf, 2, text.length());
    }

    @Test
    void theCharacterBufferPathAgreesWithParseOnEveryDayOfFourCenturiesAndRefusesOddForms() {
        // every day of 1900-2300 (leap rules of 100 and 400 years) at two times of day
        for (java.time.LocalDate d = java.time.LocalDate.of(1900, 1, 1); d.getYear() < 2300; d = d.plusDays(1)) {
            for (String time : new String[] {"T00:00:00Z", "t23:59:59z"}) {
                String text = d + time;
                assertThat(fromChars(text)).as(text).isEqualTo(Times.parse(text).orElseThrow().getEpochSecond());
            }
        }
        assertThat(fromChars("1969-12-31T23:59:59Z")).isEqualTo(-1);
        for (String odd : new String[] {"2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-01T24:00:00Z",
                "2026-11-01T10:60:00Z", "2026-11-01T10:00:60Z", "2026-1x-01T00:00:00Z", "2026-11-01 10:00:00Z",
                "2026-11-01T10:00:00+00:00", "2026-11-01T10:00:00.5Z", "2026-11-01", "yesterday"}) {
            assertThat(fromChars(odd)).as(odd).isEqualTo(Times.NOT_SIMPLE);
        }
    }
}
