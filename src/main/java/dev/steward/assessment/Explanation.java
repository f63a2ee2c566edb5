package dev.steward.assessment;

import java.util.List;

/**
 * Why a control has its status in a run: the control as scored, its children (for a group), and for each of its
 * checks the evaluation's score, the control's weight for it, how many findings it has and the first of them, each
 * with its reason and evidence references back to the records.
 */
public record Explanation(String assessmentId, ControlResult control, List<ControlResult> children,
        List<CheckExplanation> checks) {

    public Explanation {
        children = List.copyOf(children);
        checks = List.copyOf(checks);
    }

    /** One check of the control with its findings (at most the requested number; {@code findingCount} counts all). */
    public record CheckExplanation(CheckScore check, int weight, long findingCount, List<Finding> findings) {
        public CheckExplanation {
            findings = List.copyOf(findings);
        }
    }
}
