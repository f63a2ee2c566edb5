package dev.steward.assessment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * One line of a run's full results (GET /api/v1/assessments/{id}/results, JSON Lines): any result, PASS and
 * NOT_APPLICABLE included, written as its run-order position {@code seq} followed by the fields of findings.json
 * ({@link Finding}), so the two documents cannot drift apart.
 */
@JsonPropertyOrder({"seq", "finding"})
public record ResultLine(int seq, @JsonUnwrapped Finding finding) {

    static ResultLine of(String assessmentId, StoredResult stored, List<String> controls) {
        AssessedResult r = stored.result();
        return new ResultLine(stored.seq(), new Finding(assessmentId, r.checkId(), r.variant(), r.subjectType().json(),
                r.subjectId(), r.result(), r.score(), r.severity(), r.reason(), r.owner(), r.manager(), r.team(),
                r.environment(), r.weight(), r.evidence(), controls));
    }
}
