package dev.steward.ui;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.Finding;
import dev.steward.check.Result;
import dev.steward.security.AccessScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The findings of one control's checks that a viewer may see, read in one pass however many there are: every subject
 * that fails one of the checks (for the failing subjects table and its download), and the first findings of each
 * check, in the control's check order, for the findings table. Only the findings of the check variants the control
 * names count.
 */
final class ControlFindings {

    /** A failing subject: where the first of its findings places it, and the checks it fails, in the order found. */
    private record Subject(String type, String id, String team, String owner, String environment, Set<String> checks) {
    }

    private final Map<String, Subject> failing = new TreeMap<>();
    private final Map<String, List<Finding>> firstByCheck = new LinkedHashMap<>();
    private final int shown;
    private long count;

    private ControlFindings(ControlResult control, int shown) {
        this.shown = shown;
        for (ControlResult.ControlCheck k : control.checks()) {
            firstByCheck.put(key(k.checkId(), k.variant()), new ArrayList<>());
        }
    }

    /** Reads the findings of {@code control}'s checks in run {@code runId} that {@code scope} may see. */
    static ControlFindings read(AssessmentService assessments, String runId, ControlResult control, AccessScope scope,
            int shown) {
        ControlFindings read = new ControlFindings(control, shown);
        Set<String> checkIds = new HashSet<>();
        control.checks().forEach(k -> checkIds.add(k.checkId()));
        if (!checkIds.isEmpty()) {
            assessments.streamFindings(runId, checkIds, scope, read::add);
        }
        return read;
    }

    private void add(Finding f) {
        List<Finding> first = firstByCheck.get(key(f.checkId(), f.variant()));
        if (first == null) {
            return;
        }
        count++;
        if (first.size() < shown) {
            first.add(f);
        }
        if (f.result() == Result.FAIL) {
            failing.computeIfAbsent(f.subjectType() + " " + f.subjectId(), k -> new Subject(f.subjectType(), f.subjectId(),
                    f.team(), f.owner(), f.environment(), new LinkedHashSet<>())).checks().add(f.checkId());
        }
    }

    private static String key(String checkId, String variant) {
        return checkId + "\u0000" + variant;
    }

    /** How many of the control's findings the viewer may see. */
    long count() {
        return count;
    }

    /** Whether a failing subject has an owner (whose name the table then looks up). */
    boolean hasOwners() {
        return failing.values().stream().anyMatch(s -> s.owner() != null);
    }

    /** The first findings for the findings table: each check's in the control's order, {@code shown} in all. */
    List<Finding> shown() {
        List<Finding> out = new ArrayList<>();
        for (List<Finding> first : firstByCheck.values()) {
            for (Finding f : first) {
                if (out.size() == shown) {
                    return out;
                }
                out.add(f);
            }
        }
        return out;
    }

    /** Every failing subject, by subject type and id, with its owner's name from {@code ownerNames} where known. */
    Table failing(Map<String, String> ownerNames) {
        Table.Builder t = new Table.Builder("failing-subjects", "Failing subjects", "Subject", "Team", "Owner", "Environment",
                "Failing checks");
        failing.forEach((key, s) -> t.row(View.subject(s.type(), s.id(), key), s.team(),
                s.owner() == null ? null : ownerNames.getOrDefault(s.owner(), s.owner()), s.environment(),
                Table.Cell.codes(String.join(", ", s.checks()))));
        return t.build();
    }
}
