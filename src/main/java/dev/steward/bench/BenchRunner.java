package dev.steward.bench;

import dev.steward.assessment.AssessmentService;
import dev.steward.export.ExportService;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.report.ReportFilter;
import dev.steward.report.ReportFormat;
import dev.steward.report.ReportKind;
import dev.steward.report.ReportModel;
import dev.steward.report.ReportService;
import dev.steward.sampledata.SampleDataGenerator;
import dev.steward.sampledata.Scale;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * {@code steward bench}: generates seeded synthetic data at a chosen scale, then times every stage of the pipeline in
 * one run on this store (decision ingest, inventory ingest, assessment, the same assessment again with its code
 * compiled, each report in each format, an export bundle) and, beside each, its ceiling measured in the same run on
 * the same data (see {@link DecisionCeiling}, {@link ReportCeiling}). Refuses a store that holds uploads already, so a
 * benchmark never mixes with real evidence.
 */
@ApplicationScoped
public class BenchRunner {

    /** What to run. */
    public record Options(int agents, int credentials, long decisions, long seed, Path out, boolean ceilings) {
    }

    private static final int ASSESS_SECONDS = 30;
    private static final double INGEST_RATIO = 2.0;
    private static final double REPORT_RATIO = 1.5;

    private final IngestService ingest;
    private final AssessmentService assessments;
    private final ReportService reports;
    private final ExportService exports;
    private final AgroalDataSource dataSource;

    public BenchRunner(IngestService ingest, AssessmentService assessments, ReportService reports, ExportService exports,
            AgroalDataSource dataSource) {
        this.ingest = ingest;
        this.assessments = assessments;
        this.reports = reports;
        this.exports = exports;
        this.dataSource = dataSource;
    }

    /** Runs every stage; prints the table as it goes and writes bench.md and bench.json to the out folder. */
    public BenchReport run(Options o, PrintWriter log) throws IOException {
        String database = database();
        Files.createDirectories(o.out());
        Path data = o.out().resolve("data");
        Path reportsDir = o.out().resolve("reports");
        Files.createDirectories(reportsDir);
        List<StageResult> rows = new ArrayList<>();
        BenchReport.Machine machine = BenchReport.Machine.now(database);
        Scale scale = Scale.of(o.agents(), o.credentials(), o.decisions());
        log.printf("steward bench: %,d agents, %,d credentials, %,d decisions over %d days on %s; heap limit %d MiB%n",
                o.agents(), o.credentials(), o.decisions(), scale.days(), database, Runtime.getRuntime().maxMemory() >> 20);
        log.flush();
        long pipelineStart = System.nanoTime();
        try (HeapWatch heap = new HeapWatch()) {
            Path decisions = data.resolve("decisions.jsonl.gz");
            if (!Files.exists(decisions) || !Files.exists(data.resolve("inventory.yaml"))) {
                heap.reset();
                long t = System.nanoTime();
                SampleDataGenerator.generate(data, scale, o.seed());
                add(rows, log, StageResult.plain("generate data (not product work)", ms(t), o.decisions(), "decisions", StageResult.heap(heap)));
            } else {
                log.println("reusing the data in " + data + " (delete it to regenerate)");
            }
            Long parseMs = null;
            Long insertMs = null;
            if (o.ceilings()) {
                DecisionCeiling ceiling = new DecisionCeiling();
                heap.reset();
                long t = System.nanoTime();
                long n = ceiling.parse(decisions);
                parseMs = ms(t);
                add(rows, log, StageResult.plain("ceiling: Jackson streaming parse", parseMs, n, "decisions", StageResult.heap(heap)));
                heap.reset();
                t = System.nanoTime();
                n = ceiling.parseAndInsert(decisions, dataSource);
                insertMs = ms(t);
                add(rows, log, StageResult.plain("ceiling: parse + plain JDBC batch/COPY", insertMs, n, "decisions", StageResult.heap(heap)));
            }
            heap.reset();
            long t = System.nanoTime();
            IngestReport d = ingest.ingest(IngestRequest.of(List.of(InputFile.of(decisions))));
            long ingestMs = ms(t);
            committed(d);
            add(rows, log, insertMs == null
                    ? StageResult.plain("decision ingest", ingestMs, d.counts().decisions(), "decisions", StageResult.heap(heap))
                    : StageResult.againstCeiling("decision ingest", ingestMs, d.counts().decisions(), "decisions", StageResult.heap(heap),
                            "parse + insert", insertMs, INGEST_RATIO));
            Long inventoryParseMs = null;
            if (o.ceilings()) {
                heap.reset();
                t = System.nanoTime();
                long n = new InventoryCeiling().parse(data.resolve("people.csv"), data.resolve("inventory.yaml"));
                inventoryParseMs = ms(t);
                add(rows, log, StageResult.plain("ceiling: inventory parse (CSV + Jackson YAML streaming)", inventoryParseMs, n,
                        "records", StageResult.heap(heap)));
            }
            heap.reset();
            t = System.nanoTime();
            IngestReport inv = ingest.ingest(IngestRequest.of(List.of(InputFile.of(data.resolve("people.csv")),
                    InputFile.of(data.resolve("inventory.yaml")))));
            committed(inv);
            long inventoryMs = ms(t);
            long records = inv.counts().people() + inv.counts().agents() + inv.counts().credentials();
            add(rows, log, inventoryParseMs == null
                    ? StageResult.plain("inventory ingest", inventoryMs, records, "records", StageResult.heap(heap))
                    : StageResult.besideCeiling("inventory ingest", inventoryMs, records, "records", StageResult.heap(heap),
                            "parse only", inventoryParseMs));
            heap.reset();
            t = System.nanoTime();
            AssessmentService.Assessed run = assessments.assess(scale.asOf(), Duration.ofDays(scale.days()), "bench");
            add(rows, log, StageResult.withinSeconds("assessment", ms(t), run.run().summary().totals().results().total(),
                    "results", StageResult.heap(heap), ASSESS_SECONDS));
            // the same assessment a second later in the same process, its code compiled (as in a service assessing on a
            // schedule): a first run spends about a third of its CPU compiling the checks it runs; diffed with the first
            heap.reset();
            t = System.nanoTime();
            AssessmentService.Assessed again = assessments.assess(scale.asOf().plusSeconds(1), Duration.ofDays(scale.days()),
                    "bench");
            add(rows, log, StageResult.withinSeconds("assessment again (compiled)", ms(t),
                    again.run().summary().totals().results().total(), "results", StageResult.heap(heap), ASSESS_SECONDS));
            reportStages(run, reportsDir, heap, log, o.ceilings(), rows);
            heap.reset();
            t = System.nanoTime();
            ExportService.Outcome bundle = exports.export(YearMonth.from(scale.asOf().minusSeconds(1).atZone(exports.zone())),
                    o.out().resolve("exports"), "bench", ExportService.Step.NONE, Instant.now());
            add(rows, log, StageResult.plain("export bundle " + bundle.period() + " (" + bundle.status() + ")", ms(t),
                    1, "bundle", StageResult.heap(heap)));
            long total = ms(pipelineStart);
            long productMs = rows.stream().filter(r -> !r.stage().startsWith("ceiling") && !r.stage().startsWith("generate"))
                    .mapToLong(StageResult::millis).sum();
            long peak = rows.stream().filter(r -> !r.stage().startsWith("ceiling")).mapToLong(StageResult::liveHeapBytes).max()
                    .orElse(0);
            BenchReport report = new BenchReport(machine.finish(), o.agents(), o.credentials(), o.decisions(), rows,
                    CheckCost.of(run.millisByCheck(), again.millisByCheck()), productMs,
                    total, peak, heap.max());
            report.write(o.out());
            log.println();
            log.println(report.table());
            log.flush();
            return report;
        }
    }

    /**
     * The report model and every report in every format. A method of its own so that the model (the whole inventory
     * at 100k agents) is unreachable once the reports are written: the export that follows builds its own, as it does
     * in the product, and must not be measured with a second model in the heap.
     */
    private void reportStages(AssessmentService.Assessed run, Path reportsDir, HeapWatch heap, PrintWriter log,
            boolean ceilings, List<StageResult> rows) throws IOException {
        heap.reset();
        long t = System.nanoTime();
        ReportModel model = reports.model(run.run().id(), null, ReportFilter.NONE).orElseThrow();
        add(rows, log, StageResult.plain("report model", ms(t), run.run().summary().totals().findings(), "findings",
                StageResult.heap(heap)));
        for (ReportKind kind : ReportKind.values()) {
            for (ReportFormat format : ReportFormat.values()) {
                rows.add(report(kind, format, model, reportsDir, heap, log, ceilings));
            }
        }
    }

    private StageResult report(ReportKind kind, ReportFormat format, ReportModel model, Path dir, HeapWatch heap,
            PrintWriter log, boolean ceilings) throws IOException {
        String name = kind.wire() + "." + format.extension();
        heap.reset();
        long t = System.nanoTime();
        write(dir.resolve(name), out -> {
            reports.write(kind, format, model, out);
            return 0;
        });
        long millis = ms(t);
        long size = Files.size(dir.resolve(name));
        ToLongFunction<OutputStream> ceiling = !ceilings ? null : switch (format) {
            case XLSX -> out -> ReportCeiling.xlsx(ReportCeiling.tables(kind, model), out);
            case PDF -> out -> ReportCeiling.pdf(ReportCeiling.tables(kind, model), out);
            case HTML -> out -> ReportCeiling.html(ReportCeiling.tables(kind, model), out);
            default -> null;
        };
        long[] peak = StageResult.heap(heap);
        if (ceiling == null) {
            return add(null, log, StageResult.plain("report " + name, millis, size, "bytes", peak));
        }
        String lib = format == ReportFormat.XLSX ? "POI SXSSF" : format == ReportFormat.PDF ? "OpenPDF" : "FreeMarker";
        t = System.nanoTime();
        long[] rows = {0};
        write(dir.resolve("ceiling-" + name), out -> rows[0] = ceiling.applyAsLong(out));
        long ceilingMs = ms(t);
        return add(null, log, StageResult.againstCeiling("report " + name, millis, size, "bytes", peak,
                lib + " same " + rows[0] + " rows", ceilingMs, REPORT_RATIO));
    }

    private interface Body {
        long write(OutputStream out) throws IOException;
    }

    private static void write(Path file, Body body) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            body.write(out);
        }
    }

    private static StageResult add(List<StageResult> rows, PrintWriter log, StageResult r) {
        if (rows != null) {
            rows.add(r);
        }
        log.println(BenchReport.line(r));
        log.flush();
        return r;
    }

    private static void committed(IngestReport r) {
        if (r.status() != IngestReport.Status.COMMITTED) {
            throw new IllegalStateException("upload " + r.files() + " was " + r.status() + ": " + r.problems());
        }
    }

    /** The database product, after checking the store holds no upload yet. */
    private String database() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM upload")) {
            r.next();
            if (r.getLong(1) > 0) {
                throw new IllegalArgumentException("the store holds " + r.getLong(1) + " upload(s): run the benchmark on an empty"
                        + " store, e.g. STEWARD_DATA_DIR=bench-out/store ./steward bench");
            }
            var md = c.getMetaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    private static long ms(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
