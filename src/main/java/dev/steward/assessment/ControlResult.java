package dev.steward.assessment;

import dev.steward.check.Severity;
import dev.steward.mapping.MappingSet;
import java.util.List;

/**
 * A framework control as scored in one run. A leaf's score is the mapping-weighted mean of its checks' scores (checks
 * without a score left out), its coverage the weighted mean of their coverage; a group's (a control with in-scope
 * children) is the plain mean over its in-scope children and, when it maps checks itself, its own checks as one more
 * part. {@code criticalFail} is true when a critical check of the control (or of a child) has a FAIL.
 * {@code attestations} names the manual attestations in force that answer the control's manual evidence.
 */
public record ControlResult(
        String framework,
        String controlId,
        String title,
        String parent,
        boolean group,
        ControlStatus status,
        Double score,
        Double coverage,
        boolean criticalFail,
        List<ControlCheck> checks,
        List<String> children,
        List<String> manualEvidence,
        String outOfScopeReason,
        List<String> attestations) {

    public ControlResult {
        checks = List.copyOf(checks);
        children = List.copyOf(children);
        manualEvidence = List.copyOf(manualEvidence);
        attestations = attestations == null ? List.of() : List.copyOf(attestations);
    }

    /** A result without attestations (runs stored before attestations existed read back this way too). */
    public ControlResult(String framework, String controlId, String title, String parent, boolean group,
            ControlStatus status, Double score, Double coverage, boolean criticalFail, List<ControlCheck> checks,
            List<String> children, List<String> manualEvidence, String outOfScopeReason) {
        this(framework, controlId, title, parent, group, status, score, coverage, criticalFail, checks, children,
                manualEvidence, outOfScopeReason, List.of());
    }

    /** {@code framework:controlId}. */
    public String ref() {
        return MappingSet.ref(framework, controlId);
    }

    /** One check of a control: its evaluation, weight from the mapping file, and that evaluation's numbers. */
    public record ControlCheck(String checkId, String variant, int weight, Severity severity, Double score, Double coverage,
            long fails) {
    }
}
