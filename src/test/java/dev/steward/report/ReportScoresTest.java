package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.RollupEntry;
import dev.steward.assessment.TeamFrameworks;
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
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The gap report's scores by team: the run's stored team roll-ups, most FAILs first, in every format; narrowed by a
 * report's filter to the entries it is about, and for a reader limited to some teams to those teams alone.
 */
@QuarkusTest
class ReportScoresTest {

    private static AssessmentFixture fixture;
    private static AssessmentSummary summary;

    @Inject
    IngestService ingest;

    @Inject
    AssessmentService assessments;

    @Inject
    ReportService reports;

    private AssessmentSummary run() {
        if (summary == null) {
            fixture = new AssessmentFixture();
            fixture.ingestAll(ingest);
            summary = assessments.assess(Instant.parse("2030-03-09T00:00:00Z"), Duration.ofDays(90), "test").run()
                    .summary();
        }
        return summary;
    }

    @Test
    void everyFormatListsTheRunsTeamScoresMostFailsFirst() throws Exception {
        AssessmentSummary s = run();
        // the order worked out here, not with the product's comparator: most FAILs, then most findings, then the key
        List<RollupEntry> expected = new ArrayList<>(s.rollups().teams());
        expected.sort(Comparator.comparingLong((RollupEntry e) -> -e.results().fail())
                .thenComparingLong(e -> -e.results().findings()).thenComparing(RollupEntry::key));
        assertThat(expected).extracting(RollupEntry::key).contains(fixture.team(), "ops-" + fixture.s);
        ReportModel model = reports.model(s.id(), null, ReportFilter.NONE).orElseThrow();
        List<GapReport.ScoreRow> rows = model.gaps().scores();
        assertThat(rows).extracting(GapReport.ScoreRow::key).containsExactlyElementsOf(expected.stream()
                .map(RollupEntry::key).toList());
        assertThat(rows).allMatch(r -> r.dimension().equals("team"));
        for (int i = 0; i < rows.size(); i++) {
            RollupEntry e = expected.get(i);
            assertThat(rows.get(i).results()).isEqualTo(e.results());
            assertThat(rows.get(i).fails()).isEqualTo(e.fails());
            assertThat(rows.get(i).score()).isEqualTo(e.score());
            assertThat(rows.get(i).coverage()).isEqualTo(e.coverage());
        }
        GapReport.ScoreRow pay = rows.stream().filter(r -> r.key().equals(fixture.team())).findFirst().orElseThrow();
        assertThat(pay.results().fail()).isPositive();

        Path dir = writeGaps(model);
        try (Workbook wb = new XSSFWorkbook(dir.resolve("gaps.xlsx").toFile())) {
            Sheet sheet = wb.getSheet("Summary");
            Row title = ReadBack.rowStartingWith(sheet, "Scores by team (the run's roll-ups)");
            Row header = sheet.getRow(title.getRowNum() + 1);
            int fail = ReadBack.columnOf(header, "FAIL");
            int critical = ReadBack.columnOf(header, "Critical");
            int score = ReadBack.columnOf(header, "Score");
            List<String> keys = new ArrayList<>();
            for (int r = title.getRowNum() + 2; sheet.getRow(r) != null && cell(sheet.getRow(r), 0) != null; r++) {
                Row row = sheet.getRow(r);
                GapReport.ScoreRow want = rows.get(keys.size());
                keys.add(cell(row, 0).getStringCellValue());
                assertThat(row.getCell(fail).getNumericCellValue()).isEqualTo(want.results().fail());
                assertThat(row.getCell(critical).getNumericCellValue()).isEqualTo(want.fails().critical());
                if (want.score() != null) {
                    assertThat(row.getCell(score).getNumericCellValue()).isCloseTo(want.score(),
                            org.assertj.core.data.Offset.offset(1e-9));
                }
            }
            assertThat(keys).containsExactlyElementsOf(rows.stream().map(GapReport.ScoreRow::key).toList());
            assertThat(ReadBack.rowStartingWith(sheet, PdfGaps.SCORES_NOTE)).as("the note under the table").isNotNull();
        }
        Element table = Jsoup.parse(Files.readString(dir.resolve("gaps.html"))).selectFirst("#scores + table");
        assertThat(table).isNotNull();
        assertThat(table.select("tbody tr")).extracting(tr -> tr.child(0).text())
                .containsExactlyElementsOf(rows.stream().map(GapReport.ScoreRow::key).toList());
        // the FAIL column: after the score, its change when the run was compared with one before, and the coverage
        int failColumn = table.select("thead th").eachText().indexOf("FAIL");
        assertThat(failColumn).isEqualTo(model.gaps().teamsCompared() ? 4 : 3);
        assertThat(table.select("tbody tr").get(rows.indexOf(pay)).child(failColumn).text())
                .isEqualTo(Long.toString(pay.results().fail()));
        assertThat(table.nextElementSibling().text()).as("the same note as the PDF's and the XLSX's")
                .isEqualTo(PdfGaps.SCORES_NOTE);
        String pdf = ReadBack.pdfText(dir.resolve("gaps.pdf")).replaceAll("\\s+", " ");
        assertThat(pdf).contains("Scores by team (the run's roll-ups)").contains(PdfGaps.SCORES_NOTE)
                .contains(fixture.team() + " " + Fmt.pct(pay.score()));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("gaps.json").toFile()).path("scores");
        assertThat(json).hasSize(rows.size());
        List<String> jsonKeys = new ArrayList<>();
        json.forEach(n -> jsonKeys.add(n.path("key").asText()));
        assertThat(jsonKeys).containsExactlyElementsOf(rows.stream().map(GapReport.ScoreRow::key).toList());
    }

    @Test
    void everyFormatListsEachTeamsFrameworkScores() throws Exception {
        AssessmentSummary s = run();
        java.util.Map<String, TeamFrameworks> stored = new java.util.HashMap<>();
        s.teamFrameworks().forEach(t -> stored.put(t.team(), t));
        ReportModel model = reports.model(s.id(), null, ReportFilter.NONE).orElseThrow();
        List<GapReport.ScoreRow> rows = model.gaps().teamFrameworks();
        assertThat(rows).extracting(GapReport.ScoreRow::key).as("every team of the scores, in their order")
                .containsExactlyElementsOf(model.gaps().scores().stream().map(GapReport.ScoreRow::key).toList());
        for (GapReport.ScoreRow r : rows) {
            List<TeamFrameworks.Score> mine = stored.get(r.key()).frameworks();
            assertThat(r.frameworks()).as(r.key()).hasSameSizeAs(s.frameworks()).hasSameSizeAs(mine);
            for (int i = 0; i < mine.size(); i++) {
                FrameworkScore whole = r.frameworks().get(i);
                assertThat(whole.framework()).isEqualTo(s.frameworks().get(i).framework());
                assertThat(whole.name()).isEqualTo(s.frameworks().get(i).name());
                assertThat(whole.inScope()).isEqualTo(s.frameworks().get(i).inScope());
                assertThat(whole.score()).isEqualTo(mine.get(i).score());
                assertThat(whole.coverage()).isEqualTo(mine.get(i).coverage());
                assertThat(whole.notSatisfied()).isEqualTo(mine.get(i).notSatisfied());
            }
        }
        GapReport.ScoreRow pay = rows.stream().filter(r -> r.key().equals(fixture.team())).findFirst().orElseThrow();
        FrameworkScore payNhi = pay.frameworks().stream().filter(f -> f.framework().equals("owasp-nhi-2025"))
                .findFirst().orElseThrow();
        FrameworkScore orgNhi = s.frameworks().stream().filter(f -> f.framework().equals("owasp-nhi-2025"))
                .findFirst().orElseThrow();
        assertThat(payNhi.score()).as("the team's own score, not the run's").isNotNull()
                .isNotEqualTo(orgNhi.score());

        Path dir = writeGaps(model);
        try (Workbook wb = new XSSFWorkbook(dir.resolve("gaps.xlsx").toFile())) {
            Sheet sheet = wb.getSheet("Summary");
            Row title = ReadBack.rowStartingWith(sheet, "Framework scores by team");
            Row header = sheet.getRow(title.getRowNum() + 1);
            int framework = ReadBack.columnOf(header, "Framework");
            int score = ReadBack.columnOf(header, "Score");
            int notSatisfied = ReadBack.columnOf(header, "Not satisfied");
            int found = 0;
            int lines = 0;
            for (int r = title.getRowNum() + 2; sheet.getRow(r) != null && cell(sheet.getRow(r), 0) != null; r++) {
                Row row = sheet.getRow(r);
                lines++;
                if (cell(row, 0).getStringCellValue().equals(fixture.team())
                        && row.getCell(framework).getStringCellValue().equals("owasp-nhi-2025")) {
                    found++;
                    assertThat(row.getCell(score).getNumericCellValue()).isCloseTo(payNhi.score(),
                            org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(row.getCell(notSatisfied).getNumericCellValue()).isEqualTo(payNhi.notSatisfied());
                }
            }
            assertThat(found).isEqualTo(1);
            assertThat(lines).as("a line per team and framework").isEqualTo(rows.size() * s.frameworks().size());
            assertThat(ReadBack.rowStartingWith(sheet, PdfGaps.teamFrameworksNote(model.gaps()))).isNotNull();
        }
        Element table = Jsoup.parse(Files.readString(dir.resolve("gaps.html"))).selectFirst("#team-frameworks + table");
        assertThat(table).isNotNull();
        List<String> columns = new ArrayList<>(List.of("Team"));
        s.frameworks().forEach(fw -> columns.add(fw.framework()));
        assertThat(table.select("thead th")).extracting(Element::text).containsExactlyElementsOf(columns);
        Element payRow = table.select("tbody tr").get(rows.indexOf(pay));
        assertThat(payRow.child(0).text()).isEqualTo(fixture.team());
        // the score and its controls not satisfied, then its change when the run was compared with one before
        List<String> cells = pay.frameworks().stream().map(f -> PdfGaps.teamFramework(f)
                + (pay.change() == null ? "" : " " + PdfGaps.change(pay, f))).toList();
        assertThat(payRow.children().stream().skip(1).map(Element::text).toList()).containsExactlyElementsOf(cells);
        assertThat(table.nextElementSibling().text()).isEqualTo(PdfGaps.teamFrameworksNote(model.gaps()));
        String pdf = ReadBack.pdfText(dir.resolve("gaps.pdf")).replaceAll("\\s+", " ");
        assertThat(pdf).contains("Framework scores by team").contains(PdfGaps.TEAM_FRAMEWORKS_NOTE)
                .contains(fixture.team() + " " + String.join(" ", cells));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("gaps.json").toFile()).path("scores");
        JsonNode payJson = json.get(model.gaps().scores().indexOf(pay)).path("frameworks");
        assertThat(payJson).hasSize(s.frameworks().size());
        assertThat(payJson.get(s.frameworks().indexOf(orgNhi)).path("score").asDouble()).isEqualTo(payNhi.score());

        // a report of one framework: that framework's score alone on each team's row
        List<GapReport.ScoreRow> nhiOnly = reports.model(s.id(), "owasp-nhi-2025", ReportFilter.NONE).orElseThrow()
                .gaps().teamFrameworks();
        assertThat(nhiOnly).hasSameSizeAs(rows).allSatisfy(r -> assertThat(r.frameworks()).singleElement()
                .isEqualTo(stored.get(r.key()).frameworks().stream().filter(f -> f.framework().equals("owasp-nhi-2025"))
                        .findFirst().orElseThrow().with(orgNhi)));
    }

    @Test
    void aReportsFilterNarrowsTheScoresToWhatItIsAbout() {
        AssessmentSummary s = run();
        String dora = "p-dora-" + fixture.s;
        // narrowed to a team: that team's row alone
        assertThat(scores(s, new ReportFilter(fixture.team(), null, null, null)))
                .extracting(GapReport.ScoreRow::key).containsExactly(fixture.team());
        // narrowed to an owner: the owner's own entry, by name, and no team's
        List<GapReport.ScoreRow> owner = scores(s, new ReportFilter(null, null, dora, null));
        RollupEntry stored = s.rollups().owners().stream().filter(e -> e.key().equals(dora)).findFirst().orElseThrow();
        assertThat(owner).hasSize(1);
        assertThat(owner.get(0).dimension()).isEqualTo("owner");
        assertThat(owner.get(0).label()).isEqualTo("Owner: Dora (" + dora + ")");
        assertThat(owner.get(0).results()).isEqualTo(stored.results());
        // an owner and an environment: both entries, in that order
        assertThat(scores(s, new ReportFilter(null, null, dora, "prod"))).extracting(GapReport.ScoreRow::label)
                .containsExactly("Owner: Dora (" + dora + ")", "Environment: prod");
        // a reader limited to one team (a manager) gets that team's row, never another dimension's whole-run entry
        assertThat(scores(s, new ReportFilter(null, null, null, "prod").within(Set.of(fixture.team()))))
                .extracting(GapReport.ScoreRow::key).containsExactly(fixture.team());
        assertThat(scores(s, ReportFilter.NONE.within(Set.of("ops-" + fixture.s))))
                .extracting(GapReport.ScoreRow::key).containsExactly("ops-" + fixture.s);
        // subjects without a team (the shadow agent) are the "(none)" row, which a team filter of "(none)" keeps
        assertThat(scores(s, ReportFilter.NONE)).extracting(GapReport.ScoreRow::key).contains(RollupEntry.NONE);
        assertThat(scores(s, new ReportFilter(RollupEntry.NONE, null, null, null))).extracting(GapReport.ScoreRow::key)
                .containsExactly(RollupEntry.NONE);
    }

    private List<GapReport.ScoreRow> scores(AssessmentSummary s, ReportFilter filter) {
        return reports.model(s.id(), null, filter).orElseThrow().gaps().scores();
    }

    private static Cell cell(Row row, int col) {
        Cell c = row.getCell(col);
        return c == null || c.toString().isBlank() ? null : c;
    }

    private Path writeGaps(ReportModel model) throws Exception {
        Path dir = fixture.files.dir().resolve("scores-reports");
        Files.createDirectories(dir);
        for (ReportFormat f : ReportFormat.values()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("gaps." + f.extension()))) {
                reports.write(ReportKind.GAPS, f, model, out);
            }
        }
        return dir;
    }
}
