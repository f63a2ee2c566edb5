package dev.steward.assessment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import java.util.List;

/**
 * One row of findings.json (CHECKS.md, "Findings export"): a FAIL, PARTIAL or INSUFFICIENT_EVIDENCE result with the
 * run it belongs to and every framework control its check is scored in ({@code framework:controlId}). Beyond the
 * contract: {@code variant} (the parameter set, {@value Evaluation#DEFAULT} unless a control overrides parameters),
 * {@code manager} and the subject {@code weight}.
 */
@JsonPropertyOrder({"assessmentId", "checkId", "variant", "subjectType", "subjectId", "result", "score", "severity",
        "reason", "owner", "manager", "team", "environment", "weight", "evidence", "controls"})
public record Finding(
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

    public static Finding of(String assessmentId, AssessedResult r) {
        return new Finding(assessmentId, r.checkId(), r.variant(), r.subjectType().json(), r.subjectId(), r.result(),
                r.score(), r.severity(), r.reason(), r.owner(), r.manager(), r.team(), r.environment(), r.weight(),
                r.evidence(), r.controls());
    }
}
