package dev.steward.report;

import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.FrameworkScore;
import dev.steward.assessment.RollupEntry;
import dev.steward.assessment.RollupPages;
import dev.steward.assessment.Rollups;
import dev.steward.assessment.RunDiff;
import dev.steward.assessment.Scores;
import dev.steward.assessment.TeamFrameworks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The gap report's scores: the run's roll-up entries that a report narrowed by {@code filter} is about, as the run
 * stored them (the scores page and {@code GET /api/v1/assessments/{id}/rollups/...} show the same numbers).
 * <ul>
 * <li>Every team the filter allows, most FAILs first ({@link RollupPages.Sort#FAILURES}), unless the report is
 * narrowed to an owner, manager or environment and not to a team: then the teams' rows would be about other
 * subjects than the report's. A reader limited to some teams (a manager) always gets its teams' rows.</li>
 * <li>The owner's, manager's and environment's own entry when the filter names one, but never for a reader limited to
 * some teams (a manager): an owner's or environment's entry counts the subjects of every team, and a manager's
 * roll-ups are computed over its teams' results only.</li>
 * </ul>
 * A team's row carries its score in each framework of the report ({@link TeamFrameworks}) when the run stored them,
 * and how its scores changed since the previous run when the run's diff compared teams ({@link RunDiff#teams()}).
 */
final class ScoreRows {

    private ScoreRows() {
    }

    /**
     * @param diff       the run's diff, null when it had no previous run
     * @param frameworks the report's frameworks, in its order
     * @param names      a person's name by id, empty when the directory has none or no name for them
     */
    static List<GapReport.ScoreRow> of(AssessmentSummary summary, RunDiff diff, List<FrameworkScore> frameworks,
            ReportFilter filter, Function<String, Optional<String>> names) {
        Rollups rollups = summary.rollups();
        Map<String, RunDiff.TeamDelta> changed = new HashMap<>();
        boolean compared = diff != null && diff.teams() != null;
        if (compared) {
            diff.teams().forEach(t -> changed.put(t.team(), t));
        }
        Map<String, TeamFrameworks> byTeam = new HashMap<>();
        if (summary.teamFrameworks() != null) {
            summary.teamFrameworks().forEach(t -> byTeam.put(t.team(), t));
        }
        Function<String, List<FrameworkScore>> ofTeam = summary.teamFrameworks() == null ? team -> null
                : team -> inOrder(byTeam.get(team), frameworks);
        List<GapReport.ScoreRow> rows = new ArrayList<>();
        boolean otherDimension = filter.owner() != null || filter.manager() != null || filter.environment() != null;
        if (filter.team() != null || !otherDimension || filter.teams() != null) {
            rollups.teams().stream()
                    .filter(e -> filter.allowsTeam(RollupEntry.NONE.equals(e.key()) ? null : e.key()))
                    .sorted(RollupPages.Sort.FAILURES.order())
                    .forEach(e -> {
                        List<FrameworkScore> scores = ofTeam.apply(e.key());
                        rows.add(row("team", e, null, scores,
                                compared ? change(changed.get(e.key()), e, scores, frameworks) : null));
                    });
        }
        if (filter.teams() == null) {
            one(rows, "owner", rollups.owners(), filter.owner(), names);
            one(rows, "manager", rollups.managers(), filter.manager(), names);
            one(rows, "environment", rollups.environments(), filter.environment(), null);
        }
        return rows;
    }

    private static void one(List<GapReport.ScoreRow> rows, String dimension, List<RollupEntry> entries, String key,
            Function<String, Optional<String>> names) {
        if (key == null) {
            return;
        }
        entries.stream().filter(e -> e.key().equals(key)).findFirst()
                .ifPresent(e -> rows.add(row(dimension, e, names == null || RollupEntry.NONE.equals(key) ? null
                        : names.apply(key).orElse(null), null, null)));
    }

    /** The team's scores of the report's frameworks, in the report's order (none when the team has no entry). */
    private static List<FrameworkScore> inOrder(TeamFrameworks team, List<FrameworkScore> frameworks) {
        if (team == null) {
            return List.of();
        }
        Map<String, TeamFrameworks.Score> byId = new HashMap<>();
        team.frameworks().forEach(f -> byId.put(f.framework(), f));
        return frameworks.stream().filter(f -> byId.containsKey(f.framework()))
                .map(f -> byId.get(f.framework()).with(f)).toList();
    }

    /**
     * A team's change as the report shows it: the diff's entry with the report's frameworks alone, in its order, or
     * for a team the diff does not list (it scored the same both times) its scores now as the scores before.
     */
    static RunDiff.TeamDelta change(RunDiff.TeamDelta listed, RollupEntry e, List<FrameworkScore> scores,
            List<FrameworkScore> frameworks) {
        if (listed != null) {
            Map<String, RunDiff.ScoreDelta> byId = new HashMap<>();
            listed.frameworks().forEach(f -> byId.put(f.ref(), f));
            return new RunDiff.TeamDelta(listed.team(), listed.previousScore(), listed.score(), listed.delta(),
                    listed.previousCoverage(), listed.coverage(), frameworks.stream().map(f -> byId.get(f.framework()))
                            .filter(java.util.Objects::nonNull).toList());
        }
        List<RunDiff.ScoreDelta> same = scores == null ? List.of() : scores.stream()
                .map(f -> new RunDiff.ScoreDelta(f.framework(), f.score(), f.score(),
                        Scores.delta(f.score(), f.score()), f.coverage(), f.coverage(), null, null)).toList();
        return new RunDiff.TeamDelta(e.key(), e.score(), e.score(), Scores.delta(e.score(), e.score()), e.coverage(),
                e.coverage(), same);
    }

    private static GapReport.ScoreRow row(String dimension, RollupEntry e, String name,
            List<FrameworkScore> frameworks, RunDiff.TeamDelta change) {
        return new GapReport.ScoreRow(dimension, e.key(), name, e.score(), e.coverage(), e.results(), e.fails(),
                frameworks, change);
    }
}
