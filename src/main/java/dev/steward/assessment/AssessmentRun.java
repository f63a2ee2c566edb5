package dev.steward.assessment;

import java.time.Instant;

/**
 * A stored run as the API and summary.json show it: the summary (a pure function of the inputs), when and by whom it
 * was created, how long it took, and its diff against the previous run (null for the first run).
 */
public record AssessmentRun(String id, Instant createdAt, String createdBy, long elapsedMs, AssessmentSummary summary,
        RunDiff diff) {
}
