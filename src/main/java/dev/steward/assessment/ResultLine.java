package dev.steward.assessment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import java.util.List;

/**
 * One line of a run's full results (GET /api/v1/assessments/{id}/results, JSON Lines): any result, PASS and
 * NOT_APPLICABLE included, with the field names of findings.json ({@link Finding}) after its run-order position
 * {@code seq}.
 */
@JsonPropertyOrder({"seq", "assessmentId", "checkId", "variant", "subjectType", "subjectId", "result", "score", "severity",
        "reason", "owner", "manager", "team", "environment", "weight", "evidence", "controls"})
public record ResultLine(
        int seq,
        String assessmentId,
        String checkId,
        String variant,
        String subjectType,
        String subjectId,
        Result result,
        Double score,
        Severity severity,
        String reason,
        String owner,
        String manager,
        String team,
        String environment,
        int weight,
        List<EvidenceRef> evidence,
        List<String> controls) {

    static ResultLine of(String assessmentId, StoredResult stored, List<String> controls) {
        AssessedResult r = stored.result();
        return new ResultLine(stored.seq(), assessmentId, r.checkId(), r.variant(), r.subjectType().json(), r.subjectId(),
                r.result(), r.score(), r.severity(), r.reason(), r.owner(), r.manager(), r.team(), r.environment(), r.weight(),
                r.evidence(), controls);
    }
}
