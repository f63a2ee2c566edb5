package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.assessment.AssessmentRun;
import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.RollupEntry;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.TeamChanges;
import dev.steward.assessment.TeamFrameworks;
import dev.steward.ingest.IngestService;
import dev.steward.security.AccessScope;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * How each team's scores moved since the previous run: the run's diff lists every team whose roll-up or framework
 * scores changed, with the scores of both runs' summaries; a manager gets its teams' entries; the gap report shows
 * them in every format. The change is made by hand: between two runs a second later, the owner of the fixture team's
 * agent leaves, so that team's scores fall and the other fixture team's do not move.
 */
@QuarkusTest
class TeamChangesTest {

    @Inject
    IngestService ingest;
    @Inject
    AssessmentService assessments;
    @Inject
    ReportService reports;
    @Inject
    TeamChanges changes;

    @Test
    void theDiffSaysHowEachTeamsScoresMovedAndEveryFormatShowsIt() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        Instant at = Instant.parse("2030-03-11T00:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(1, 80_000));
        AssessmentSummary before = assessments.assess(at, null, "test").run().summary();
        f.ingest(ingest, "inventory-departed-" + f.s + ".yaml", f.inventory(true));
        AssessmentRun run = assessments.assess(at.plusSeconds(1), null, "test").run();
        AssessmentSummary now = run.summary();
        RunDiff diff = run.diff();
        assertThat(diff.previousId()).isEqualTo(before.id());
        String pay = f.team();
        String ops = "ops-" + f.s;

        // every team of either run is listed exactly when one of its scores differs, with both runs' numbers
        Map<String, RunDiff.TeamDelta> listed = new HashMap<>();
        diff.teams().forEach(t -> listed.put(t.team(), t));
        assertThat(diff.teams()).extracting(RunDiff.TeamDelta::team).isSorted();
        TreeSet<String> teams = new TreeSet<>();
        before.rollups().teams().forEach(e -> teams.add(e.key()));
        now.rollups().teams().forEach(e -> teams.add(e.key()));
        for (String team : teams) {
            RollupEntry was = entry(before, team);
            RollupEntry is = entry(now, team);
            Map<String, TeamFrameworks.Score> wasFw = frameworks(before, team);
            Map<String, TeamFrameworks.Score> isFw = frameworks(now, team);
            boolean same = was != null && is != null && Objects.equals(was.score(), is.score())
                    && Objects.equals(was.coverage(), is.coverage()) && wasFw.keySet().equals(isFw.keySet())
                    && isFw.keySet().stream().allMatch(k -> Objects.equals(wasFw.get(k).score(), isFw.get(k).score())
                            && Objects.equals(wasFw.get(k).coverage(), isFw.get(k).coverage()));
            assertThat(listed.containsKey(team)).as(team + " listed").isEqualTo(!same);
            RunDiff.TeamDelta d = listed.get(team);
            if (d == null) {
                continue;
            }
            assertThat(d.previousScore()).as(team).isEqualTo(was == null ? null : was.score());
            assertThat(d.score()).as(team).isEqualTo(is == null ? null : is.score());
            assertThat(d.previousCoverage()).isEqualTo(was == null ? null : was.coverage());
            for (RunDiff.ScoreDelta x : d.frameworks()) {
                TeamFrameworks.Score w = wasFw.get(x.ref());
                TeamFrameworks.Score n = isFw.get(x.ref());
                assertThat(x.previousScore()).as(team + " " + x.ref()).isEqualTo(w == null ? null : w.score());
                assertThat(x.score()).as(team + " " + x.ref()).isEqualTo(n == null ? null : n.score());
                if (x.previousScore() != null && x.score() != null) {
                    assertThat(x.delta()).isCloseTo(x.score() - x.previousScore(), within(1e-4));
                }
            }
        }
        RunDiff.TeamDelta mine = listed.get(pay);
        assertThat(mine).as("the team whose agent lost its owner").isNotNull();
        assertThat(mine.delta()).as("its roll-up score fell").isNegative();
        assertThat(mine.frameworks()).extracting(RunDiff.ScoreDelta::ref).as("every framework, in the run's order")
                .containsExactlyElementsOf(now.frameworks().stream().map(FrameworkScore::framework).toList());
        RunDiff.ScoreDelta nhi = mine.frameworks().stream().filter(x -> x.ref().equals("owasp-nhi-2025")).findFirst()
                .orElseThrow();
        assertThat(nhi.delta()).as("an orphaned agent is an NHI risk").isNegative();
        assertThat(listed).as("the other team did not move").doesNotContainKey(ops);

        // a manager gets its teams' entries; a team that did not move is no entry, and the list is empty, not null
        assertThat(assessments.get(run.id(), AccessScope.teams(List.of(pay))).orElseThrow().diff().teams())
                .containsExactly(mine);
        assertThat(assessments.get(run.id(), AccessScope.teams(List.of(ops))).orElseThrow().diff().teams()).isEmpty();
        assertThat(changes.of(run.id()).orElseThrow()).containsEntry(pay, mine).doesNotContainKey(ops);

        // the gap report narrowed to both teams: the team that moved and the one that did not
        ReportModel model = reports.model(run.id(), null, ReportFilter.NONE.within(java.util.Set.of(pay, ops)))
                .orElseThrow();
        GapReport g = model.gaps();
        assertThat(g.teamsCompared()).isTrue();
        GapReport.ScoreRow payRow = row(g, pay);
        GapReport.ScoreRow opsRow = row(g, ops);
        assertThat(payRow.change()).isEqualTo(mine);
        assertThat(opsRow.change().delta()).as("a team the diff does not list did not move").isEqualTo(0.0);
        assertThat(opsRow.change().frameworks()).allSatisfy(x -> assertThat(x.delta()).isEqualTo(0.0));
        assertThat(payRow.frameworkDelta("owasp-nhi-2025")).isEqualTo(nhi.delta());

        Path dir = f.files.dir().resolve("team-changes");
        Files.createDirectories(dir);
        for (ReportFormat format : ReportFormat.values()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("gaps." + format.extension()))) {
                reports.write(ReportKind.GAPS, format, model, out);
            }
        }
        String points = GapReport.ScoreChange.points(mine.delta());
        assertThat(points).startsWith("-").endsWith(" pts");
        org.jsoup.nodes.Document html = Jsoup.parse(Files.readString(dir.resolve("gaps.html")));
        Element scores = html.selectFirst("#scores + table");
        assertThat(scores.select("thead th").get(2).text()).isEqualTo("Change");
        assertThat(scores.select("tbody tr")).filteredOn(tr -> tr.child(0).text().equals(pay)).singleElement()
                .satisfies(tr -> assertThat(tr.child(2).text()).isEqualTo(points));
        Element byFramework = html.selectFirst("#team-frameworks + table");
        Element payCells = byFramework.select("tbody tr").stream().filter(tr -> tr.child(0).text().equals(pay))
                .findFirst().orElseThrow();
        int nhiColumn = 1 + g.frameworks().stream().map(FrameworkScore::framework).toList().indexOf("owasp-nhi-2025");
        FrameworkScore payNhi = payRow.frameworks().get(nhiColumn - 1);
        assertThat(payCells.child(nhiColumn).text()).isEqualTo(PdfGaps.teamFramework(payNhi) + " "
                + GapReport.ScoreChange.points(nhi.delta()));
        assertThat(byFramework.nextElementSibling().text()).isEqualTo(PdfGaps.teamFrameworksNote(g));
        // the trend over the runs: no wider than 1.4 times its drawing, the last run's date ending at its right edge
        Element trend = html.selectFirst("svg[aria-label=Score trend]");
        assertThat(trend.attr("style")).isEqualTo("max-width:728px");
        List<Element> dates = trend.select("text").stream().filter(t -> t.text().matches("\\d{4}-\\d{2}-\\d{2}"))
                .toList();
        assertThat(dates).as("a date per run of the trend").hasSizeGreaterThanOrEqualTo(2);
        assertThat(dates.get(dates.size() - 1).attr("text-anchor")).isEqualTo("end");
        assertThat(dates.get(0).attr("text-anchor")).isEqualTo("middle");

        for (int page = 1; page <= ReadBack.pdfPages(dir.resolve("gaps.pdf")); page++) {
            assertThat(ReadBack.overdrawnText(dir.resolve("gaps.pdf"), page)).as("text over text on page " + page)
                    .isEmpty();
        }
        String pdf = ReadBack.pdfText(dir.resolve("gaps.pdf")).replaceAll("\\s+", " ");
        assertThat(pdf).contains(pay + " " + Fmt.pct(payRow.score()) + " " + points)
                .contains(PdfGaps.teamFramework(payNhi) + " " + GapReport.ScoreChange.points(nhi.delta()))
                .contains(PdfGaps.TEAM_CHANGES_NOTE);

        try (Workbook wb = new XSSFWorkbook(dir.resolve("gaps.xlsx").toFile())) {
            Sheet sheet = wb.getSheet("Summary");
            Row title = ReadBack.rowStartingWith(sheet, "Scores by team (the run's roll-ups)");
            int change = ReadBack.columnOf(sheet.getRow(title.getRowNum() + 1), "Change since previous run");
            assertThat(rowOf(sheet, title.getRowNum() + 2, pay, -1).getCell(change).getNumericCellValue())
                    .isEqualTo(mine.delta());
            title = ReadBack.rowStartingWith(sheet, "Framework scores by team");
            Row header = sheet.getRow(title.getRowNum() + 1);
            change = ReadBack.columnOf(header, "Change since previous run");
            int framework = ReadBack.columnOf(header, "Framework");
            assertThat(rowOf(sheet, title.getRowNum() + 2, pay, framework).getCell(change).getNumericCellValue())
                    .isEqualTo(nhi.delta());
        }

        JsonNode json = new ObjectMapper().readTree(dir.resolve("gaps.json").toFile()).path("scores");
        JsonNode payJson = json.get(g.scores().indexOf(payRow)).path("change");
        assertThat(payJson.path("delta").asDouble()).isEqualTo(mine.delta());
        assertThat(payJson.path("previousScore").asDouble()).isEqualTo(mine.previousScore());
        assertThat(payJson.path("frameworks")).hasSize(g.frameworks().size());

        // a report of one framework: that framework's change alone on each team's row
        GapReport one = reports.model(run.id(), "owasp-nhi-2025", new ReportFilter(pay, null, null, null))
                .orElseThrow().gaps();
        assertThat(row(one, pay).change().frameworks()).containsExactly(nhi);
        assertThat(one.changes().summary())
                .contains("The framework and control score changes are the whole assessment's");
    }

    private static RollupEntry entry(AssessmentSummary s, String team) {
        return s.rollups().teams().stream().filter(e -> e.key().equals(team)).findFirst().orElse(null);
    }

    private static Map<String, TeamFrameworks.Score> frameworks(AssessmentSummary s, String team) {
        Map<String, TeamFrameworks.Score> out = new HashMap<>();
        s.teamFrameworks().stream().filter(t -> t.team().equals(team)).findFirst()
                .ifPresent(t -> t.frameworks().forEach(x -> out.put(x.framework(), x)));
        return out;
    }

    private static GapReport.ScoreRow row(GapReport g, String team) {
        return g.scores().stream().filter(r -> r.key().equals(team)).findFirst().orElseThrow();
    }

    /** The row of {@code team} (and of owasp-nhi-2025 in column {@code framework}, unless -1) from {@code first}. */
    private static Row rowOf(Sheet sheet, int first, String team, int framework) {
        for (int r = first; sheet.getRow(r) != null; r++) {
            Row row = sheet.getRow(r);
            if (row.getCell(0) != null && row.getCell(0).toString().equals(team) && (framework < 0
                    || row.getCell(framework).getStringCellValue().equals("owasp-nhi-2025"))) {
                return row;
            }
        }
        throw new AssertionError("no row of " + team);
    }
}
