package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** New, resolved, regressed, improved and changed findings, and score deltas, between two runs. */
class DiffTest {

    static AssessedResult now(String check, String subject, Result result, Double score) {
        return new AssessedResult(check, "default", SubjectType.AGENT, subject, result, score, Severity.HIGH, 1, "r",
                null, null, null, null, List.of(), List.of());
    }

    static DiffBuilder.PriorFinding before(String check, String subject, Result result, Double score) {
        return new DiffBuilder.PriorFinding(check, "default", SubjectType.AGENT, subject, result, score);
    }

    static FrameworkScore fw(String id, Double score) {
        return new FrameworkScore(id, id, "1", score, 1.0, 1, 0, 0, 0, 0, 0, 0);
    }

    static ControlResult ctl(String id, Double score, ControlStatus status) {
        return new ControlResult("f", id, id, null, false, status, score, 1.0, false, List.of(), List.of(), List.of(), null);
    }

    @Test
    void findingsAreMatchedByCheckVariantAndSubject() {
        DiffBuilder.Previous previous = new DiffBuilder.Previous("prev", Instant.parse("2026-10-01T00:00:00Z"), List.of(
                before("OWN-2", "gone", Result.FAIL, 0.0),
                before("OWN-2", "fixed", Result.FAIL, 0.0),
                before("AUT-1", "worse", Result.PARTIAL, 0.6),
                before("AUT-1", "better", Result.FAIL, 0.0),
                before("AUT-1", "same", Result.PARTIAL, 0.6),
                before("LOG-2", "unknown-now", Result.PARTIAL, 0.9),
                before("LIF-1", "still", Result.FAIL, 0.0)),
                List.of(fw("f", 0.8)), List.of(ctl("A", 0.8, ControlStatus.PARTIALLY_SATISFIED), ctl("B", 1.0, ControlStatus.SATISFIED)));
        DiffBuilder diff = new DiffBuilder(previous, 100);
        List.of(now("OWN-2", "fixed", Result.PASS, 1.0),
                now("OWN-2", "fresh", Result.FAIL, 0.0),
                now("AUT-1", "worse", Result.FAIL, 0.0),
                now("AUT-1", "better", Result.PARTIAL, 0.7),
                now("AUT-1", "same", Result.PARTIAL, 0.6),
                now("LOG-2", "unknown-now", Result.INSUFFICIENT_EVIDENCE, null),
                now("LIF-1", "still", Result.FAIL, 0.0)).forEach(diff::accept);

        RunDiff d = diff.finish(List.of(fw("f", 0.7)), List.of(ctl("A", 0.7, ControlStatus.PARTIALLY_SATISFIED),
                ctl("B", 1.0, ControlStatus.SATISFIED)), null);

        assertThat(d.counts()).isEqualTo(new RunDiff.Counts(1, 2, 1, 1, 1, 2));
        assertThat(d.newFindings()).extracting(RunDiff.FindingChange::subjectId).containsExactly("fresh");
        assertThat(d.resolved()).extracting(RunDiff.FindingChange::subjectId, RunDiff.FindingChange::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fixed", Result.PASS),
                        org.assertj.core.groups.Tuple.tuple("gone", null));
        assertThat(d.regressed()).singleElement().satisfies(c -> {
            assertThat(c.subjectId()).isEqualTo("worse");
            assertThat(c.previousResult()).isEqualTo(Result.PARTIAL);
            assertThat(c.result()).isEqualTo(Result.FAIL);
        });
        assertThat(d.improved()).extracting(RunDiff.FindingChange::subjectId).containsExactly("better");
        assertThat(d.changed()).extracting(RunDiff.FindingChange::subjectId).containsExactly("unknown-now");
        assertThat(d.frameworks()).singleElement().extracting(RunDiff.ScoreDelta::delta).isEqualTo(-0.1);
        assertThat(d.controls()).extracting(RunDiff.ScoreDelta::ref).containsExactly("f:A");
        assertThat(d.previousId()).isEqualTo("prev");
        assertThat(d.truncated()).isFalse();
    }

    @Test
    void aSubjectsFindingsAreMatchedByCheckVariantAndSubjectTypeEach() {
        // one subject id with findings of several checks, variants and subject types: each is matched on its own
        DiffBuilder.PriorFinding own = new DiffBuilder.PriorFinding("OWN-2", "default", SubjectType.AGENT, "x", Result.FAIL, 0.0);
        DiffBuilder.PriorFinding aut = new DiffBuilder.PriorFinding("AUT-1", "default", SubjectType.AGENT, "x", Result.PARTIAL, 0.5);
        DiffBuilder.PriorFinding strict = new DiffBuilder.PriorFinding("AUT-1", "strict", SubjectType.AGENT, "x", Result.FAIL, 0.0);
        DiffBuilder.PriorFinding credential = new DiffBuilder.PriorFinding("IDN-2", "default", SubjectType.CREDENTIAL, "x",
                Result.FAIL, 0.0);
        DiffBuilder diff = new DiffBuilder(new DiffBuilder.Previous("p", Instant.EPOCH, List.of(own, aut, strict, credential),
                List.of(), List.of()), 100);
        diff.accept(result("OWN-2", "default", SubjectType.AGENT, Result.FAIL, 0.0));
        diff.accept(result("AUT-1", "default", SubjectType.AGENT, Result.PARTIAL, 0.5));
        diff.accept(result("AUT-1", "strict", SubjectType.AGENT, Result.PASS, 1.0));
        diff.accept(result("IDN-2", "default", SubjectType.PRINCIPAL, Result.FAIL, 0.0));
        diff.accept(result("IDN-3", "default", SubjectType.CREDENTIAL, Result.PASS, 1.0));

        RunDiff d = diff.finish(List.of(), List.of(), null);

        assertThat(d.counts()).isEqualTo(new RunDiff.Counts(1, 2, 0, 0, 0, 2));
        assertThat(d.newFindings()).singleElement().satisfies(c -> {
            assertThat(c.checkId()).isEqualTo("IDN-2");
            assertThat(c.subjectType()).isEqualTo(SubjectType.PRINCIPAL.json());
        });
        assertThat(d.resolved()).extracting(RunDiff.FindingChange::checkId, RunDiff.FindingChange::variant,
                RunDiff.FindingChange::result).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("IDN-2", "default", null),
                        org.assertj.core.groups.Tuple.tuple("AUT-1", "strict", Result.PASS));
    }

    private static AssessedResult result(String check, String variant, SubjectType type, Result result, Double score) {
        return new AssessedResult(check, variant, type, "x", result, score, Severity.HIGH, 1, "r", null, null, null, null,
                List.of(), List.of());
    }

    @Test
    void everyPriorSubjectIsFoundAmongManyResultsWithoutPriorFindings() {
        // a PASS or NOT_APPLICABLE result matters to the diff only when its subject had a finding before
        List<DiffBuilder.PriorFinding> prior = new java.util.ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            prior.add(before("OWN-2", "agent-" + (2 * i), Result.FAIL, 0.0));
        }
        DiffBuilder diff = new DiffBuilder(new DiffBuilder.Previous("p", Instant.EPOCH, prior, List.of(), List.of()), 100_000);
        for (int i = 0; i < 200_000; i++) {
            diff.accept(now("OWN-2", "agent-" + i, i < 100_000 ? Result.PASS : Result.NOT_APPLICABLE, i < 100_000 ? 1.0 : null));
        }
        RunDiff d = diff.finish(List.of(), List.of(), null);
        assertThat(d.counts().resolved()).isEqualTo(50_000);
        assertThat(d.counts().newFindings()).isZero();
        assertThat(d.resolved()).hasSize(50_000).allSatisfy(c -> {
            assertThat(c.result()).as(c.subjectId()).isEqualTo(Result.PASS);
            assertThat(c.previousResult()).isEqualTo(Result.FAIL);
        });
    }

    @Test
    void listsAreCappedButCountsAreNot() {
        DiffBuilder diff = new DiffBuilder(new DiffBuilder.Previous("p", Instant.EPOCH, List.of(), List.of(), List.of()), 2);
        for (int i = 0; i < 5; i++) {
            diff.accept(now("OWN-1", "s" + i, Result.FAIL, 0.0));
        }
        RunDiff d = diff.finish(List.of(), List.of(), null);
        assertThat(d.counts().newFindings()).isEqualTo(5);
        assertThat(d.newFindings()).hasSize(2);
        assertThat(d.truncated()).isTrue();
    }

    static TeamDeltas.Team team(String team, Double score, TeamFrameworks.Score... frameworks) {
        return new TeamDeltas.Team(team, score, 1.0, List.of(frameworks));
    }

    static TeamFrameworks.Score teamScore(String framework, Double score) {
        return new TeamFrameworks.Score(framework, score, 1.0, 1, 0, 0, 0, 0);
    }

    @Test
    void teamsWhoseScoresChangedAreListedWithEachFrameworkThenAndNow() {
        DiffBuilder diff = new DiffBuilder(new DiffBuilder.Previous("p", Instant.EPOCH, List.of(), List.of(), List.of(),
                List.of(team("payments", 0.9, teamScore("f", 0.8), teamScore("g", 1.0)),
                        team("same", 0.5, teamScore("f", 0.5)),
                        team("gone", 0.7, teamScore("f", 0.7)),
                        team("ratio", 0.6, teamScore("f", 0.6)))), 10);
        RunDiff d = diff.finish(List.of(), List.of(), List.of(
                team("fresh", 1.0, teamScore("f", 1.0)),
                team("payments", 0.9, teamScore("f", 0.75), teamScore("g", 1.0)),
                team("ratio", 0.6, teamScore("f", 0.6), teamScore("h", 0.4)),
                team("same", 0.5, teamScore("f", 0.5))));

        assertThat(d.teams()).extracting(RunDiff.TeamDelta::team)
                .as("a team whose scores did not change is not listed")
                .containsExactly("fresh", "gone", "payments", "ratio");
        RunDiff.TeamDelta payments = d.teams().get(2);
        assertThat(payments.delta()).as("its roll-up score did not change").isEqualTo(0.0);
        assertThat(payments.frameworks()).extracting(RunDiff.ScoreDelta::ref, RunDiff.ScoreDelta::previousScore,
                RunDiff.ScoreDelta::score, RunDiff.ScoreDelta::delta).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("f", 0.8, 0.75, -0.05),
                        org.assertj.core.groups.Tuple.tuple("g", 1.0, 1.0, 0.0));
        assertThat(d.teams().get(0)).satisfies(t -> {
            assertThat(t.previousScore()).as("a new team had no score").isNull();
            assertThat(t.frameworks()).singleElement().satisfies(f -> assertThat(f.previousScore()).isNull());
        });
        assertThat(d.teams().get(1)).satisfies(t -> {
            assertThat(t.score()).as("a team gone has none now").isNull();
            assertThat(t.delta()).isNull();
        });
        assertThat(d.teams().get(3).frameworks()).as("a framework the team is scored in for the first time")
                .extracting(RunDiff.ScoreDelta::ref, RunDiff.ScoreDelta::previousScore).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("f", 0.6), org.assertj.core.groups.Tuple.tuple("h", null));
    }

    @Test
    void teamsAreNotComparedWithARunThatStoredNoTeamScores() {
        DiffBuilder diff = new DiffBuilder(new DiffBuilder.Previous("p", Instant.EPOCH, List.of(), List.of(),
                List.of()), 10);
        assertThat(diff.finish(List.of(), List.of(), List.of(team("payments", 0.9, teamScore("f", 0.8)))).teams())
                .as("null: not compared, unlike an empty list (nothing changed)").isNull();
        DiffBuilder same = new DiffBuilder(new DiffBuilder.Previous("p", Instant.EPOCH, List.of(), List.of(), List.of(),
                List.of(team("payments", 0.9, teamScore("f", 0.8)))), 10);
        assertThat(same.finish(List.of(), List.of(), List.of(team("payments", 0.9, teamScore("f", 0.8)))).teams())
                .isEmpty();
    }

    @Test
    void aRunsTeamsJoinItsRollUpsWithItsFrameworkScores() {
        List<TeamDeltas.Team> teams = TeamDeltas.Team.of(List.of(
                new RollupEntry("sre", 0.5, 0.9, null, null), new RollupEntry("payments", 0.8, 1.0, null, null)),
                List.of(new TeamFrameworks("payments", List.of(teamScore("f", 0.7)))));
        assertThat(teams).extracting(TeamDeltas.Team::team, TeamDeltas.Team::score, TeamDeltas.Team::coverage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payments", 0.8, 1.0),
                        org.assertj.core.groups.Tuple.tuple("sre", 0.5, 0.9));
        assertThat(teams.get(0).frameworks()).extracting(TeamFrameworks.Score::score).containsExactly(0.7);
        assertThat(TeamDeltas.Team.of(List.of(new RollupEntry("sre", 0.5, 0.9, null, null)), null))
                .as("a run stored before teams' framework scores").isNull();
    }
}
