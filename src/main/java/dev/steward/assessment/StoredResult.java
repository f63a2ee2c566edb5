package dev.steward.assessment;

/**
 * One stored result of a run as read back ({@link AssessmentStore#results}): its run-order position and the result
 * with every stored field (its {@code controls} are empty: they belong to the evaluation, see the run's check scores).
 */
public record StoredResult(int seq, AssessedResult result) {
}
