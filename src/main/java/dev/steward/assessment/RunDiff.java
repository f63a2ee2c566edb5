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
 * score, coverage or status changed.
 */
public record RunDiff(String previousId, Instant previousAsOf, Counts counts, List<FindingChange> newFindings,
        List<FindingChange> resolved, List<FindingChange> regressed, List<FindingChange> improved,
        List<FindingChange> changed, int listLimit, boolean truncated, List<ScoreDelta> frameworks,
        List<ScoreDelta> controls) {

    public RunDiff {
        newFindings = List.copyOf(newFindings);
        resolved = List.copyOf(resolved);
        regressed = List.copyOf(regressed);
        improved = List.copyOf(improved);
        changed = List.copyOf(changed);
        frameworks = List.copyOf(frameworks);
        controls = List.copyOf(controls);
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
}
