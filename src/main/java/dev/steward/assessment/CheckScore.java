package dev.steward.assessment;

import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import java.util.List;

/**
 * The score of one evaluation (check x variant): weighted mean of the subject scores over PASS, PARTIAL and FAIL
 * (null when none), coverage = share of applicable subjects (all but NOT_APPLICABLE) that are not
 * INSUFFICIENT_EVIDENCE (null when none applies), the result counts, and the controls scored from it.
 */
public record CheckScore(String checkId, String variant, String title, Severity severity, SubjectType subjectType,
        Double score, Double coverage, ResultCounts results, List<String> controls) {

    public CheckScore {
        controls = List.copyOf(controls);
    }

    public String key() {
        return Evaluation.key(checkId, variant);
    }
}
