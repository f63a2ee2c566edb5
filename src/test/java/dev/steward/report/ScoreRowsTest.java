package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.ResultCounts;
import dev.steward.assessment.RevocationLatency;
import dev.steward.assessment.RollupEntry;
import dev.steward.assessment.Rollups;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.Scores;
import dev.steward.assessment.SeverityCounts;
import dev.steward.assessment.TeamFrameworks;
import dev.steward.assessment.Totals;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A team's row carries its framework scores in the report's framework order, made whole with each framework's name
 * and scope; a run stored before teams' framework scores were has none, and the section is left out.
 */
class ScoreRowsTest {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final FrameworkScore ASI = new FrameworkScore("owasp-asi-2026", "OWASP ASI", "2026", 0.8, 0.9, 10, 0,
            5, 3, 2, 0, 0);
    private static final FrameworkScore CSF = new FrameworkScore("nist-csf-2.0", "NIST CSF", "2.0", 0.7, 0.6, 24, 82,
            4, 5, 9, 1, 5);

    private static RollupEntry team(String key, long fails) {
        return new RollupEntry(key, 0.9, 1.0, new ResultCounts(10, 0, fails, 0, 0), new SeverityCounts(0, fails, 0, 0));
    }

    private static AssessmentSummary summary(List<TeamFrameworks> teamFrameworks) {
        return new AssessmentSummary("run", AS_OF, AS_OF.minusSeconds(86_400L * 90), AS_OF, "test", "m", "p", List.of(),
                new Totals(2, 0, 0, 0, ResultCounts.NONE, 0, new SeverityCounts(0, 0, 0, 0)), List.of(ASI, CSF),
                List.of(), new Rollups(List.of(team("identity", 1), team("payments", 4)), List.of(team("p-ana", 2)),
                        List.of(), List.of()), teamFrameworks, null, List.of(),
                new RevocationLatency(0, null, null, null), null);
    }

    private static final List<TeamFrameworks> STORED = List.of(
            new TeamFrameworks("identity", List.of(new TeamFrameworks.Score("nist-csf-2.0", 0.95, 0.75, 20, 3, 0, 1, 0),
                    new TeamFrameworks.Score("owasp-asi-2026", 0.99, 0.89, 8, 1, 0, 1, 0))),
            new TeamFrameworks("payments", List.of(new TeamFrameworks.Score("nist-csf-2.0", 0.61, 0.7, 4, 5, 9, 1, 5),
                    new TeamFrameworks.Score("owasp-asi-2026", 0.74, 0.56, 1, 3, 3, 2, 0))));

    @Test
    void teamRowsCarryTheirFrameworkScoresInTheReportsOrder() {
        List<GapReport.ScoreRow> rows = ScoreRows.of(summary(STORED), null, List.of(ASI, CSF), ReportFilter.NONE,
                id -> Optional.empty());
        assertThat(rows).extracting(GapReport.ScoreRow::key).containsExactly("payments", "identity");
        GapReport.ScoreRow payments = rows.get(0);
        assertThat(payments.frameworks()).extracting(FrameworkScore::framework)
                .containsExactly("owasp-asi-2026", "nist-csf-2.0");
        FrameworkScore asi = payments.frameworks().get(0);
        assertThat(asi.score()).isEqualTo(0.74);
        assertThat(asi.notSatisfied()).isEqualTo(3);
        assertThat(asi.name()).as("the framework's own name and scope").isEqualTo("OWASP ASI");
        assertThat(asi.inScope()).isEqualTo(10);
        assertThat(rows.get(1).frameworks().get(1).score()).isEqualTo(0.95);

        // a report of one framework: that framework alone
        assertThat(ScoreRows.of(summary(STORED), null, List.of(CSF), ReportFilter.NONE, id -> Optional.empty()))
                .allSatisfy(r -> assertThat(r.frameworks()).extracting(FrameworkScore::framework)
                        .containsExactly("nist-csf-2.0"));
        // a manager: its team's row alone, with its scores
        assertThat(ScoreRows.of(summary(STORED), null, List.of(ASI, CSF), ReportFilter.NONE.within(Set.of("identity")),
                id -> Optional.empty())).singleElement().satisfies(r -> assertThat(r.frameworks()).hasSize(2));
        // an owner's entry is not a team's: no framework scores
        assertThat(ScoreRows.of(summary(STORED), null, List.of(ASI), new ReportFilter(null, null, "p-ana", null),
                id -> Optional.empty())).singleElement().satisfies(r -> {
                    assertThat(r.dimension()).isEqualTo("owner");
                    assertThat(r.frameworks()).isNull();
                });
    }

    @Test
    void aRunStoredBeforeTeamsFrameworkScoresHasNone() {
        List<GapReport.ScoreRow> rows = ScoreRows.of(summary(null), null, List.of(ASI, CSF), ReportFilter.NONE,
                id -> Optional.empty());
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.frameworks()).isNull());
        GapReport g = new GapReport(List.of(ASI, CSF), List.of(), 0, List.of(), List.of(), rows,
                null, null, List.of(), List.of(), List.of(), List.of(), null);
        assertThat(g.teamFrameworks()).as("the section is left out").isEmpty();
    }

    private static RunDiff diff(List<RunDiff.TeamDelta> teams) {
        return new RunDiff("before", AS_OF.minusSeconds(86_400), new RunDiff.Counts(0, 0, 0, 0, 0, 0), List.of(),
                List.of(), List.of(), List.of(), List.of(), 100, false, List.of(), List.of(), teams, null);
    }

    private static RunDiff.ScoreDelta moved(String framework, Double before, Double now) {
        return new RunDiff.ScoreDelta(framework, before, now, Scores.delta(before, now), 1.0, 1.0, null, null);
    }

    @Test
    void teamRowsSayHowTheirScoresMovedWhenTheRunComparedTeams() {
        RunDiff.TeamDelta payments = new RunDiff.TeamDelta("payments", 0.95, 0.9, -0.05, 1.0, 1.0, List.of(
                moved("nist-csf-2.0", 0.7, 0.61), moved("owasp-asi-2026", 0.74, 0.74),
                moved("gone-framework", 0.5, null)));
        List<GapReport.ScoreRow> rows = ScoreRows.of(summary(STORED), diff(List.of(payments)), List.of(ASI, CSF),
                ReportFilter.NONE, id -> Optional.empty());
        GapReport.ScoreRow pay = rows.get(0);
        assertThat(pay.change().delta()).isEqualTo(-0.05);
        assertThat(pay.change().frameworks()).as("the report's frameworks alone, in its order")
                .extracting(RunDiff.ScoreDelta::ref).containsExactly("owasp-asi-2026", "nist-csf-2.0");
        assertThat(pay.frameworkDelta("nist-csf-2.0")).isEqualTo(-0.09);
        assertThat(pay.frameworkDelta("gone-framework")).isNull();
        // a team the diff does not list scored the same both times
        GapReport.ScoreRow identity = rows.get(1);
        assertThat(identity.change().previousScore()).isEqualTo(identity.score());
        assertThat(identity.change().delta()).isEqualTo(0.0);
        assertThat(identity.frameworkDelta("nist-csf-2.0")).isEqualTo(0.0);
        assertThat(identity.change().frameworks()).extracting(RunDiff.ScoreDelta::previousScore)
                .containsExactly(0.99, 0.95);
        // an owner's entry has no change; without a previous run, or one that stored no teams' scores, no row has one
        assertThat(ScoreRows.of(summary(STORED), diff(List.of(payments)), List.of(ASI),
                new ReportFilter(null, null, "p-ana", null), id -> Optional.empty()))
                .singleElement().satisfies(r -> assertThat(r.change()).isNull());
        for (RunDiff none : java.util.Arrays.asList(null, diff(null))) {
            List<GapReport.ScoreRow> plain = ScoreRows.of(summary(STORED), none, List.of(ASI, CSF), ReportFilter.NONE,
                    id -> Optional.empty());
            assertThat(plain).allSatisfy(r -> assertThat(r.change()).isNull());
            assertThat(new GapReport(List.of(ASI, CSF), List.of(), 0, List.of(), List.of(), plain, null, null,
                    List.of(), List.of(), List.of(), List.of(), null).teamsCompared()).isFalse();
        }
        assertThat(new GapReport(List.of(ASI, CSF), List.of(), 0, List.of(), List.of(), rows, null, null,
                List.of(), List.of(), List.of(), List.of(), null).teamsCompared()).isTrue();
    }
}
