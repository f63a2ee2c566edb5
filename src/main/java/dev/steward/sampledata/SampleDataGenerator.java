package dev.steward.sampledata;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Generates a realistic fictional organisation in Steward's native formats (FORMATS.md): inventory.yaml, people.csv
 * and decisions.jsonl.gz. Deterministic: the same seed and scale give byte-identical files (a seeded
 * {@link java.util.SplittableRandom}, never the clock). Curated mode also writes expected.yaml and EXPECTED.md, the
 * results every check must give on it; scale mode streams large organisations for benchmarks.
 *
 * <p>Run: {@code java -cp target/classes dev.steward.sampledata.SampleDataGenerator --out sample-data}. Options:
 * {@code --seed} (42), {@code --agents}, {@code --credentials}, {@code --decisions} (scale mode when any is above the
 * curated size), {@code --days} (90), {@code --as-of} (2026-11-01T00:00:00Z).
 */
public final class SampleDataGenerator {

    /** What was written. */
    public record Summary(String mode, long people, long agents, long credentials, long decisions) {
    }

    private SampleDataGenerator() {
    }

    /** Writes the organisation described by {@code scale} into {@code outDir} (created when missing). */
    public static Summary generate(Path outDir, Scale scale, long seed) throws IOException {
        return scale.curated() ? CuratedGenerator.generate(outDir, scale, seed) : ScaleGenerator.generate(outDir, scale, seed);
    }

    public static void main(String[] args) throws IOException {
        try {
            run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    static Summary run(String[] args, PrintStream out) throws IOException {
        Path dir = null;
        long seed = 42;
        Integer agents = null;
        Integer credentials = null;
        Long decisions = null;
        int days = Scale.DEFAULT_DAYS;
        Instant asOf = Scale.DEFAULT_AS_OF;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                out.println(usage());
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--out" -> dir = Path.of(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--agents" -> agents = Integer.parseInt(value);
                    case "--credentials" -> credentials = Integer.parseInt(value);
                    case "--decisions" -> decisions = Long.parseLong(value);
                    case "--days" -> days = Integer.parseInt(value);
                    case "--as-of" -> asOf = Instant.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("bad value '" + value + "' for " + option);
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--out <folder> is required");
        }
        Scale scale = scale(agents, credentials, decisions, out).withDays(days).withAsOf(asOf);
        long start = System.nanoTime();
        Summary s = generate(dir, scale, seed);
        out.printf(Locale.ROOT, "%s: %d people, %d agents, %d credentials, %d decisions in %s (%.1f s)%n", s.mode(),
                s.people(), s.agents(), s.credentials(), s.decisions(), dir, (System.nanoTime() - start) / 1e9);
        return s;
    }

    /**
     * Scale mode when any count is above the curated size; missing counts follow the benchmark ratios (3 credentials
     * and 100 decisions per agent).
     */
    static Scale scale(Integer agents, Integer credentials, Long decisions, PrintStream out) {
        boolean above = (agents != null && agents > Scale.CURATED_AGENTS)
                || (credentials != null && credentials > Scale.CURATED_CREDENTIALS)
                || (decisions != null && decisions > Scale.CURATED_DECISIONS);
        if (!above) {
            if (agents != null || credentials != null || decisions != null) {
                out.println("counts at or below the curated size: generating the curated organisation");
            }
            return Scale.curatedDefault();
        }
        int a;
        if (agents != null) {
            a = agents;
        } else if (credentials != null) {
            a = Math.max(Scale.CURATED_AGENTS + 1, credentials / 3);
        } else {
            a = (int) Math.max(Scale.CURATED_AGENTS + 1, Math.min(Integer.MAX_VALUE, decisions / 100));
        }
        int c = credentials != null ? credentials : a * 3;
        long d = decisions != null ? decisions : a * 100L;
        return Scale.of(a, c, d);
    }

    static String usage() {
        return "usage: SampleDataGenerator --out <folder> [--seed 42] [--agents N] [--credentials N] [--decisions N]"
                + " [--days 90] [--as-of 2026-11-01T00:00:00Z]\n"
                + "  curated organisation by default; scale mode when a count is above the curated size ("
                + Scale.CURATED_AGENTS + " agents, " + Scale.CURATED_CREDENTIALS + " credentials, "
                + Scale.CURATED_DECISIONS + " decisions)";
    }
}
