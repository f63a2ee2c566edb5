package dev.steward.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.RunDiff;
import dev.steward.check.Result;
import dev.steward.ingest.IngestService;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gap report says what changed since the previous run, finding by finding, in every format and on the overview:
 * between two runs of the fixture, Dora (owner of bot-a, team pay-*) departs, which makes OWN-2 fail for bot-a, and
 * bot-b (team ops-*) gets a backup owner, which resolves its OWN-3 finding. Each change is listed with who answers for
 * it and why, narrowed with the report's filter and a manager's teams like the findings themselves.
 */
@QuarkusTest
class ReportChangesTest {

    static final Instant AS_OF = Instant.parse("2030-03-04T00:00:00Z");
    static AssessmentFixture f;
    static String before;
    static String after;
    static RunDiff diff;

    @Inject
    IngestService ingest;
    @Inject
    AssessmentService assessments;
    @Inject
    ReportService reports;
    @Inject
    TokenService tokens;

    @BeforeEach
    void runs() {
        if (f == null) {
            f = new AssessmentFixture();
            f.ingestAll(ingest);
            before = assessments.assess(AS_OF, Duration.ofDays(90), "test").run().id();
            String v2 = f.inventory(true).replace("    owner: p-ana-" + f.s + "\n",
                    "    owner: p-ana-" + f.s + "\n    backupOwner: p-carl-" + f.s + "\n");
            f.ingest(ingest, "inventory-v2-" + f.s + ".yaml", v2);
            var run = assessments.assess(AS_OF, Duration.ofDays(90), "test").run();
            after = run.id();
            diff = run.diff();
        }
    }

    private static String ops() {
        return "ops-" + f.s;
    }

    @Test
    void everyChangedFindingIsListedWithWhoAnswersForItAndWhy() {
        assertThat(diff.previousId()).isEqualTo(before);
        GapReport.Changes c = reports.model(after, null, ReportFilter.NONE).orElseThrow().gaps().changes();

        assertThat(c.previousId()).isEqualTo(before);
        assertThat(c.counts()).isEqualTo(diff.counts());
        assertThat(c.narrowed()).isFalse();
        assertThat(c.inScope()).isEqualTo(diff.counts());
        assertThat(c.findings()).hasSize((int) (diff.counts().newFindings() + diff.counts().resolved()
                + diff.counts().regressed() + diff.counts().improved() + diff.counts().changed()));
        GapReport.ChangeRow departed = row(c, GapReport.Change.NEW, "OWN-2", f.botA());
        assertThat(departed.team()).isEqualTo(f.team());
        assertThat(departed.owner()).isEqualTo("p-dora-" + f.s);
        assertThat(departed.ownerName()).isEqualTo("Dora");
        assertThat(departed.reason()).contains("departed 2030-01-20");
        assertThat(departed.previousReason()).isNull();
        assertThat(departed.before()).isEqualTo("no finding");
        assertThat(departed.now()).isEqualTo("FAIL");
        GapReport.ChangeRow backup = row(c, GapReport.Change.RESOLVED, "OWN-3", f.botB());
        assertThat(backup.team()).isEqualTo(ops());
        assertThat(backup.result()).isEqualTo(Result.PASS);
        assertThat(backup.reason()).as("no finding now").isNull();
        assertThat(backup.previousReason()).as("the reason it had").isNotBlank();
        // new first, resolved last
        assertThat(c.findings().indexOf(departed)).isLessThan(c.findings().indexOf(backup));
        assertThat(c.frameworks()).extracting(GapReport.ScoreChange::framework, GapReport.ScoreChange::delta)
                .containsExactlyElementsOf(diff.frameworks().stream()
                        .map(d -> org.assertj.core.groups.Tuple.tuple(d.ref(), d.delta())).toList());
        assertThat(c.controls()).hasSize(diff.controls().size());
        assertThat(c.summary()).startsWith("Compared with " + before + " (as of 2030-03-04): " + diff.counts().newFindings()
                + " new, " + diff.counts().resolved() + " resolved");
        // what else the runs were computed from: the new inventory, nothing but evidence
        assertThat(diff.basis().inputsAdded()).extracting(dev.steward.assessment.InputRef::kind)
                .containsExactly("inventory");
        assertThat(c.basis()).isEqualTo(diff.basis().sentence())
                .contains("1 input new (inventory upload " + diff.basis().inputsAdded().get(0).uploadId() + ")")
                .endsWith("; the same mappings, check parameters and engine.");
        assertThat(c.summary()).endsWith(". " + c.basis());
    }

    @Test
    void aFilteredReportListsTheChangesOfItsScopeAndSaysTheCountsAreTheWholeRuns() {
        GapReport.Changes c = reports.model(after, null, new ReportFilter(f.team(), null, null, null)).orElseThrow().gaps()
                .changes();
        assertThat(c.narrowed()).isTrue();
        assertThat(c.counts()).isEqualTo(diff.counts());
        assertThat(c.findings()).isNotEmpty().allSatisfy(r -> assertThat(r.team()).isEqualTo(f.team()));
        assertThat(c.findings()).extracting(GapReport.ChangeRow::subjectId).contains(f.botA()).doesNotContain(f.botB());
        assertThat(c.inScope().newFindings()).isEqualTo(c.findings().stream().filter(r -> r.change() == GapReport.Change.NEW)
                .count());
        assertThat(c.inScope().resolved()).isZero();
        assertThat(c.summary()).contains("In this report's scope: " + c.inScope().newFindings() + " new, 0 resolved");

        GapReport.Changes ops = reports.model(after, null, new ReportFilter(ops(), null, null, null)).orElseThrow().gaps()
                .changes();
        assertThat(ops.findings()).extracting(GapReport.ChangeRow::subjectId).contains(f.botB()).doesNotContain(f.botA());
        assertThat(ops.inScope().resolved()).isEqualTo(1);
    }

    @Test
    void everyFormatListsTheChanges() throws Exception {
        ReportModel model = reports.model(after, null, ReportFilter.NONE).orElseThrow();
        GapReport.Changes c = model.gaps().changes();
        Path dir = f.files.dir().resolve("changes-" + UUID.randomUUID());
        Files.createDirectories(dir);
        for (ReportFormat format : List.of(ReportFormat.HTML, ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.JSON)) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("gaps." + format.extension()))) {
                reports.write(ReportKind.GAPS, format, model, out);
            }
        }

        Document html = Jsoup.parse(Files.readString(dir.resolve("gaps.html")));
        assertThat(html.select("#changes-summary").text()).contains(c.summary());
        assertThat(html.select("#changes tr.change")).hasSize(c.findings().size());
        Element departed = html.select("#changes tr.change-new").stream().filter(tr -> tr.text().contains(f.botA())
                && tr.text().contains("OWN-2")).findFirst().orElseThrow();
        assertThat(departed.text()).contains("Dora").contains("departed 2030-01-20").contains("no finding").contains("FAIL");
        Element resolved = html.select("#changes tr.change-resolved").stream().filter(tr -> tr.text().contains(f.botB())
                && tr.text().contains("OWN-3")).findFirst().orElseThrow();
        assertThat(resolved.text()).contains("Before:").contains("PASS");

        String pdf = ReadBack.pdfText(dir.resolve("gaps.pdf")).replaceAll("\\s+", " ");
        assertThat(pdf).contains("Changes since the previous run").contains("Findings that changed").contains(c.summary())
                .contains(f.botB());

        try (Workbook wb = new XSSFWorkbook(dir.resolve("gaps.xlsx").toFile())) {
            Sheet sheet = wb.getSheet("Changes");
            assertThat(sheet.getLastRowNum()).as("a header and a row per change").isEqualTo(c.findings().size());
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(c.findings().get(0).change().label());
            boolean found = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                if (r.getCell(1).getStringCellValue().equals("OWN-2") && r.getCell(5).getStringCellValue().equals(f.botA())) {
                    assertThat(r.getCell(0).getStringCellValue()).isEqualTo("new");
                    assertThat(r.getCell(7).getStringCellValue()).isEqualTo(f.team());
                    assertThat(r.getCell(9).getStringCellValue()).isEqualTo("no finding");
                    assertThat(r.getCell(10).getStringCellValue()).isEqualTo("FAIL");
                    found = true;
                }
            }
            assertThat(found).as("bot-a's OWN-2 on the Changes sheet").isTrue();
            Row whole = ReadBack.rowStartingWith(wb.getSheet("Summary"), "Whole assessment");
            assertThat(whole.getCell(1).getNumericCellValue()).isEqualTo(c.counts().newFindings());
            assertThat(whole.getCell(2).getNumericCellValue()).isEqualTo(c.counts().resolved());
        }

        // the findings tables a spreadsheet filters: each finding says how it changed
        try (OutputStream out = Files.newOutputStream(dir.resolve("gaps.csv"))) {
            reports.write(ReportKind.GAPS, ReportFormat.CSV, model, out);
        }
        List<List<String>> csv = ReadBack.csv(dir.resolve("gaps.csv"));
        int change = csv.get(0).indexOf("change_since_previous_run");
        assertThat(change).isEqualTo(csv.get(0).size() - 1);
        assertThat(csv).filteredOn(r -> r.get(0).equals("OWN-2") && r.get(7).equals(f.botA())).singleElement()
                .satisfies(r -> assertThat(r.get(change)).isEqualTo("new"));
        long unchanged = csv.stream().skip(1).filter(r -> r.get(change).isEmpty()).count();
        assertThat(unchanged).as("findings the diff does not list").isEqualTo(diff.counts().unchanged());
        try (Workbook wb = new XSSFWorkbook(dir.resolve("gaps.xlsx").toFile())) {
            Sheet findings = wb.getSheet("Findings");
            int column = ReadBack.columnOf(findings.getRow(0), "Since previous run");
            long listedNew = 0;
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                if ("new".equals(findings.getRow(i).getCell(column).getStringCellValue())) {
                    listedNew++;
                }
            }
            assertThat(listedNew).isEqualTo(diff.counts().newFindings());
        }

        JsonNode json = new ObjectMapper().readTree(dir.resolve("gaps.json").toFile()).path("changes");
        assertThat(json.path("previousId").asText()).isEqualTo(before);
        assertThat(json.path("summary").asText()).isEqualTo(c.summary());
        assertThat(json.path("findings")).hasSize(c.findings().size());
    }

    @Test
    void aManagerSeesTheChangesOfTheirTeamsOnly() {
        String token = QuarkusTransaction.requiringNew().call(() -> tokens.create("m-" + UUID.randomUUID(), Role.MANAGER,
                List.of(f.team()), null, "test")).token();
        String report = given().auth().oauth2(token).get("/api/v1/reports/gaps?format=json&assessment=" + after).then()
                .statusCode(200).extract().asString();
        List<String> subjects = io.restassured.path.json.JsonPath.from(report).getList("changes.findings.subjectId");
        assertThat(subjects).contains(f.botA());
        // before, the report carried the run's whole diff: another team's subjects by id
        assertThat(report).doesNotContain(f.botB()).doesNotContain(f.keyB());
        String admin = given().auth().oauth2("test-admin-token").get("/api/v1/reports/gaps?format=json&assessment=" + after)
                .then().statusCode(200).extract().asString();
        assertThat(admin).contains(f.botB());

        GapReport.Changes scoped = reports.model(after, null, ReportFilter.NONE.within(Set.of(f.team()))).orElseThrow().gaps()
                .changes();
        assertThat(scoped.findings()).extracting(GapReport.ChangeRow::team).containsOnly(f.team());

        // the overview's table of changes (the latest run is this class's second), and its download, alike
        String page = given().auth().oauth2(token).get("/").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(page).select("#table-changes").text()).contains("Changes since the previous assessment")
                .contains(f.botA()).doesNotContain(f.botB());
        assertThat(Jsoup.parse(page).select("#table-changes #changes-note").text()).isEqualTo(diff.basis().sentence());
        String csv = given().auth().oauth2(token).get("/?download=csv&table=changes").then().statusCode(200).extract()
                .asString();
        assertThat(csv).contains(f.botA()).contains("departed 2030-01-20").doesNotContain(f.botB());
        String everyone = given().auth().oauth2("test-admin-token").get("/?download=csv&table=changes").then().statusCode(200)
                .extract().asString();
        assertThat(everyone).contains(f.botA()).contains(f.botB());
        GapReport.ScoreChange fw = reports.model(after, null, ReportFilter.NONE).orElseThrow().gaps().changes().frameworks()
                .get(0);
        String scores = given().auth().oauth2("test-admin-token").get("/?download=csv&table=framework-scores").then()
                .statusCode(200).extract().asString();
        assertThat(scores.lines().filter(l -> l.startsWith(fw.title()) || l.startsWith("\"" + fw.title())).findFirst()
                .orElseThrow()).contains(GapReport.ScoreChange.points(fw.delta()));
    }

    @Test
    void theOwnershipReportMarksTheGapsNewSinceThePreviousRun() throws Exception {
        ReportModel model = reports.model(after, null, ReportFilter.NONE).orElseThrow();
        AgentRow a = agent(model, f.botA());
        assertThat(a.gaps()).filteredOn(g -> g.checkId().equals("OWN-2")).singleElement()
                .satisfies(g -> assertThat(g.change()).isEqualTo("new"));
        assertThat(a.newGapIds()).contains("OWN-2");
        AgentRow b = agent(model, f.botB());
        assertThat(b.gaps()).as("bot-b's gaps were there before").isNotEmpty()
                .allSatisfy(g -> assertThat(g.change()).isNull());
        assertThat(b.gaps()).extracting(Gap::checkId).doesNotContain("OWN-3");
        assertThat(b.newGapIds()).isEmpty();
        // a page finds one agent's row by id, the same row the report reads, and only within the report's filter
        assertThat(model.ownership().agent(f.botA())).contains(a);
        assertThat(model.ownership().agent("nobody-" + f.s)).isEmpty();
        ReportModel team = reports.model(after, null, new ReportFilter(f.team(), null, null, null)).orElseThrow();
        assertThat(team.ownership().agent(f.botA())).contains(a);
        assertThat(team.ownership().agent(f.botB())).as("bot-b is of another team").isEmpty();
        // and one agent's findings, read for it alone: the rows a pass over all of them would keep, with their changes
        List<String> mine = new ArrayList<>();
        model.gaps().findingsOf(java.util.Set.of(f.botA(), f.keyA())).forEach(r -> mine.add(r.checkId() + " " + r.subjectId()
                + " " + r.change() + " " + r.ownerName() + " " + r.reason()));
        List<String> passed = new ArrayList<>();
        model.gaps().findings().forEach(r -> {
            if (r.subjectId().equals(f.botA()) || r.subjectId().equals(f.keyA())) {
                passed.add(r.checkId() + " " + r.subjectId() + " " + r.change() + " " + r.ownerName() + " " + r.reason());
            }
        });
        assertThat(mine).isEqualTo(passed).anySatisfy(t -> assertThat(t).startsWith("OWN-2 " + f.botA() + " new Dora "));
        assertThat(team.gaps().findingsOf(java.util.Set.of(f.botB()))).as("outside the filter").isEmpty();
        long withNew = 0;
        for (AgentRow r : model.ownership().agents()) {
            withNew += r.gaps().stream().anyMatch(Gap::isNew) ? 1 : 0;
        }
        assertThat(withNew).isPositive();
        assertThat(model.ownership().headline("newGaps")).isEqualTo(withNew);

        Path dir = f.files.dir().resolve("ownership-" + UUID.randomUUID());
        Files.createDirectories(dir);
        for (ReportFormat format : List.of(ReportFormat.HTML, ReportFormat.XLSX)) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("ownership." + format.extension()))) {
                reports.write(ReportKind.OWNERSHIP, format, model, out);
            }
        }
        Element own2 = Jsoup.parse(Files.readString(dir.resolve("ownership.html"))).select("#gaps tr").stream()
                .filter(tr -> tr.text().contains(f.botA()) && tr.text().contains("OWN-2")).findFirst().orElseThrow();
        assertThat(own2.select(".gap-change").text()).isEqualTo("new");
        assertThat(Jsoup.parse(Files.readString(dir.resolve("ownership.html"))).select("[data-headline=newGaps]").text())
                .startsWith(Long.toString(withNew)).contains("With a gap new since the previous run");
        try (Workbook wb = new XSSFWorkbook(dir.resolve("ownership.xlsx").toFile())) {
            Sheet gaps = wb.getSheet("Gaps");
            assertThat(gaps.getRow(0).getCell(10).getStringCellValue()).isEqualTo("Since previous run");
            int rows = 0;
            for (int i = 1; i <= gaps.getLastRowNum(); i++) {
                Row r = gaps.getRow(i);
                String agent = r.getCell(3).getStringCellValue();
                if (agent.equals(f.botA()) && r.getCell(4).getStringCellValue().equals("OWN-2")) {
                    assertThat(r.getCell(10).getStringCellValue()).isEqualTo("new");
                    assertThat(r.getCell(11).getStringCellValue()).contains("departed 2030-01-20");
                    rows++;
                }
                if (agent.equals(f.botB())) {
                    assertThat(r.getCell(10).getStringCellValue()).isEmpty();
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(1 + b.gaps().size());
        }
        // the ownership gaps page: a column of the gaps new since the previous run
        Path page = dir.resolve("gaps-page.csv");
        Files.writeString(page, given().auth().oauth2("test-admin-token").get("/gaps?download=csv&table=ownership-gaps")
                .then().statusCode(200).extract().asString());
        List<List<String>> table = ReadBack.csv(page);
        int column = table.get(0).indexOf("New since previous run");
        assertThat(column).isPositive();
        int backup = table.get(0).indexOf("Backup owner");
        assertThat(table).filteredOn(r -> r.get(0).equals(f.botA())).singleElement()
                .satisfies(r -> assertThat(r.get(column)).contains("OWN-2"))
                .satisfies(r -> assertThat(r.get(backup)).as("the person, not the id").isEqualTo("Carl"));
        assertThat(table).filteredOn(r -> r.get(0).equals(f.botB())).singleElement()
                .satisfies(r -> assertThat(r.get(column)).isEmpty());
        // and a choice to show only the agents with a new gap
        Path fresh = dir.resolve("gaps-page-new.csv");
        Files.writeString(fresh, given().auth().oauth2("test-admin-token").get("/gaps?show=new&download=csv&table=ownership-gaps")
                .then().statusCode(200).extract().asString());
        List<List<String>> onlyNew = ReadBack.csv(fresh);
        assertThat(onlyNew).extracting(r -> r.get(0)).contains(f.botA()).doesNotContain(f.botB());
        assertThat(onlyNew.subList(1, onlyNew.size())).allSatisfy(r -> assertThat(r.get(column)).isNotEmpty());
        assertThat(onlyNew.size()).isLessThan(table.size());
        Document filtered = Jsoup.parse(given().auth().oauth2("test-admin-token").get("/gaps?show=new").then()
                .statusCode(200).extract().asString());
        assertThat(filtered.select("#filter-show option[selected]").attr("value")).isEqualTo("new");
        // each check id its own unbreakable span, so that "OWN-2" never wraps into "OWN-" and "2"
        int gapsAt = filtered.select("#table-ownership-gaps thead th").eachText().indexOf("Gaps");
        String csvGaps = onlyNew.stream().filter(r -> r.get(0).equals(f.botA())).findFirst().orElseThrow()
                .get(onlyNew.get(0).indexOf("Gaps"));
        Element cell = filtered.select("#table-ownership-gaps tbody tr").stream()
                .filter(tr -> tr.child(0).text().equals(f.botA())).findFirst().orElseThrow().child(gapsAt);
        assertThat(cell.select("span.code").eachText()).isEqualTo(List.of(csvGaps.split(", "))).isNotEmpty();
        assertThat(cell.text()).isEqualTo(csvGaps);
    }

    @Test
    void anAgentsPageSaysWhatChangedForItTheResolvedFindingsIncluded() {
        Document page = Jsoup.parse(given().auth().oauth2("test-admin-token").get("/agents/" + f.botB()).then()
                .statusCode(200).extract().asString());
        assertThat(page.select("#table-changes h2").text()).contains("Changes since the previous assessment (" + before)
                .contains("1 finding changed");
        assertThat(page.select("#table-changes tbody tr")).singleElement().satisfies(tr -> assertThat(tr.text())
                .contains("resolved").contains("OWN-3").contains("Before:").contains("PASS"));
        assertThat(page.select("#table-findings").text()).as("no longer a finding").doesNotContain("OWN-3");
        assertThat(page.select("#backup-owner").text()).as("the person, not the id").isEqualTo("Carl");
        assertThat(page.select("#backup-owner span").attr("title")).isEqualTo("p-carl-" + f.s);
        String csv = given().auth().oauth2("test-admin-token").get("/agents/" + f.botA() + "?download=csv&table=changes")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("OWN-2").contains("departed 2030-01-20").doesNotContain(f.botB());
        // the control page names the failing subjects' owners as the directory does
        String failing = given().auth().oauth2("test-admin-token")
                .get("/controls/owasp-nhi-2025/NHI1?download=csv&table=failing-subjects").then().statusCode(200).extract()
                .asString();
        assertThat(failing.lines().filter(l -> l.contains("agent " + f.botA()))).singleElement().asString()
                .contains(",Dora,").doesNotContain("p-dora");
    }

    private static AgentRow agent(ReportModel model, String id) {
        for (AgentRow r : model.ownership().agents()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(id + " not in the ownership report");
    }

    private static GapReport.ChangeRow row(GapReport.Changes c, GapReport.Change kind, String check, String subject) {
        return c.findings().stream().filter(r -> r.change() == kind && r.checkId().equals(check) && r.subjectId().equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + check + " " + subject + " not among "
                        + c.findings()));
    }
}
