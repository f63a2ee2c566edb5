package dev.steward.check;

import dev.steward.evidence.Evidence;
import java.util.List;

/**
 * One entry of the check catalog (CHECKS.md). Implementations are CDI beans, one class per id, and pure: the results
 * depend only on the evidence, the parameters and the evidence's as-of instant, never on the wall clock. A FAIL is a
 * result, never an exception. Results come in subject id order.
 */
public interface Check {

    /** Catalog id, e.g. {@code OWN-1}. */
    String id();

    /** Short title for reports. */
    String title();

    Severity severity();

    SubjectType subjectType();

    /** Every parameter the check reads, with its default. */
    List<ParameterSpec> parameters();

    /** Remediation advice for a failing subject, one sentence. */
    String remediation();

    List<CheckResult> evaluate(Evidence evidence, Parameters parameters);
}
