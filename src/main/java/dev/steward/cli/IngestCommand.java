package dev.steward.cli;

import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestListener;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.Problem;
import dev.steward.ingest.SourceAdapters;
import dev.steward.ingest.Times;
import dev.steward.ingest.UploadGrouping;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code steward ingest}: stores inventories, people directories and decision logs, one atomic upload per kind. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest inventory (YAML, JSON, CSV, XLSX), people directory and decision logs (JSON Lines,"
                + " gzip) into the evidence store, natively or as exported by OPA, Vault, AWS, Kubernetes, OCSF and"
                + " agent cards (docs/sources.md).",
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
            + " Default: native; for a source export the source's own (aws:<account>, k8s:<--source>, ...).")
    String scope;

    @Spec
    CommandSpec spec;

    private final IngestService ingest;
    private final IngestConfig limits;
    private final SourceAdapters sources;

    @Inject
    public IngestCommand(IngestService ingest, IngestConfig limits, SourceAdapters sources) {
        this.ingest = ingest;
        this.limits = limits;
        this.sources = sources;
    }

    @Override
    @ActivateRequestContext
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant asOfInstant = asOf == null ? null : Times.parse(asOf)
                .orElseThrow(() -> new IllegalArgumentException("--as-of '" + asOf + "' is not an RFC 3339 date-time or a date"));
        sources.checkFormat(format);
        UploadGrouping.Groups groups = UploadGrouping.of(paths, limits, sources, format);
        groups.skipped().forEach(s -> out.println("skipped " + s));
        if (groups.uploads().isEmpty()) {
            throw new IllegalArgumentException("nothing to ingest in " + paths);
        }
        List<IngestReport> reports = new ArrayList<>();
        for (var files : groups.uploads()) {
            Progress progress = new Progress(err);
            IngestReport r = ingest.ingest(new IngestRequest(files, format, asOfInstant, source, scope,
                    System.getProperty("user.name"), progress, null));
            progress.done();
            reports.add(r);
            print(out, r);
        }
        long people = reports.stream().mapToLong(r -> r.counts().people()).sum();
        long agents = reports.stream().mapToLong(r -> r.counts().agents()).sum();
        long credentials = reports.stream().mapToLong(r -> r.counts().credentials()).sum();
        long decisions = reports.stream().mapToLong(r -> r.counts().decisions()).sum();
        long rejected = reports.stream().filter(r -> r.status() == IngestReport.Status.REJECTED).count();
        out.printf("Summary: %d upload(s), %d rejected; stored %d people, %d agents, %d credentials, %d decisions.%n",
                reports.size(), rejected, people, agents, credentials, decisions);
        out.flush();
        return rejected > 0 ? 1 : 0;
    }

    private static void print(PrintWriter out, IngestReport r) {
        out.println(r.summary());
        out.println("  files: " + String.join(", ", r.files()) + "; format " + r.format() + "; scope " + r.scope()
                + (r.asOf() == null ? "" : "; asOf " + r.asOf())
                + "; sha256 " + r.contentHash().substring(0, 16) + "...; " + r.elapsedMillis() + " ms");
        int shown = 0;
        for (Problem p : r.problems()) {
            if (shown++ == 25) {
                out.println("  ... " + (r.problems().size() - 25 + r.unlistedProblems()) + " more problems (GET /api/v1/uploads/"
                        + r.uploadId() + " lists them)");
                break;
            }
            out.println("  " + p);
        }
    }

    /** Prints a progress line to stderr at most once a second. */
    static final class Progress implements IngestListener {
        private final PrintWriter err;
        private final long started = System.nanoTime();
        private long last = started;
        private boolean printed;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(String file, long bytesRead, long totalBytes, long records) {
            long now = System.nanoTime();
            if (now - last < 1_000_000_000L) {
                return;
            }
            last = now;
            double secs = Math.max(0.001, (now - started) / 1e9);
            err.printf("\r  %s: %3d%%  %,d records  %,.0f/s   ", file,
                    totalBytes == 0 ? 100 : Math.min(100, bytesRead * 100 / totalBytes), records, records / secs);
            err.flush();
            printed = true;
        }

        void done() {
            if (printed) {
                err.println();
            }
        }
    }
}
