package dev.steward.check;

import java.util.List;

/**
 * One check's verdict on one subject. {@code score} is 1 for PASS, 0 for FAIL, in (0,1) for PARTIAL and null for
 * NOT_APPLICABLE and INSUFFICIENT_EVIDENCE. {@code reason} is one line a person can act on.
 */
public record CheckResult(
        String checkId,
        SubjectType subjectType,
        String subjectId,
        Result result,
        Double score,
        String reason,
        List<EvidenceRef> evidence) {

    /** The scores of PASS and FAIL, boxed once (a run makes millions of results). */
    private static final Double ONE = 1.0;
    private static final Double ZERO = 0.0;

    public CheckResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (result == Result.PASS) {
            score = ONE;
        } else if (result == Result.FAIL) {
            score = ZERO;
        } else if (result == Result.PARTIAL) {
            if (score == null || score <= 0 || score >= 1) {
                throw new IllegalArgumentException(checkId + " " + subjectId + ": a PARTIAL score must be in (0,1), was " + score);
            }
        } else {
            score = null;
        }
    }
}
