package dev.steward.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Period boundaries: the as-of is the first instant of the next month in the zone; the window ends there. */
class PeriodTest {

    @Test
    void asOfIsTheFirstInstantOfTheNextMonthInUtc() {
        Period p = Period.of(YearMonth.of(2026, 10), ZoneOffset.UTC, 90);
        assertThat(p.asOf()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(p.windowStart()).isEqualTo(Instant.parse("2026-08-03T00:00:00Z"));
        assertThat(p.id()).isEqualTo("2026-10");
    }

    @Test
    void decemberClosesAtNewYear() {
        assertThat(Period.of(YearMonth.of(2026, 12), ZoneOffset.UTC, 90).asOf()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void leapFebruaryHas29DaysAndItsWindowCountsThem() {
        Period feb = Period.of(YearMonth.of(2028, 2), ZoneOffset.UTC, 29);
        assertThat(feb.asOf()).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
        assertThat(feb.windowStart()).isEqualTo(Instant.parse("2028-02-01T00:00:00Z"));
        Period plain = Period.of(YearMonth.of(2027, 2), ZoneOffset.UTC, 29);
        assertThat(plain.windowStart()).isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
    }

    @Test
    void zonesShiftTheBoundaryToLocalMidnight() {
        assertThat(Period.of(YearMonth.of(2026, 10), ZoneId.of("Europe/Berlin"), 90).asOf())
                .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        // Berlin is on summer time (UTC+2) at the end of May
        assertThat(Period.of(YearMonth.of(2026, 5), ZoneId.of("Europe/Berlin"), 90).asOf())
                .isEqualTo(Instant.parse("2026-05-31T22:00:00Z"));
        assertThat(Period.of(YearMonth.of(2026, 10), ZoneId.of("America/New_York"), 90).asOf())
                .isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    }

    @Test
    void theClosedPeriodDependsOnTheZoneAroundMidnight() {
        Instant now = Instant.parse("2026-11-01T01:30:00Z");
        assertThat(Period.previous(now, ZoneOffset.UTC)).isEqualTo(YearMonth.of(2026, 10));
        // still 31 October in New York: October is not closed there, September is the last closed month
        assertThat(Period.previous(now, ZoneId.of("America/New_York"))).isEqualTo(YearMonth.of(2026, 9));
        assertThat(Period.previous(Instant.parse("2028-03-01T00:00:00Z"), ZoneOffset.UTC)).isEqualTo(YearMonth.of(2028, 2));
        assertThat(Period.previous(Instant.parse("2027-01-01T02:00:00Z"), ZoneOffset.UTC)).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void badInputIsRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> Period.parse("2026-13")).hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> Period.of(YearMonth.of(2026, 1), ZoneOffset.UTC, 0)).hasMessageContaining("at least 1 day");
    }
}
