package dev.steward.check.rules;

import dev.steward.check.Check;
import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import java.util.List;

/**
 * Common result constructors of the rule classes, so every check builds its {@link CheckResult} the same way (its
 * own id and subject type, one reason, the evidence references).
 */
public abstract class BaseCheck implements Check {

    protected CheckResult pass(String subject, String reason, List<EvidenceRef> evidence) {
        return result(subject, Result.PASS, null, reason, evidence);
    }

    protected CheckResult fail(String subject, String reason, List<EvidenceRef> evidence) {
        return result(subject, Result.FAIL, null, reason, evidence);
    }

    /** PARTIAL with a score in (0,1); a score of 0 or less is a FAIL and 1 or more a PASS, so odd thresholds stay valid. */
    protected CheckResult partial(String subject, double score, String reason, List<EvidenceRef> evidence) {
        if (score <= 0) {
            return fail(subject, reason, evidence);
        }
        if (score >= 1) {
            return pass(subject, reason, evidence);
        }
        return result(subject, Result.PARTIAL, score, reason, evidence);
    }

    protected CheckResult notApplicable(String subject, String reason, List<EvidenceRef> evidence) {
        return result(subject, Result.NOT_APPLICABLE, null, reason, evidence);
    }

    protected CheckResult insufficient(String subject, String reason, List<EvidenceRef> evidence) {
        return result(subject, Result.INSUFFICIENT_EVIDENCE, null, reason, evidence);
    }

    private CheckResult result(String subject, Result result, Double score, String reason, List<EvidenceRef> evidence) {
        return new CheckResult(id(), subjectType(), subject, result, score, reason, evidence);
    }

    @Override
    public String toString() {
        return id();
    }
}
