package dev.steward.bench;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.ControlStatus;
import dev.steward.assessment.Finding;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.ResultCounts;
import dev.steward.assessment.RevocationLatency;
import dev.steward.assessment.Rollups;
import dev.steward.assessment.SeverityCounts;
import dev.steward.assessment.Totals;
import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.PersonRecord;
import dev.steward.mapping.MappingLoader;
import dev.steward.report.GapReport;
import dev.steward.report.PdfReportWriter;
import dev.steward.report.ReportFilter;
import dev.steward.report.ReportInputs;
import dev.steward.report.ReportKind;
import dev.steward.report.ReportModel;
import dev.steward.report.ReportModelBuilder;
import dev.steward.report.XlsxReportWriter;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Not a test: writes the XLSX and PDF reports for a synthetic run of N agents and 3N findings (default 100k / 300k)
 * and, in the same JVM, raw POI SXSSF and OpenPDF writing the same number of rows and columns of similar text, so the
 * report writers' overhead can be read off. Run with
 * {@code java -Xmx512m -cp target/classes:target/test-classes:$(cat cp.txt) dev.steward.bench.ReportBenchmark [agents]}.
 */
public final class ReportBenchmark {

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int findings = agents * 3;
        Path dir = Files.createTempDirectory("report-bench");
        Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
        List<PersonRecord> people = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            people.add(new PersonRecord("p-" + i, "Person " + i, null, "team-" + i % 50, i < 50 ? null : "p-" + i % 50,
                    i % 97 == 0 ? "departed" : "active", i % 97 == 0 ? asOf.minusSeconds(86400L * 30) : null, null));
        }
        List<AgentRecord> list = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            list.add(new AgentRecord(String.format("agent-%06d", i), "Agent number " + i, Autonomy.values()[i % 3],
                    i % 2 == 0 ? "prod" : "dev", "team-" + i % 50, "p-" + (50 + i % 1950), null, "active", null,
                    asOf.minusSeconds(86400L * 400), asOf.minusSeconds(86400L * (i % 300)), null, "spiffe", "id", "#alerts",
                    "deny-spike", null, "revoke", null, List.of("erp"), List.of("erp:read"), null));
        }
        Evidence ev = new Evidence(asOf, asOf.minusSeconds(86400L * 90), people, list, List.of(), List.of(), List.of());
        Map<String, Check> checks = new HashMap<>();
        CheckCatalog.allChecks().forEach(c -> checks.put(c.id(), c));
        String[] ids = {"OWN-3", "OWN-5", "LIF-3", "AUT-1", "AUT-3", "LOG-2"};
        Iterable<Finding> source = () -> IntStream.range(0, findings).mapToObj(i -> {
            String check = ids[i % ids.length];
            AgentRecord a = list.get(i / 3);
            return new Finding("bench", check, "default", "agent", a.id(), i % 4 == 0 ? Result.PARTIAL : Result.FAIL,
                    i % 4 == 0 ? 0.5 : 0.0, checks.get(check).severity(), "synthetic finding " + i + " of " + check,
                    a.owner(), null, a.team(), a.environment(), a.weight(),
                    List.of(EvidenceRef.of("agent", a.id(), "synthetic evidence")), List.of("owasp-asi-2026:ASI03"));
        }).iterator();
        var mappings = new MappingLoader(CheckCatalog.allChecks()).load(java.util.Optional.empty());
        List<FrameworkScore> frameworks = List.of(new FrameworkScore("owasp-asi-2026", "OWASP ASI", "2026", 0.8, 0.9, 10, 0,
                5, 3, 2, 0, 0));
        List<ControlResult> controls = List.of(new ControlResult("owasp-asi-2026", "ASI03", "Identity and privilege abuse",
                null, false, ControlStatus.NOT_SATISFIED, 0.4, 1.0, false,
                List.of(new ControlResult.ControlCheck("OWN-3", "default", 1, null, 0.4, 1.0, findings / 6)),
                List.of(), List.of(), null));
        AssessmentSummary summary = new AssessmentSummary("bench", asOf, asOf.minusSeconds(86400L * 90), asOf, "bench", "m", "p",
                List.of(), new Totals(agents, 0, 0, 0, ResultCounts.NONE, findings, new SeverityCounts(0, 0, 0, 0)), frameworks,
                List.of(), new Rollups(List.of(), List.of(), List.of(), List.of()), List.of(), List.of(), List.of(),
                new RevocationLatency(0, null, null, null), null);
        long t0 = System.nanoTime();
        ReportModel model = new ReportModelBuilder(new ReportInputs(summary, controls, null, List.of(), ev, mappings, checks,
                source, List.of(), List.<GapReport.InputRow>of(), asOf)).build(null, ReportFilter.NONE);
        long modelMs = ms(t0);
        Map<String, Long> r = new java.util.LinkedHashMap<>();
        r.put("model", modelMs);
        r.put("xlsx-raw", time(() -> rawXlsx(dir.resolve("raw.xlsx"), agents, findings)));
        r.put("xlsx-gaps", time(() -> write(dir.resolve("gaps.xlsx"), out -> new XlsxReportWriter().write(ReportKind.GAPS, model, out))));
        r.put("xlsx-ownership", time(() -> write(dir.resolve("ownership.xlsx"),
                out -> new XlsxReportWriter().write(ReportKind.OWNERSHIP, model, out))));
        r.put("pdf-raw", time(() -> rawPdf(dir.resolve("raw.pdf"), agents, findings)));
        r.put("pdf-gaps", time(() -> write(dir.resolve("gaps.pdf"), out -> new PdfReportWriter().write(ReportKind.GAPS, model, out))));
        r.put("pdf-ownership", time(() -> write(dir.resolve("ownership.pdf"),
                out -> new PdfReportWriter().write(ReportKind.OWNERSHIP, model, out))));
        Runtime rt = Runtime.getRuntime();
        System.out.printf("agents=%d findings=%d maxHeapMB=%d usedAfterMB=%d%n", agents, findings, rt.maxMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        r.forEach((k, v) -> System.out.printf("%-16s %8d ms%n", k, v));
        for (String f : new String[] {"raw.xlsx", "gaps.xlsx", "ownership.xlsx", "raw.pdf", "gaps.pdf", "ownership.pdf"}) {
            System.out.printf("%-16s %,14d bytes%n", f, Files.size(dir.resolve(f)));
        }
    }

    interface Body {
        void run(OutputStream out) throws Exception;
    }

    interface Step {
        void run() throws Exception;
    }

    private static void write(Path file, Body body) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            body.run(out);
        }
    }

    private static long time(Step s) throws Exception {
        System.gc();
        long t = System.nanoTime();
        s.run();
        return ms(t);
    }

    private static long ms(long t) {
        return (System.nanoTime() - t) / 1_000_000;
    }

    /** The cells of the gap workbook's Findings sheet (15 columns) and the ownership Agents sheet (17), plain. */
    private static void rawXlsx(Path file, int agents, int findings) throws Exception {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        wb.setCompressTempFiles(true);
        try (wb; OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            SXSSFSheet s = wb.createSheet("Findings");
            for (int i = 0; i < findings; i++) {
                Row r = s.createRow(i);
                for (int c = 0; c < 15; c++) {
                    r.createCell(c).setCellValue("synthetic finding " + i + " col " + c);
                }
            }
            SXSSFSheet a = wb.createSheet("Agents");
            for (int i = 0; i < agents; i++) {
                Row r = a.createRow(i);
                for (int c = 0; c < 17; c++) {
                    r.createCell(c).setCellValue("agent " + i + " col " + c);
                }
            }
            wb.write(out);
        } finally {
            wb.dispose();
        }
    }

    /** The cells of the gap PDF's findings table (8 columns) and the ownership agent table (12), plain. */
    private static void rawPdf(Path file, int agents, int findings) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Document doc = new Document(PageSize.A4.rotate());
            PdfWriter.getInstance(doc, out);
            doc.open();
            table(doc, 8, findings);
            table(doc, 12, agents);
            doc.close();
        }
    }

    private static void table(Document doc, int cols, int rows) throws Exception {
        PdfPTable t = new PdfPTable(cols);
        t.setHeaderRows(1);
        t.setComplete(false);
        for (int c = 0; c < cols; c++) {
            t.addCell("header " + c);
        }
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                t.addCell(new Phrase("synthetic row " + i + " col " + c));
            }
            if (i % 200 == 0) {
                doc.add(t);
            }
        }
        t.setComplete(true);
        doc.add(t);
    }
}
