package dev.steward.cli;

import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestListener;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.Problem;
import dev.steward.ingest.SourceAdapters;
import dev.steward.ingest.UploadGrouping;
import dev.steward.text.Words;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingests files and folders the way the command line does, for every command that takes them ({@code ingest},
 * {@code assess}): {@link UploadGrouping} makes the uploads, {@link IngestService} stores each, and every report is
 * printed with its problems and a progress line on stderr.
 */
final class FolderIngest {

    /** The reports of the uploads made, with totals. */
    record Outcome(List<IngestReport> reports) {
        long rejected() {
            return reports.stream().filter(r -> r.status() == IngestReport.Status.REJECTED).count();
        }

        String summary() {
            long people = reports.stream().mapToLong(r -> r.counts().people()).sum();
            long agents = reports.stream().mapToLong(r -> r.counts().agents()).sum();
            long credentials = reports.stream().mapToLong(r -> r.counts().credentials()).sum();
            long decisions = reports.stream().mapToLong(r -> r.counts().decisions()).sum();
            return "Summary: " + Words.count(reports.size(), "upload") + ", " + rejected() + " rejected; stored "
                    + Words.count(people, "person", "people") + ", " + Words.count(agents, "agent") + ", "
                    + Words.count(credentials, "credential") + ", " + Words.count(decisions, "decision") + ".";
        }
    }

    private final IngestService ingest;
    private final IngestConfig limits;
    private final SourceAdapters sources;

    FolderIngest(IngestService ingest, IngestConfig limits, SourceAdapters sources) {
        this.ingest = ingest;
        this.limits = limits;
        this.sources = sources;
    }

    /** The --as-of option: RFC 3339 or a date; null when absent. */
    static Instant asOfOption(String text) {
        return text == null ? null : dev.steward.ingest.Times.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("--as-of '" + text + "' is not an RFC 3339 date-time or a date"));
    }

    /**
     * The optional folder of assess and report: ingests it first; false (with the reason on err) when an upload was
     * rejected, so nothing is assessed over partial evidence.
     */
    boolean ingestFirst(Path folder, String refusal, PrintWriter out, PrintWriter err) {
        if (folder == null) {
            return true;
        }
        Outcome ingested = ingest(List.of(folder), "auto", null, null, null, out, err);
        if (ingested.rejected() > 0) {
            err.println(refusal + ": " + Words.count(ingested.rejected(), "upload") + " rejected");
            return false;
        }
        return true;
    }

    Outcome ingest(List<Path> paths, String format, Instant asOf, String source, String scope, PrintWriter out, PrintWriter err) {
        sources.checkFormat(format);
        UploadGrouping.Groups groups = UploadGrouping.of(paths, limits, sources, format);
        groups.skipped().forEach(s -> out.println("skipped " + s));
        if (groups.uploads().isEmpty()) {
            throw new IllegalArgumentException("nothing to ingest in " + paths);
        }
        List<IngestReport> reports = new ArrayList<>();
        for (var files : groups.uploads()) {
            Progress progress = new Progress(err);
            IngestReport r = ingest.ingest(new IngestRequest(files, format, asOf, source, scope,
                    dev.steward.audit.Actors.cli(), progress, null));
            progress.done();
            reports.add(r);
            print(out, r);
        }
        Outcome outcome = new Outcome(reports);
        out.println(outcome.summary());
        out.flush();
        return outcome;
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
