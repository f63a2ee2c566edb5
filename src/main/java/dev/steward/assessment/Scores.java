package dev.steward.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of scores: every double Steward reports is rounded here, half up to {@value #DECIMALS} decimals, so
 * outputs are byte-stable and equal whether they come from memory or from the store. Sums are taken in a fixed
 * order (run order: catalog, then subject) before rounding.
 */
public final class Scores {

    public static final int DECIMALS = 4;

    private Scores() {
    }

    public static double round(double value) {
        if (value == 1.0 || Double.doubleToRawLongBits(value) == 0L) {
            // the score of every PASS and FAIL, nearly every result of a run: rounding gives it back (through BigDecimal
            // and the shortest decimal string of the double, 1.2 s of a 10M-decision assessment for 5.1M results)
            return value;
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    public static Double round(Double value) {
        if (value == null) {
            return null;
        }
        double rounded = round(value.doubleValue());
        return Double.doubleToRawLongBits(rounded) == Double.doubleToRawLongBits(value) ? value : Double.valueOf(rounded);
    }

    /** numerator / denominator rounded, or null when the denominator is not positive (nothing to divide). */
    public static Double ratio(double numerator, double denominator) {
        return denominator > 0 ? round(numerator / denominator) : null;
    }

    /** b - a rounded, or null when either is unknown. */
    public static Double delta(Double a, Double b) {
        return a == null || b == null ? null : round(b - a);
    }

    /** A weighted mean built up value by value; {@link #value()} is null when nothing was added. */
    static final class Mean {
        private double sum;
        private double weight;

        void add(double value, double w) {
            sum += value * w;
            weight += w;
        }

        void add(Mean other) {
            sum += other.sum;
            weight += other.weight;
        }

        Double value() {
            return ratio(sum, weight);
        }
    }
}
