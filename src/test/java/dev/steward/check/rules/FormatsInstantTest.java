package dev.steward.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reasons' instant text is exactly Instant.toString(), the text they had before it was written by hand. */
class FormatsInstantTest {

    @Test
    void writesWhatToStringWritesForChosenInstants() {
        List<Instant> chosen = List.of(Instant.EPOCH, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-08-03T00:00:30Z"), Instant.parse("2026-10-31T23:59:59.999999999Z"),
                Instant.parse("2026-02-28T12:00:00.100Z"), Instant.parse("2024-02-29T01:02:03.000100Z"),
                Instant.parse("2024-02-29T01:02:03.000000001Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59Z"),
                Instant.parse("9999-12-31T23:59:59.123456Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MIN, Instant.MAX);
        for (Instant t : chosen) {
            assertThat(Formats.instant(t)).as("%s", t).isEqualTo(t.toString());
        }
    }

    @Test
    void atWritesWhatStringConcatenationWrites() {
        Instant none = null;
        assertThat(Formats.at(none)).isEqualTo("" + none);
        for (Instant t : List.of(Instant.parse("2026-10-31T23:59:59.5Z"), Instant.MIN, Instant.parse("2026-01-01T00:00:00Z"))) {
            assertThat("lastUsedAt " + Formats.at(t)).isEqualTo("lastUsedAt " + t);
        }
    }

    @Test
    void appendsAfterWhatTheBuilderHolds() {
        for (Instant t : List.of(Instant.parse("2024-02-29T01:02:03.000100Z"), Instant.parse("2026-08-03T00:00:30Z"),
                Instant.parse("2026-10-31T23:59:59.000000007Z"), Instant.MIN)) {
            StringBuilder b = new StringBuilder("first ");
            assertThat(Formats.instant(b, t)).isSameAs(b);
            assertThat(b).as("%s", t).hasToString("first " + t);
        }
    }

    @Test
    void writesWhatToStringWritesForRandomInstants() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long seconds = -40_000_000_000L + (long) (random.nextDouble() * 300_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nano);
            assertThat(Formats.instant(t)).as("%s", t).isEqualTo(t.toString());
        }
    }
}
