package dev.steward.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Read models of the loaded frameworks for the API: a summary per framework (with how many controls are in and out
 * of scope) and the control tree of one framework, with each control's checks, manual evidence and crosswalks.
 * Counting follows the assessment: in-scope units are in-scope controls without in-scope children, out-of-scope
 * controls are counted when they have no children.
 */
public final class FrameworkViews {

    private FrameworkViews() {
    }

    /** A framework in a listing. */
    public record Summary(String id, String name, String version, String publisher, String source, String license,
            int controls, int groups, int inScope, int outOfScope, List<String> checks) {
    }

    /** A framework with its control tree. */
    public record Tree(String id, String name, String version, String publisher, String source, String license,
            List<String> notes, Summary counts, List<Node> controls) {
    }

    /** A control and its children. */
    public record Node(String id, String title, String description, boolean inScope, String outOfScopeReason,
            boolean officialId, String rationale, List<CheckRef> checks, List<ManualEvidence> manualEvidence,
            List<CrosswalkTarget> crosswalks, List<Node> children) {
    }

    public static List<Summary> summaries(MappingSet set) {
        return set.frameworks().values().stream().map(f -> summary(set, f)).toList();
    }

    public static Summary summary(MappingSet set, Framework f) {
        int groups = 0;
        int inScope = 0;
        int outOfScope = 0;
        java.util.TreeSet<String> checks = new java.util.TreeSet<>();
        for (Control c : f.controls()) {
            List<Control> children = set.children(f.id(), c.id());
            groups += children.isEmpty() ? 0 : 1;
            if (c.inScope() && children.stream().noneMatch(Control::inScope)) {
                inScope++;
            }
            if (!c.inScope() && children.isEmpty()) {
                outOfScope++;
            }
            c.checks().forEach(k -> checks.add(k.id()));
        }
        List<String> ordered = new ArrayList<>(checks);
        ordered.sort(dev.steward.check.CheckCatalog.ID_ORDER);
        return new Summary(f.id(), f.name(), f.version(), f.publisher(), f.source(), f.license(), f.controls().size(), groups,
                inScope, outOfScope, ordered);
    }

    public static Tree tree(MappingSet set, Framework f) {
        List<Node> roots = f.controls().stream().filter(c -> c.parent() == null).map(c -> node(set, f, c)).toList();
        return new Tree(f.id(), f.name(), f.version(), f.publisher(), f.source(), f.license(), f.notes(), summary(set, f), roots);
    }

    private static Node node(MappingSet set, Framework f, Control c) {
        List<Node> children = set.children(f.id(), c.id()).stream().map(child -> node(set, f, child)).toList();
        return new Node(c.id(), c.title(), c.description(), c.inScope(), c.outOfScopeReason(),
                Boolean.TRUE.equals(c.officialId()), c.rationale(), c.checks(), c.manualEvidence(),
                set.crosswalkTargets(f.id(), c.id()), children);
    }
}
