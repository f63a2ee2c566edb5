package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rounding half up to four decimals, as the decimal representation of the double reads. */
class ScoresTest {

    /** The definition: the shortest decimal string of the double, rounded half up. */
    private static double reference(double v) {
        return BigDecimal.valueOf(v).setScale(Scores.DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void roundsHalfUpToFourDecimalsOfTheDecimalRepresentation() {
        assertThat(Scores.round(0.12345)).isEqualTo(0.1235);
        assertThat(Scores.round(0.12344)).isEqualTo(0.1234);
        assertThat(Scores.round(2.0 / 3)).isEqualTo(0.6667);
        assertThat(Scores.round(-0.00005)).isEqualTo(-0.0001);
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> random.nextInt(20_001) / 10_000.0;
                case 2 -> (random.nextInt(200_001) - 100_000) / 100_000.0;
                default -> random.nextInt(3) / 2.0;
            };
            assertThat(Double.doubleToRawLongBits(Scores.round(v))).as("%s", v)
                    .isEqualTo(Double.doubleToRawLongBits(reference(v)));
        }
    }

    @Test
    void passAndFailScoresComeBackAsTheyAreAndNegativeZeroAsZero() {
        assertThat(Double.doubleToRawLongBits(Scores.round(1.0))).isEqualTo(Double.doubleToRawLongBits(reference(1.0)));
        assertThat(Double.doubleToRawLongBits(Scores.round(0.0))).isEqualTo(Double.doubleToRawLongBits(reference(0.0)));
        assertThat(Double.doubleToRawLongBits(Scores.round(-0.0))).isEqualTo(Double.doubleToRawLongBits(reference(-0.0)))
                .isEqualTo(Double.doubleToRawLongBits(0.0));
        Double pass = 1.0;
        assertThat(Scores.round(pass)).isSameAs(pass);
        Double unrounded = 0.123456;
        assertThat(Scores.round(unrounded)).isEqualTo(0.1235);
        assertThat(Scores.round((Double) null)).isNull();
        assertThatThrownBy(() -> Scores.round(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scores.round(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
