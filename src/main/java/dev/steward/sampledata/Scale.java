package dev.steward.sampledata;

import java.time.Instant;

/**
 * What to generate: the curated organisation (every check planted on named subjects, with expected results), or a
 * random organisation of the given size for benchmarks (same shapes, drawn with the seed, streamed to disk).
 *
 * @param curated curated mode; the counts are then those of the curated organisation and ignored
 * @param agents agents to generate in scale mode
 * @param credentials credentials to generate in scale mode
 * @param decisions decision lines to generate in scale mode
 * @param days observation window in days, ending at {@code asOf}
 * @param asOf the as-of instant: the inventory's asOf and the end of the decision window
 */
public record Scale(boolean curated, int agents, int credentials, long decisions, int days, Instant asOf) {

    public static final Instant DEFAULT_AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    public static final int DEFAULT_DAYS = 90;
    /** Rough size of the curated organisation; scale mode starts above it. */
    public static final int CURATED_AGENTS = 82;
    public static final int CURATED_CREDENTIALS = 200;
    public static final long CURATED_DECISIONS = 60_000;

    public Scale {
        if (days < 14) {
            throw new IllegalArgumentException("days must be at least 14 (the last 7 days are compared with the rest), was " + days);
        }
        if (!curated && (agents < 1 || credentials < 0 || decisions < 0)) {
            throw new IllegalArgumentException("agents must be positive and credentials, decisions not negative: "
                    + agents + ", " + credentials + ", " + decisions);
        }
    }

    /** The curated organisation with the default window (90 days to 2026-11-01T00:00:00Z). */
    public static Scale curatedDefault() {
        return new Scale(true, 0, 0, 0, DEFAULT_DAYS, DEFAULT_AS_OF);
    }

    /** A random organisation of the given size with the default window. */
    public static Scale of(int agents, int credentials, long decisions) {
        return new Scale(false, agents, credentials, decisions, DEFAULT_DAYS, DEFAULT_AS_OF);
    }

    public Scale withDays(int days) {
        return new Scale(curated, agents, credentials, decisions, days, asOf);
    }

    public Scale withAsOf(Instant asOf) {
        return new Scale(curated, agents, credentials, decisions, days, asOf);
    }
}
