package dev.steward.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Formats#percent} and {@link Formats#decimal} write exactly what {@code String.format} writes, whole numbers
 * (written without the formatter) and fractions alike.
 */
class FormatsNumberTest {

    private static void same(double share) {
        assertThat(Formats.percent(share)).as("percent of %s", share)
                .isEqualTo(String.format(Locale.ROOT, "%.1f %%", share * 100));
        assertThat(Formats.decimal(share)).as("decimal of %s", share).isEqualTo(String.format(Locale.ROOT, "%.2f", share));
        double scaled = share * 100;
        assertThat(Formats.decimal(scaled)).as("decimal of %s", scaled).isEqualTo(String.format(Locale.ROOT, "%.2f", scaled));
    }

    @Test
    void sharesOfWholeCountsAreWrittenAsTheFormatterWritesThem() {
        for (int total = 1; total <= 150; total++) {
            for (int met = 0; met <= total; met++) {
                same((double) met / total);
            }
        }
    }

    @Test
    void edgesAndRandomNumbersAreWrittenAsTheFormatterWritesThem() {
        double[] edges = {0.0, -0.0, 1.0, -1.0, 0.5, 0.05, 0.15, 0.25, 0.005, 0.015, 9.995, 99.95, 1e13, 1e15 / 100,
                9.99999999999999e14, 1e15, 1e16, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.nextDown(1.0), Math.nextUp(1.0), 4503599627370496.0,
                9007199254740993.0};
        for (double d : edges) {
            same(d);
        }
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            same(random.nextDouble());
            same(random.nextInt(2_000_000) / 1000.0);
            same(random.nextLong() / 1e6);
            same(Double.longBitsToDouble(random.nextLong()));
        }
    }
}
