package dev.steward.assessment;

import dev.steward.mapping.Control;
import java.util.List;
import java.util.Optional;

/**
 * Why a control has its status in a run: the control as scored, what it asks ({@code statement}: the mapping's
 * description, NIST's text verbatim) and why its checks evidence it ({@code rationale}: the mapping's one line), its
 * children (for a group), and for each of its checks the evaluation's score, the control's weight for it, how many
 * findings it has and the first of them, each with its reason and evidence references back to the records. Statement
 * and rationale come from the mappings in use when they are the ones the run used (same mapping version), else null.
 */
public record Explanation(String assessmentId, ControlResult control, String statement, String rationale,
        String statusReason, String scoreRule, List<ControlResult> children, List<CheckExplanation> checks) {

    public Explanation {
        children = List.copyOf(children);
        checks = List.copyOf(checks);
    }

    /** With the statement and rationale of {@code mapped}, the control as the run's mappings define it (if at hand). */
    static Explanation of(String assessmentId, ControlResult control, Optional<Control> mapped, String statusReason,
            String scoreRule, List<ControlResult> children, List<CheckExplanation> checks) {
        return new Explanation(assessmentId, control, mapped.map(Control::description).map(Explanation::text).orElse(null),
                mapped.map(Control::rationale).map(Explanation::text).orElse(null), statusReason, scoreRule, children, checks);
    }

    private static String text(String s) {
        return s.isBlank() ? null : s.strip();
    }

    /** One check of the control with its findings (at most the requested number; {@code findingCount} counts all). */
    public record CheckExplanation(CheckScore check, int weight, long findingCount, List<Finding> findings) {
        public CheckExplanation {
            findings = List.copyOf(findings);
        }
    }
}
