package dev.steward.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The day and duration texts of reasons are written as they were before they were kept (days) and built without a
 * list (durations): the same text for every instant and duration, so reasons stay what they were.
 */
class RulesDaysAndDurationsTest {

    @Test
    void aDayIsTheUtcDateOfItsInstantInsideAndOutsideTheKeptDays() {
        List<Instant> chosen = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("2026-10-31T23:59:59.999999999Z"), Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2149-06-05T12:00:00Z"), Instant.parse("2149-06-06T00:00:00Z"),
                Instant.parse("0999-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z")));
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            chosen.add(Instant.ofEpochSecond(-5_000_000_000L + (long) (random.nextDouble() * 12_000_000_000L)));
        }
        for (int pass = 0; pass < 2; pass++) { // the second pass reads the kept texts
            for (Instant t : chosen) {
                assertThat(Rules.day(t)).as("%s", t).isEqualTo(LocalDate.ofInstant(t, ZoneOffset.UTC).toString());
            }
        }
        assertThat(Rules.day(null)).isEqualTo("unknown date");
    }

    @Test
    void aDurationIsItsNonZeroPartsLargestFirst() {
        assertThat(Rules.human(Duration.ofDays(90))).isEqualTo("90 d");
        assertThat(Rules.human(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(Rules.human(Duration.ofDays(2).plusHours(3))).isEqualTo("2 d 3 h");
        assertThat(Rules.human(Duration.ofSeconds(300))).isEqualTo("5 min");
        assertThat(Rules.human(Duration.ofSeconds(3_725))).isEqualTo("1 h 2 min 5 s");
        assertThat(Rules.human(Duration.ofDays(1).plusSeconds(1))).isEqualTo("1 d 1 s");
        assertThat(Rules.human(Duration.ZERO)).isEqualTo("0 s");
        assertThat(Rules.human(Duration.ofMillis(400))).isEqualTo("<1 s");
        assertThat(Rules.human(Duration.ofMinutes(-90))).isEqualTo("-1 h 30 min");
        Random random = new Random(9);
        for (int i = 0; i < 5_000; i++) {
            Duration d = Duration.ofSeconds((long) (random.nextDouble() * 400_000_000L) - 100_000_000L,
                    random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
            assertThat(Rules.human(d)).as("%s", d).isEqualTo(listed(d));
        }
    }

    /** The former definition: the parts collected in a list and joined. */
    private static String listed(Duration d) {
        if (d.isNegative()) {
            return "-" + listed(d.negated());
        }
        if (d.isZero()) {
            return "0 s";
        }
        List<String> parts = new ArrayList<>();
        if (d.toDays() > 0) {
            parts.add(d.toDays() + " d");
        }
        if (d.toHoursPart() > 0) {
            parts.add(d.toHoursPart() + " h");
        }
        if (d.toMinutesPart() > 0) {
            parts.add(d.toMinutesPart() + " min");
        }
        if (d.toSecondsPart() > 0) {
            parts.add(d.toSecondsPart() + " s");
        }
        return parts.isEmpty() ? "<1 s" : String.join(" ", parts);
    }
}
