package dev.steward.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one {@code steward bench} run: where it ran, at what scale, and one {@link StageResult} per stage;
 * printed as a table and written as bench.md and bench.json.
 *
 * @param checks what each evaluation of the assessment cost, most costly first (issue 3: the per-check cost)
 * @param productMillis the product stages added up (no data generation, no ceilings)
 * @param totalMillis the whole run, ceilings and generation included
 * @param peakHeapBytes the largest live heap (after a collection) in any product stage
 * @param maxHeapBytes the heap limit
 */
public record BenchReport(Machine machine, int agents, int credentials, long decisions, List<StageResult> stages,
        List<CheckCost> checks, long productMillis, long totalMillis, long peakHeapBytes, long maxHeapBytes) {

    public BenchReport {
        stages = List.copyOf(stages);
        checks = List.copyOf(checks);
    }

    /** Where and when: cores, JVM, flags, database, load average at the start and at the end. */
    public record Machine(Instant started, Instant finished, int cores, String os, String jvm, List<String> jvmFlags,
            String database, double loadAtStart, double loadAtEnd) {

        static Machine now(String database) {
            var os = ManagementFactory.getOperatingSystemMXBean();
            return new Machine(Instant.now().truncatedTo(ChronoUnit.SECONDS), null, os.getAvailableProcessors(),
                    os.getName() + " " + os.getVersion() + " " + os.getArch(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    ManagementFactory.getRuntimeMXBean().getInputArguments(), database, os.getSystemLoadAverage(), -1);
        }

        Machine finish() {
            return new Machine(started, Instant.now().truncatedTo(ChronoUnit.SECONDS), cores, os, jvm, jvmFlags, database,
                    loadAtStart, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static final String HEADER = String.format(Locale.ROOT, "%-44s %10s %16s %8s %8s %10s %7s %-14s %-5s  %s",
            "stage", "time s", "throughput", "live MiB", "used MiB", "ceiling s", "ratio", "target", "met", "ceiling");

    /** One table line for a stage. */
    static String line(StageResult r) {
        return String.format(Locale.ROOT, "%-44s %10.1f %16s %8d %8d %10s %7s %-14s %-5s  %s", r.stage(),
                r.millis() / 1000.0, rate(r), r.liveHeapBytes() >> 20, r.peakHeapBytes() >> 20, r.ceilingMillis() == null ? "" : String.format(Locale.ROOT, "%.1f",
                        r.ceilingMillis() / 1000.0), r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                r.target() == null ? "" : r.target(), r.met() == null ? "" : r.met() ? "yes" : "NO",
                r.ceiling() == null ? "" : r.ceiling());
    }

    private static String rate(StageResult r) {
        return switch (r.unit()) {
            case "bytes" -> String.format(Locale.ROOT, "%.1f MB/s", r.throughput() / 1e6);
            case "bundle" -> "";
            default -> String.format(Locale.ROOT, "%,.0f %s/s", r.throughput(), shortUnit(r.unit()));
        };
    }

    private static String shortUnit(String unit) {
        return switch (unit) {
            case "decisions" -> "dec";
            case "records" -> "rec";
            case "results" -> "res";
            case "findings" -> "find";
            default -> unit;
        };
    }

    /** The plain-text table with a header and the totals. */
    public String table() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        stages.forEach(r -> sb.append(line(r)).append('\n'));
        sb.append(String.format(Locale.ROOT, "product stages %.1f s, whole run %.1f s, peak live heap %d MiB of %d MiB;"
                + " load average %.2f at start, %.2f at end", productMillis / 1000.0, totalMillis / 1000.0,
                peakHeapBytes >> 20, maxHeapBytes >> 20, machine.loadAtStart(), machine.loadAtEnd()));
        if (!checks.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%-36s %14s %14s%n", "per check (evaluation)", "first run s",
                    "compiled s"));
            checks.forEach(c -> sb.append(String.format(Locale.ROOT, "%-36s %14.2f %14.2f%n", c.evaluation(),
                    c.firstMillis() / 1000.0, c.compiledMillis() / 1000.0)));
        }
        return sb.toString();
    }

    /**
     * The per-check table of bench.md: each evaluation's time and its share of all evaluations' time, in both runs.
     */
    String checksMarkdown() {
        long first = checks.stream().mapToLong(CheckCost::firstMillis).sum();
        long compiled = checks.stream().mapToLong(CheckCost::compiledMillis).sum();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n## Per check%n%nWhat each evaluation (check | variant) of the"
                + " assessment cost: evaluating its subjects, then attributing, storing and keeping its results,"
                + " summed over the shards (wall-clock, so the collector's pauses and the waits for a core fall where"
                + " they come); in the first run (%.1f s in all) and in the same assessment again with its code"
                + " compiled (%.1f s). The rest of a stage's time is loading the inventory, routing the window's"
                + " decisions to shards, reading them, and counting, diffing and committing the run.%n%n",
                first / 1000.0, compiled / 1000.0));
        sb.append("| evaluation | first run s | share | compiled s | share |\n|---|---:|---:|---:|---:|\n");
        for (CheckCost c : checks) {
            // the evaluation's '|' escaped: markdown would split the cell there
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %.2f | %s |%n", c.evaluation().replace("|", "\\|"),
                    c.firstMillis() / 1000.0, share(c.firstMillis(), first), c.compiledMillis() / 1000.0,
                    share(c.compiledMillis(), compiled)));
        }
        return sb.toString();
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    /** The same table in markdown, with the machine. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# steward bench ").append(machine.started()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Scale: %,d agents, %,d credentials, %,d decisions. Database: %s. Machine: %d"
                + " cores, %s, %s. JVM flags: `%s`. Load average %.2f at start, %.2f at end.%n%n", agents, credentials,
                decisions, machine.database(), machine.cores(), machine.os(), machine.jvm(), String.join(" ", machine.jvmFlags()),
                machine.loadAtStart(), machine.loadAtEnd()));
        sb.append("| stage | time s | throughput | live heap MiB | used heap MiB | ceiling | ceiling s | ratio | target | met |\n");
        sb.append("|---|---:|---:|---:|---:|---|---:|---:|---|---|\n");
        for (StageResult r : stages) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %d | %d | %s | %s | %s | %s | %s |%n", r.stage(),
                    r.millis() / 1000.0, rate(r), r.liveHeapBytes() >> 20, r.peakHeapBytes() >> 20, r.ceiling() == null ? "" : r.ceiling(),
                    r.ceilingMillis() == null ? "" : String.format(Locale.ROOT, "%.1f", r.ceilingMillis() / 1000.0),
                    r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                    r.target() == null ? "" : r.target().replace("<=", "&le;"),
                    r.met() == null ? "" : r.met() ? "yes" : "**no**"));
        }
        sb.append(String.format(Locale.ROOT, "%nProduct stages %.1f s; whole run %.1f s; peak live heap (after GC) %d MiB of"
                + " %d MiB. Live: the most heap still in use after a collection during the stage; used: the most in use,"
                + " garbage included.%n",
                productMillis / 1000.0, totalMillis / 1000.0, peakHeapBytes >> 20, maxHeapBytes >> 20));
        if (!checks.isEmpty()) {
            sb.append(checksMarkdown());
        }
        return sb.toString();
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("bench.md"), markdown());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve("bench.json").toFile(), this);
    }
}
