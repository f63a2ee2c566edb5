package dev.steward.assessment;

import dev.steward.check.Result;
import java.time.Instant;
import java.util.List;

/**
 * A run compared with the previous one (the stored run with the latest as-of at or before its own, ties: the latest
 * created). Findings are matched by check, variant, subject type and subject id:
 * <ul>
 * <li>new: a finding now, none before;</li>
 * <li>resolved: a finding before, none now ({@code result} is the result now, null when the subject is gone);</li>
 * <li>regressed: scored both times (FAIL or PARTIAL) with a lower score now, e.g. PARTIAL to FAIL;</li>
 * <li>improved: scored both times with a higher score now;</li>
 * <li>changed: another change of result, to or from INSUFFICIENT_EVIDENCE.</li>
 * </ul>
 * Counts are complete; each list holds at most {@code listLimit} entries ({@code truncated} says when one was cut),
 * sorted by check (catalog order), variant, subject type and id. Score deltas: every framework, and the controls whose
 * score, coverage or status changed. {@code teams}: every team whose roll-up score or coverage, or score or coverage in
 * a framework ({@link TeamFrameworks}), changed, with all of its frameworks, by team name; a team listed in neither run
 * has no entry, and one absent from the list scored the same both times. Null when either run stored no teams'
 * framework scores (runs stored before they were).
 */
public record RunDiff(String previousId, Instant previousAsOf, Counts counts, List<FindingChange> newFindings,
        List<FindingChange> resolved, List<FindingChange> regressed, List<FindingChange> improved,
        List<FindingChange> changed, int listLimit, boolean truncated, List<ScoreDelta> frameworks,
        List<ScoreDelta> controls, List<TeamDelta> teams) {

    public RunDiff {
        newFindings = List.copyOf(newFindings);
        resolved = List.copyOf(resolved);
        regressed = List.copyOf(regressed);
        improved = List.copyOf(improved);
        changed = List.copyOf(changed);
        frameworks = List.copyOf(frameworks);
        controls = List.copyOf(controls);
        teams = teams == null ? null : List.copyOf(teams);
    }

    /** How many findings fell in each category (unchanged: a finding both times with the same result and score). */
    public record Counts(long newFindings, long resolved, long regressed, long improved, long changed, long unchanged) {
    }

    /** One finding that changed between the runs. */
    public record FindingChange(String checkId, String variant, String subjectType, String subjectId, Result previousResult,
            Double previousScore, Result result, Double score) {
    }

    /** A framework ({@code ref} = framework id) or control ({@code framework:controlId}) score then and now. */
    public record ScoreDelta(String ref, Double previousScore, Double score, Double delta, Double previousCoverage,
            Double coverage, String previousStatus, String status) {
    }

    /**
     * A team's roll-up score and coverage then and now ({@link RollupEntry}; null when the team had none in that run),
     * and its score in each framework then and now ({@link ScoreDelta} with the framework id as {@code ref}).
     */
    public record TeamDelta(String team, Double previousScore, Double score, Double delta, Double previousCoverage,
            Double coverage, List<ScoreDelta> frameworks) {

        public TeamDelta {
            frameworks = List.copyOf(frameworks);
        }
    }
}
