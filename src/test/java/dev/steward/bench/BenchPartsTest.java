package dev.steward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPartsTest {

    @TempDir
    Path dir;

    private Path decisions(String... lines) throws Exception {
        Path file = dir.resolve("decisions.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void decisionCeilingParsesEveryLineAndInsertsTheSameRowsThenDropsItsTable() throws Exception {
        Path file = decisions(
                "{\"id\":\"d-1\",\"time\":\"2026-08-03T00:03:10Z\",\"agent\":\"a-1\",\"onBehalfOf\":[\"p-1\",\"a-2\"],"
                        + "\"decision\":\"allow\",\"client\":{\"interactive\":true,\"userAgent\":\"x \\\"q\\\"\"}}",
                "{\"id\":\"d-2\",\"time\":\"2026-08-03T00:04:10Z\",\"credential\":\"c-1\",\"decision\":\"deny\"}",
                "{\"id\":\"d-3\",\"time\":\"2026-08-04T00:04:10Z\",\"agent\":null,\"decision\":\"deny\"}");
        DecisionCeiling ceiling = new DecisionCeiling();
        assertThat(ceiling.parse(file)).isEqualTo(3);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:ceiling;DB_CLOSE_DELAY=-1");
        try (Connection keep = ds.getConnection()) {
            assertThat(ceiling.parseAndInsert(file, ds)).isEqualTo(3);
            try (ResultSet r = keep.getMetaData().getTables(null, null, "BENCH_CEILING_DECISION", null)) {
                assertThat(r.next()).as("scratch table dropped").isFalse();
            }
        }
    }

    record Row(String a, Integer b, String c) {
    }

    @Test
    void inventoryCeilingCountsThePeopleRowsAndTheRecordsOfEveryList() throws Exception {
        Path people = Files.writeString(dir.resolve("people.csv"), "id,name\np1,Ann\np2,\"Bo, Jr\"\n");
        Path inventory = Files.writeString(dir.resolve("inventory.yaml"), "apiVersion: steward/v1\nkind: Inventory\n"
                + "asOf: 2026-11-01\nagents:\n  - id: a1\n    tools: [x, y]\n    monitoring: {alertChannel: '#a'}\n"
                + "  - id: a2\ncredentials:\n  - id: c1\n    holders: [a1]\n");

        assertThat(new InventoryCeiling().parse(people, inventory)).isEqualTo(2 + 3);
    }

    @Test
    void reportCeilingCellsAreTheRowFieldsAsTextCappedAtTheColumnCount() {
        assertThat(ReportCeiling.cells(new Row("x", null, "z"), 17)).containsExactly("x", "", "z");
        assertThat(ReportCeiling.cells(new Row("x", 2, "z"), 2)).containsExactly("x", "2");
    }

    @Test
    void ceilingWritersWriteEveryRowOfEveryTable() throws Exception {
        List<ReportCeiling.Table> tables = List.of(new ReportCeiling.Table("T", List.of(new Row("a", 1, "b"),
                new Row("c", 2, "d")), 2, List.of(List.of("a", "one\ntwo"), List.of("c", "d"))),
                new ReportCeiling.Table("U", List.of(new Row("e", 3, "<f>")), 1, List.of(List.of("pdf-only cell"))));
        java.io.ByteArrayOutputStream html = new java.io.ByteArrayOutputStream();
        assertThat(ReportCeiling.html(tables, html)).isEqualTo(3);
        assertThat(html.toString(StandardCharsets.UTF_8)).contains("<td>c</td>", "&lt;f&gt;");
        assertThat(ReportCeiling.xlsx(tables, new java.io.ByteArrayOutputStream())).isEqualTo(3);
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        assertThat(ReportCeiling.pdf(tables, pdf)).isEqualTo(3);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("one", "two", "pdf-only cell").doesNotContain("<f>");
        }
    }

    @Test
    void ratioIsStageOverCeilingAndTheTargetIsJudgedOnIt() {
        StageResult ingest = StageResult.againstCeiling("decision ingest", 3000, 10, "decisions", new long[2], "c", 1000, 2.0);
        assertThat(ingest.ratio()).isEqualTo(3.0);
        assertThat(ingest.met()).isFalse();
        assertThat(StageResult.againstCeiling("r", 1500, 1, "bytes", new long[2], "c", 1000, 1.5).met()).isTrue();
        assertThat(StageResult.withinSeconds("assessment", 30_001, 1, "results", new long[2], 30).met()).isFalse();
        assertThat(BenchReport.line(ingest)).contains("decision ingest", "3.00", "NO");
    }

    @Test
    void perCheckCostsListEveryEvaluationOfEitherRunCostliestFirstWithTheirShares() {
        List<CheckCost> costs = CheckCost.of(Map.of("AUT-1|default", 300L, "INV-1|default", 1200L, "CRD-2|90d", 0L),
                Map.of("AUT-1|default", 100L, "INV-1|default", 400L, "OWN-1|default", 5L));
        assertThat(costs).containsExactly(new CheckCost("INV-1|default", 1200, 400),
                new CheckCost("AUT-1|default", 300, 100), new CheckCost("CRD-2|90d", 0, 0),
                new CheckCost("OWN-1|default", 0, 5));

        BenchReport.Machine machine = new BenchReport.Machine(Instant.parse("2026-12-05T03:00:00Z"), null, 2, "os",
                "jvm", List.of(), "H2", 0.5, 0.5);
        BenchReport report = new BenchReport(machine, 1, 3, 100, List.of(), costs, 0, 0, 0, 1 << 30);
        // shares of each run's sum: 1500 ms in the first run, 505 ms compiled
        assertThat(report.markdown()).contains("## Per check", "(1.5 s in all)", "compiled (0.5 s)",
                "| INV-1\\|default | 1.20 | 80.0 % | 0.40 | 79.2 % |\n"
                        + "| AUT-1\\|default | 0.30 | 20.0 % | 0.10 | 19.8 % |\n"
                        + "| CRD-2\\|90d | 0.00 | 0.0 % | 0.00 | 0.0 % |\n"
                        + "| OWN-1\\|default | 0.00 | 0.0 % | 0.01 | 1.0 % |\n");
        assertThat(report.table()).contains("INV-1|default", "1.20", "0.40");
        assertThat(new BenchReport(machine, 1, 3, 100, List.of(), List.of(), 0, 0, 0, 1 << 30).markdown())
                .as("no section without an assessment's costs").doesNotContain("Per check");
    }
}
