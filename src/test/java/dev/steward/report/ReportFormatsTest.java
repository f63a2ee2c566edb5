package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.assessment.AssessmentJson;
import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.FrameworkScore;
import dev.steward.ingest.IngestService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Both reports in every format, read back with the tools a user has (POI, PDFBox, jsoup, a CSV parser, Jackson): the
 * headline counts, framework scores and finding counts are the same everywhere and match the stored assessment;
 * planted formula and script text stays inert; templates can be overridden; the REST download streams with the right
 * type and name, and refuses anonymous callers.
 */
@QuarkusTest
class ReportFormatsTest {

    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String SCRIPT = "<script>alert('x')</script>";
    private static AssessmentFixture fixture;
    private static AssessmentSummary summary;

    @Inject
    IngestService ingest;

    @Inject
    AssessmentService assessments;

    @Inject
    ReportService reports;

    /** The fixture with an owner named like a formula and an agent named like a script, assessed once. */
    private AssessmentSummary run() {
        if (summary == null) {
            fixture = new AssessmentFixture();
            String inventory = fixture.inventory(true)
                    .replace("    name: Dora\n", "    name: \"" + FORMULA.replace("'", "'") + "\"\n")
                    .replace("  - id: " + fixture.botA() + "\n", "  - id: " + fixture.botA() + "\n    name: \"" + SCRIPT + "\"\n");
            // and a credential of bot-a revoked on 2030-02-10 that allowed a decision 10 minutes later: a measured
            // revocation latency of 600 s, beyond LIF-4's 300 s grace
            inventory += "  - id: " + revokedKey() + "\n    type: token\n    holders: [" + fixture.botA() + "]\n"
                    + "    environment: prod\n    storage: vault\n    createdAt: 2030-01-01\n    status: revoked\n"
                    + "    revokedAt: 2030-02-10T00:00:00Z\n";
            String late = "{\"id\":\"d-" + fixture.s + "-late\",\"time\":\"2030-02-10T00:10:00Z\",\"agent\":\""
                    + fixture.botA() + "\",\"credential\":\"" + revokedKey() + "\",\"tool\":\"erp\",\"action\":\"read\","
                    + "\"decision\":\"allow\",\"policy\":\"p\",\"environment\":\"prod\"}\n";
            fixture.ingest(ingest, "inventory-" + fixture.s + ".yaml", inventory);
            fixture.ingest(ingest, "decisions-" + fixture.s + ".jsonl", fixture.decisions() + late);
            summary = assessments.assess(Instant.parse("2030-03-09T00:00:00Z"), Duration.ofDays(90), "test").run().summary();
        }
        return summary;
    }

    private static String revokedKey() {
        return "k-revoked-" + fixture.s;
    }

    @Test
    void everyFormatGivesTheRevocationLatency() throws Exception {
        AssessmentSummary s = run();
        ReportModel model = reports.model(s.id(), null, ReportFilter.NONE).orElseThrow();
        GapReport.Revocation rv = model.gaps().revocation();
        assertThat(rv.measured()).isEqualTo(s.revocationLatency().measured()).isPositive();
        assertThat(rv.maxSeconds()).isEqualTo(s.revocationLatency().maxSeconds()).isGreaterThanOrEqualTo(600.0);
        assertThat(rv.revoked()).isGreaterThanOrEqualTo(rv.measured());
        assertThat(rv.late()).isPositive();
        assertThat(rv.wholeRun()).isFalse();
        String sentence = rv.summary();
        assertThat(sentence).contains("allowed decisions after").contains("max " + Fmt.duration(rv.maxSeconds()));
        Path dir = writeAll(model);

        assertThat(Jsoup.parse(Files.readString(dir.resolve("gaps.html"))).text()).contains(sentence);
        assertThat(ReadBack.pdfText(dir.resolve("gaps.pdf")).replaceAll("\\s+", " ")).contains("Revocation latency")
                .contains(sentence);
        try (Workbook wb = new XSSFWorkbook(dir.resolve("gaps.xlsx").toFile())) {
            Row title = ReadBack.rowStartingWith(wb.getSheet("Summary"), "Revocation latency");
            assertThat(wb.getSheet("Summary").getRow(title.getRowNum() + 1).getCell(0).getStringCellValue())
                    .isEqualTo("Revoked credentials");
            Row values = wb.getSheet("Summary").getRow(title.getRowNum() + 2);
            assertThat(values.getCell(0).getNumericCellValue()).isEqualTo(rv.revoked());
            assertThat(values.getCell(1).getNumericCellValue()).isEqualTo(rv.measured());
            assertThat(values.getCell(4).getStringCellValue()).isEqualTo(Fmt.duration(rv.maxSeconds()));
            assertThat(values.getCell(5).getNumericCellValue()).isEqualTo(rv.late());
            assertThat(ReadBack.rowStartingWith(wb.getSheet("Summary"), sentence)).isNotNull();
            // the team recommendation is worded as the PDF and HTML word it
            dev.steward.assessment.TeamRecommendation rec = model.gaps().recommendations().get(0);
            assertThat(ReadBack.rowStartingWith(wb.getSheet("Summary"), rec.team()).getCell(1).getStringCellValue())
                    .isEqualTo(Fmt.label(rec.recommendation())).doesNotContain("_");
        }
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("gaps.json").toFile()).path("revocationLatency");
        assertThat(json.path("summary").asText()).isEqualTo(sentence);
        assertThat(json.path("measured").asInt()).isEqualTo(rv.measured());

        // a report narrowed by environment says the latency is the whole run's
        GapReport.Revocation narrowed = reports.model(s.id(), null, new ReportFilter(null, null, null, "prod"))
                .orElseThrow().gaps().revocation();
        assertThat(narrowed.wholeRun()).isTrue();
        assertThat(narrowed.summary()).startsWith(sentence).endsWith("the report's filter does not narrow it.");
        // one narrowed by team measures that team's credentials, as the run stored them
        GapReport.Revocation team = reports.model(s.id(), null, new ReportFilter(fixture.team(), null, null, null))
                .orElseThrow().gaps().revocation();
        dev.steward.assessment.TeamRevocation stored = s.teamRevocations().stream()
                .filter(t -> t.team().equals(fixture.team())).findFirst().orElseThrow();
        assertThat(team.wholeRun()).isFalse();
        assertThat(team.teams()).containsExactly(fixture.team());
        assertThat(team.revoked()).isEqualTo(stored.revoked()).isPositive();
        assertThat(team.measured()).isEqualTo(stored.latencySeconds().size());
        assertThat(team.summary()).contains("Measured over the credentials of team " + fixture.team());
    }

    private Path writeAll(ReportModel model) throws Exception {
        Path dir = fixture.files.dir().resolve("reports-" + UUID.randomUUID());
        Files.createDirectories(dir);
        for (ReportKind k : ReportKind.values()) {
            for (ReportFormat f : ReportFormat.values()) {
                try (OutputStream out = Files.newOutputStream(dir.resolve(k.wire() + "." + f.extension()))) {
                    reports.write(k, f, model, out);
                }
            }
        }
        return dir;
    }

    @Test
    void everyFormatShowsTheSameCountsAndScoresAsTheAssessment() throws Exception {
        AssessmentSummary s = run();
        ReportModel model = reports.model(s.id(), null, ReportFilter.NONE).orElseThrow();
        OwnershipReport o = model.ownership();
        assertThat(o.headline("agents")).isEqualTo(s.totals().agents());
        assertThat(o.headline("orphaned")).isPositive();
        assertThat(model.gaps().findingCount()).isEqualTo(s.totals().findings());
        assertThat(model.gaps().frameworks()).isEqualTo(s.frameworks());
        Path dir = writeAll(model);

        // XLSX
        try (Workbook wb = new XSSFWorkbook(dir.resolve("ownership.xlsx").toFile())) {
            assertThat(wb.getSheetName(0)).isEqualTo("Summary");
            assertThat(List.of(wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4)))
                    .containsExactly("Owners", "Gaps", "Agents", "Evidence");
            long gaps = 0;
            for (AgentRow a : o.byOwner()) {
                gaps += a.gaps().size();
            }
            assertThat(gaps).isPositive();
            assertThat(wb.getSheet("Gaps").getLastRowNum()).as("a row per gap").isEqualTo(gaps);
            for (Headline h : o.headlines()) {
                assertThat(ReadBack.rowStartingWith(wb.getSheet("Summary"), h.label()).getCell(1).getNumericCellValue())
                        .as(h.key()).isEqualTo(h.value());
            }
            assertThat(wb.getSheet("Agents").getLastRowNum()).isEqualTo(o.agentCount());
        }
        try (Workbook wb = new XSSFWorkbook(dir.resolve("gaps.xlsx").toFile())) {
            for (FrameworkScore f : s.frameworks()) {
                Row r = ReadBack.rowStartingWith(wb.getSheet("Summary"), f.name() + " (" + f.framework() + ")");
                assertThat(r.getCell(1).getNumericCellValue()).as(f.framework()).isEqualTo(f.score());
            }
            Sheet findings = wb.getSheet("Findings");
            assertThat(findings.getLastRowNum()).isEqualTo(s.totals().findings());
            Sheet controls = wb.getSheet("Controls");
            Row linked = null;
            for (Row r : controls) {
                if (r.getRowNum() > 0 && r.getCell(1).getHyperlink() != null) {
                    linked = r;
                    break;
                }
            }
            assertThat(linked).as("a control links to its findings").isNotNull();
            String address = linked.getCell(1).getHyperlink().getAddress();
            int target = Integer.parseInt(address.substring(address.indexOf("!A") + 2)) - 1;
            String firstCheck = linked.getCell(6).getStringCellValue().split("[ ,]")[0];
            assertThat(firstCheck).isNotBlank();
            assertThat(findings.getRow(target).getCell(0).getStringCellValue()).matches("[A-Z]{3}-\\d");
            // every out-of-scope control with its reason; why each control has its status
            assertThat(wb.getSheet("Out of scope").getLastRowNum()).isEqualTo(outOfScope(s)).isPositive();
            assertThat(wb.getSheet("Out of scope").getRow(1).getCell(3).getStringCellValue()).isNotBlank();
            int notSatisfied = 0;
            for (Row r : controls) {
                if (r.getRowNum() > 0 && "NOT_SATISFIED".equals(r.getCell(3).getStringCellValue())) {
                    assertThat(r.getCell(10).getStringCellValue()).containsPattern("critical|below");
                    notSatisfied++;
                }
            }
            assertThat(notSatisfied).isPositive();
        }

        // PDF
        String ownershipPdf = ReadBack.pdfText(dir.resolve("ownership.pdf"));
        for (Headline h : o.headlines()) {
            assertThat(ownershipPdf).as(h.key()).containsPattern(Pattern.compile("(?m)^" + h.value() + "\\s*\\R"
                    + Pattern.quote(h.label())));
        }
        assertThat(ownershipPdf).contains("Page 2 of " + ReadBack.pdfPages(dir.resolve("ownership.pdf")));
        // no label drawn over another, on any page of either report
        for (String report : List.of("ownership.pdf", "gaps.pdf")) {
            for (int page = 1; page <= ReadBack.pdfPages(dir.resolve(report)); page++) {
                assertThat(ReadBack.overdrawnText(dir.resolve(report), page)).as(report + " page " + page).isEmpty();
            }
        }
        // a column of figures has its heading over them, right-aligned as they are, in both kinds of PDF table
        assertHeadingOverFigures(dir.resolve("ownership.pdf"), "Agents");
        assertHeadingOverFigures(dir.resolve("gaps.pdf"), "Coverage");
        // why a control has its status is grey under its title, as in the HTML report; the title is not
        List<ReadBack.Word> why = new ArrayList<>();
        List<ReadBack.Word> titles = new ArrayList<>();
        for (int page = 1; page <= ReadBack.pdfPages(dir.resolve("gaps.pdf")); page++) {
            for (ReadBack.Word w : ReadBack.words(dir.resolve("gaps.pdf"), page)) {
                (w.text().equals("whatever") ? why : titles).add(w);
            }
        }
        assertThat(why).as("reasons of controls not satisfied because a critical check fails").isNotEmpty()
                .allSatisfy(w -> assertThat(Integer.toHexString(w.colour())).isEqualToIgnoringCase(Palette.MUTED));
        assertThat(titles).filteredOn(w -> w.text().equals("Identity")).isNotEmpty()
                .anySatisfy(w -> assertThat(Integer.toHexString(w.colour())).isEqualToIgnoringCase(Palette.INK));
        String gapsPdf = ReadBack.pdfText(dir.resolve("gaps.pdf"));
        for (FrameworkScore f : s.frameworks()) {
            assertThat(gapsPdf).as(f.framework()).contains(f.framework() + " " + Fmt.pct(f.score()));
        }
        assertThat(gapsPdf).contains("Findings in this report: " + s.totals().findings() + ".").contains("Evidence appendix")
                .contains("Why it is out of scope").contains("for at least one subject");

        // HTML
        Document oh = Jsoup.parse(dir.resolve("ownership.html").toFile());
        for (Headline h : o.headlines()) {
            assertThat(oh.select("[data-headline=" + h.key() + "] .n").text()).as(h.key()).isEqualTo(Long.toString(h.value()));
        }
        assertThat(oh.select("tr[data-agent]")).hasSize((int) o.agentCount());
        Document gh = Jsoup.parse(dir.resolve("gaps.html").toFile());
        for (FrameworkScore f : s.frameworks()) {
            assertThat(gh.select("tr[data-framework=" + f.framework() + "] td.score").text()).isEqualTo(Fmt.pct(f.score()));
        }
        assertThat(gh.select("#finding-count").text()).isEqualTo(Long.toString(s.totals().findings()));
        assertThat(gh.select("tr.finding")).hasSize((int) s.totals().findings());
        assertThat(gh.select("tr.out-of-scope")).hasSize((int) outOfScope(s));
        assertThat(gh.select("tr.out-of-scope td:eq(2)").first().text()).isNotBlank();
        assertThat(gh.select("#controls span.why").text()).contains("critical check");
        assertThat(gh.select("svg")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(gh.select("link[href], script[src], img[src]")).as("no external assets").isEmpty();

        // CSV
        List<List<String>> agents = ReadBack.csv(dir.resolve("ownership.csv"));
        assertThat(agents).hasSize((int) o.agentCount() + 1);
        int own2 = agents.get(0).indexOf("OWN-2");
        int own3 = agents.get(0).indexOf("OWN-3");
        assertThat(agents.stream().skip(1).filter(r -> r.get(own2).equals("FAIL")).count()).isEqualTo(o.headline("orphaned"));
        assertThat(agents.stream().skip(1).filter(r -> !r.get(own3).isEmpty()).count()).isEqualTo(o.headline("noBackupOwner"));
        List<String> header = agents.get(0);
        assertThat(agents).filteredOn(r -> r.get(header.indexOf("agent")).equals(fixture.botA())).singleElement()
                .satisfies(r -> {
                    assertThat(r.get(header.indexOf("backup_owner"))).isEqualTo("p-carl-" + fixture.s);
                    assertThat(r.get(header.indexOf("backup_owner_name"))).isEqualTo("Carl");
                });
        assertThat(ReadBack.csv(dir.resolve("gaps.csv"))).hasSize((int) s.totals().findings() + 1);

        // JSON
        JsonNode oj = AssessmentJson.MAPPER.readTree(dir.resolve("ownership.json").toFile());
        for (JsonNode h : oj.get("headlines")) {
            assertThat(h.get("value").asLong()).isEqualTo(o.headline(h.get("key").asText()));
        }
        assertThat(oj.get("agents")).hasSize((int) o.agentCount());
        JsonNode gj = AssessmentJson.MAPPER.readTree(dir.resolve("gaps.json").toFile());
        assertThat(gj.get("outOfScope")).hasSize((int) outOfScope(s));
        assertThat(gj.get("findings")).hasSize((int) s.totals().findings());
        assertThat(gj.get("frameworks").get(0).get("score").asDouble()).isEqualTo(s.frameworks().get(0).score());
    }

    @Test
    void plantedFormulaAndScriptStayInert() throws Exception {
        AssessmentSummary s = run();
        ReportModel model = reports.model(s.id(), null, new ReportFilter(fixture.team(), null, null, null)).orElseThrow();
        Path dir = writeAll(model);
        try (Workbook wb = new XSSFWorkbook(dir.resolve("ownership.xlsx").toFile())) {
            Sheet owners = wb.getSheet("Owners");
            int ownerCol = ReadBack.columnOf(owners.getRow(0), "Owner");
            Cell planted = null;
            for (Row r : owners) {
                Cell c = r.getCell(ownerCol);
                if (c != null && FORMULA.equals(c.getStringCellValue())) {
                    planted = c;
                }
            }
            assertThat(planted).as("the planted owner name is in the sheet").isNotNull();
            assertThat(planted.getCellType()).isEqualTo(CellType.STRING);
            assertThat(planted.getCellStyle().getQuotePrefixed()).isTrue();
        }
        List<List<String>> rows = ReadBack.csv(dir.resolve("ownership.csv"));
        int ownerName = rows.get(0).indexOf("owner_name");
        assertThat(rows.stream().skip(1).map(r -> r.get(ownerName))).contains("'" + FORMULA).doesNotContain(FORMULA);
        String html = Files.readString(dir.resolve("ownership.html"));
        assertThat(html).doesNotContain(SCRIPT).contains("&lt;script&gt;");
        assertThat(Jsoup.parse(html).select("script")).isEmpty();
        assertThat(Jsoup.parse(html).text()).contains(SCRIPT);
    }

    @Test
    void aTeamFilterReducesTheRows() {
        AssessmentSummary s = run();
        ReportModel all = reports.model(s.id(), null, ReportFilter.NONE).orElseThrow();
        ReportModel team = reports.model(s.id(), null, new ReportFilter(fixture.team(), null, null, null)).orElseThrow();
        assertThat(team.ownership().agentCount()).isEqualTo(1).isLessThan(all.ownership().agentCount());
        assertThat(team.ownership().agents()).extracting(AgentRow::id).containsExactly(fixture.botA());
        assertThat(team.gaps().findingCount()).isLessThan(all.gaps().findingCount());
        team.gaps().findings().forEach(f -> assertThat(f.team()).isEqualTo(fixture.team()));
        ReportModel asi = reports.model(s.id(), "owasp-asi-2026", ReportFilter.NONE).orElseThrow();
        assertThat(asi.gaps().frameworks()).extracting(FrameworkScore::framework).containsExactly("owasp-asi-2026");
        assertThat(asi.gaps().controls()).allMatch(c -> c.framework().equals("owasp-asi-2026"));
    }

    @Test
    void aControlWithoutATitleOfItsOwnShowsItsStatement() {
        AssessmentSummary s = run();
        ReportModel model = reports.model(s.id(), null, ReportFilter.NONE).orElseThrow();
        // NIST's subcategories have no titles (the mapping repeats the id): the row shows NIST's statement instead
        assertThat(model.gaps().controls()).filteredOn(c -> c.controlId().equals("GV.RR-02")).singleElement()
                .extracting(GapReport.ControlRow::title).asString()
                .startsWith("Roles, responsibilities, and authorities related to cybersecurity risk management are established");
        assertThat(model.gaps().controls()).filteredOn(c -> c.controlId().equals("GOVERN 1.4")).singleElement()
                .extracting(GapReport.ControlRow::title).asString()
                .startsWith("The risk management process and its outcomes are established through transparent policies");
        // a control with a title of its own keeps it
        assertThat(model.gaps().controls()).filteredOn(c -> c.controlId().equals("ASI03")).singleElement()
                .extracting(GapReport.ControlRow::title).asString().doesNotStartWith("ASI03").isNotBlank();
        assertThat(model.gaps().controls()).noneMatch(c -> c.title().equals(c.controlId()));
    }

    @Test
    void aFullSheetContinuesOnTheNextWithItsHeaderAndLinksFollow() throws Exception {
        AssessmentSummary s = run();
        ReportModel model = reports.model(s.id(), null, ReportFilter.NONE).orElseThrow();
        int maxRows = 4; // a header and three findings a sheet, as 1,048,576 rows are for a real sheet
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new XlsxReportWriter(maxRows).write(ReportKind.GAPS, model, out);
        List<String> expected = new java.util.ArrayList<>();
        model.gaps().findings().forEach(f -> expected.add(f.checkId() + " " + f.subjectId()));
        assertThat(expected).hasSizeGreaterThan(2 * (maxRows - 1));
        try (Workbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            List<String> written = new java.util.ArrayList<>();
            int parts = 0;
            for (Sheet sheet = wb.getSheet("Findings"); sheet != null; sheet = wb.getSheet(XlsxReportWriter.part("Findings", parts + 1))) {
                parts++;
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Check");
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("frozen header").isEqualTo((short) 1);
                assertThat(sheet.getLastRowNum()).isLessThan(maxRows);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    written.add(sheet.getRow(r).getCell(0).getStringCellValue() + " " + sheet.getRow(r).getCell(6).getStringCellValue());
                }
            }
            assertThat(parts).isEqualTo((expected.size() + maxRows - 2) / (maxRows - 1));
            assertThat(written).containsExactlyElementsOf(expected);

            // each control's link lands on its own first finding, whichever part of the sheet holds it
            List<Row> controlRows = new java.util.ArrayList<>();
            for (int part = 1; wb.getSheet(XlsxReportWriter.part("Controls", part)) != null; part++) {
                Sheet sheet = wb.getSheet(XlsxReportWriter.part("Controls", part));
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Control");
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    controlRows.add(sheet.getRow(r));
                }
            }
            List<GapReport.ControlRow> controls = model.gaps().controls();
            assertThat(controlRows).hasSameSizeAs(controls);
            int linked = 0;
            int beyondFirstPart = 0;
            for (int i = 0; i < controls.size(); i++) {
                GapReport.ControlRow c = controls.get(i);
                org.apache.poi.ss.usermodel.Hyperlink link = controlRows.get(i).getCell(1).getHyperlink();
                if (c.firstFinding() < 0) {
                    assertThat(link).isNull();
                    continue;
                }
                String address = link.getAddress();
                String sheetName = address.substring(1, address.indexOf("'!"));
                Row target = wb.getSheet(sheetName).getRow(Integer.parseInt(address.substring(address.indexOf("!A") + 2)) - 1);
                assertThat(target.getCell(0).getStringCellValue() + " " + target.getCell(6).getStringCellValue())
                        .as(c.controlId()).isEqualTo(expected.get((int) c.firstFinding()));
                linked++;
                beyondFirstPart += sheetName.equals("Findings") ? 0 : 1;
            }
            assertThat(linked).isPositive();
            assertThat(beyondFirstPart).isPositive();
        }
    }

    @Test
    void templatesAreOverriddenFromAFolder() throws Exception {
        AssessmentSummary s = run();
        ReportModel model = reports.model(s.id(), null, ReportFilter.NONE).orElseThrow();
        Path dir = fixture.files.dir().resolve("templates-" + UUID.randomUUID());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ownership.ftlh"), "<h1>Our own layout</h1><#list m.ownership.headlines as h>"
                + "<p>${h.label}=${h.value}</p></#list><p>${'<b>'}</p>");
        HtmlReportWriter custom = new HtmlReportWriter(dir);
        java.io.ByteArrayOutputStream ownership = new java.io.ByteArrayOutputStream();
        custom.write(ReportKind.OWNERSHIP, model, ownership);
        assertThat(ownership.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("<h1>Our own layout</h1>")
                .contains("Orphaned (owner departed)=" + model.ownership().headline("orphaned")).contains("&lt;b&gt;");
        java.io.ByteArrayOutputStream gaps = new java.io.ByteArrayOutputStream();
        custom.write(ReportKind.GAPS, model, gaps);
        assertThat(gaps.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Control gap report");
    }

    /** How many controls the frameworks leave out of their scores: the units their out-of-scope counts count. */
    private static long outOfScope(AssessmentSummary s) {
        return s.frameworks().stream().mapToLong(FrameworkScore::outOfScope).sum();
    }

    /**
     * Every place where the word {@code heading} has figures on the line right below it, overlapping its column, has
     * one of them end where the heading ends (to a point): the heading is right-aligned over its numbers. At least one
     * such place must exist in the PDF.
     */
    private static void assertHeadingOverFigures(Path pdf, String heading) throws Exception {
        int checked = 0;
        for (int page = 1; page <= ReadBack.pdfPages(pdf); page++) {
            List<ReadBack.Word> words = ReadBack.words(pdf, page);
            for (ReadBack.Word h : words) {
                if (!h.text().equals(heading)) {
                    continue;
                }
                // where the heading's line ends: "Coverage before" ends at "before"
                float end = h.right();
                for (boolean more = true; more; ) {
                    float at = end;
                    more = false;
                    for (ReadBack.Word w : words) {
                        if (Math.abs(w.y() - h.y()) < 0.5 && w.left() > at && w.left() < at + 4) {
                            end = w.right();
                            more = true;
                        }
                    }
                }
                float headingEnd = end;
                List<ReadBack.Word> below = words.stream().filter(w -> w.y() > h.y() + 3 && w.y() < h.y() + 20
                        && w.text().matches("[-+]?[0-9][0-9.,]*%?") && w.right() > h.left() - 5
                        && w.left() < headingEnd + 60).toList();
                if (below.isEmpty()) {
                    continue;
                }
                checked++;
                assertThat(below).as(pdf.getFileName() + " page " + page + ": figures under '" + heading + "' at "
                        + h.left() + ".." + headingEnd).anySatisfy(w -> assertThat(w.right()).isCloseTo(headingEnd,
                                org.assertj.core.data.Offset.offset(1f)));
            }
        }
        assertThat(checked).as("'" + heading + "' over a column of figures in " + pdf.getFileName()).isPositive();
    }
}
