package dev.steward.report;

import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.Finding;
import dev.steward.assessment.RunDiff;
import dev.steward.check.Check;
import dev.steward.evidence.Evidence;
import dev.steward.mapping.MappingSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a report model is built from: a stored run (summary, controls, diff, the scores of earlier runs for the
 * trend), the evidence it was made from (reloaded at its as-of and window), the mapping set, the check catalog (titles,
 * remediation) and the run's findings as a re-iterable source (streamed from the store, or generated);
 * {@code previousFindings} are findings of the run the diff compares with, at least those of the checks with resolved
 * findings ({@link ReportChanges#resolvedChecks}; empty without any), read for the resolved findings' owner, team and
 * reason.
 */
public record ReportInputs(AssessmentSummary summary, List<ControlResult> controls, RunDiff diff,
        List<GapReport.TrendPoint> trend, Evidence evidence, MappingSet mappings, Map<String, Check> checks,
        Iterable<Finding> findings, Iterable<Finding> previousFindings, List<GapReport.InputRow> uploads,
        Instant generatedAt) {
}
