package dev.steward.evidence;

import java.util.Locale;
import java.util.Optional;

/** How independently an agent acts; drives subject weight and credential lifetime limits. */
public enum Autonomy {
    AUTONOMOUS("autonomous", 3),
    SUPERVISED("supervised", 2),
    HUMAN_IN_THE_LOOP("human-in-the-loop", 1);

    private final String wire;
    private final int weight;

    Autonomy(String wire, int weight) {
        this.wire = wire;
        this.weight = weight;
    }

    /** The spelling used in the native formats. */
    public String wire() {
        return wire;
    }

    /** Factor in the subject weight (CHECKS.md). */
    public int weight() {
        return weight;
    }

    public static Optional<Autonomy> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Autonomy a : values()) {
            if (a.wire.equals(v)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public static String allowed() {
        return "autonomous, supervised, human-in-the-loop";
    }
}
