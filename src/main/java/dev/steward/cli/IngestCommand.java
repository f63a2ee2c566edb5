package dev.steward.cli;

import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestService;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code steward ingest}: stores inventories, people directories and decision logs, one atomic upload per kind. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest inventory (YAML, JSON, CSV, XLSX), people directory and decision logs (JSON Lines,"
                + " gzip) into the evidence store.",
                "Inventory files named together form one upload; decision logs another. Each upload is atomic:"
                        + " stored completely or not at all, with every problem listed.",
                "Exit code: 0 when every upload was stored (or already was), 1 when one was rejected, 2 on bad usage."})
public class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<file|folder>", description = "Files or folders to ingest.")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "auto", description = "auto (detect from content), native, opa, vault,"
            + " aws-iam, aws-cloudtrail, k8s, ocsf or agent-card. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--as-of", paramLabel = "<instant>",
            description = "When the inventory was exported (RFC 3339 or YYYY-MM-DD), for CSV/XLSX without a meta sheet.")
    String asOf;

    @Option(names = "--source", description = "Provenance text for the inventory (e.g. cmdb-export-2026-11).")
    String source;

    @Option(names = "--scope", description = "Supersession scope: a later asOf replaces an earlier one within it."
            + " Default: native.")
    String scope;

    @Option(names = "--stats", description = "Also print elapsed time, throughput and peak heap (for benchmarks).")
    boolean stats;

    @Spec
    CommandSpec spec;

    private final FolderIngest folders;

    @Inject
    public IngestCommand(IngestService ingest, IngestConfig limits, dev.steward.ingest.SourceAdapters sources) {
        this.folders = new FolderIngest(ingest, limits, sources);
    }

    @Override
    @ActivateRequestContext
    public Integer call() {
        Instant asOfInstant = FolderIngest.asOfOption(asOf);
        HeapSampler heap = stats ? HeapSampler.start() : null;
        FolderIngest.Outcome outcome = folders.ingest(paths, format, asOfInstant, source, scope,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        if (stats) {
            long millis = outcome.reports().stream().mapToLong(IngestReport::elapsedMillis).sum();
            long records = outcome.reports().stream().mapToLong(r -> r.counts().people() + r.counts().agents()
                    + r.counts().credentials() + r.counts().decisions()).sum();
            spec.commandLine().getOut().printf("Stats: %d ms, %.0f records/s, peak heap %d MiB (max %d MiB)%n", millis,
                    records * 1000.0 / Math.max(1, millis), heap.stop() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            spec.commandLine().getOut().flush();
        }
        return outcome.rejected() > 0 ? 1 : 0;
    }

    /** Samples the heap in use every 50 ms and keeps the largest value seen. */
    static final class HeapSampler {
        private final Thread thread;
        private volatile long peak;
        private volatile boolean running = true;

        private HeapSampler() {
            var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "steward-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        static HeapSampler start() {
            return new HeapSampler();
        }

        long stop() {
            running = false;
            thread.interrupt();
            return peak;
        }
    }
}
