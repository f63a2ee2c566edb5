package dev.steward.assessment;

import dev.steward.check.Severity;
import dev.steward.mapping.CheckRef;
import dev.steward.mapping.Control;
import dev.steward.mapping.Framework;
import dev.steward.mapping.ManualEvidence;
import dev.steward.mapping.MappingSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls evaluation scores up to controls and frameworks (CHECKS.md, "Control score" and "Control status"); see
 * {@link ControlResult} and {@link FrameworkScore} for the rules. Pure: mapping, check scores and thresholds in,
 * results out, controls in framework id then file order. What scoring reads of the mappings and the attestations (a
 * control's children, its manual evidence, which controls are units) is worked out once and shared by the scorers
 * {@link #with} makes: a run scores every framework again for each of its teams.
 */
final class ControlScorer {

    private final MappingSet mappings;
    private final Thresholds thresholds;
    private final Map<String, List<String>> attested;
    private final java.util.function.Function<CheckRef, CheckScore> scoreOf;
    private final Map<Control, Shape> shapes;
    private final Map<String, java.util.Set<String>> withInScopeChild;

    ControlScorer(MappingSet mappings, Thresholds thresholds, Map<String, List<String>> attested,
            java.util.function.Function<CheckRef, CheckScore> scoreOf) {
        this.mappings = mappings;
        this.thresholds = thresholds;
        this.attested = attested;
        this.scoreOf = scoreOf;
        this.shapes = new java.util.IdentityHashMap<>();
        this.withInScopeChild = new HashMap<>();
    }

    private ControlScorer(ControlScorer shared, java.util.function.Function<CheckRef, CheckScore> scoreOf) {
        this.mappings = shared.mappings;
        this.thresholds = shared.thresholds;
        this.attested = shared.attested;
        this.scoreOf = scoreOf;
        this.shapes = shared.shapes;
        this.withInScopeChild = shared.withInScopeChild;
    }

    /** A scorer of the same mappings, thresholds and attestations reading other check scores (not thread-safe). */
    ControlScorer with(java.util.function.Function<CheckRef, CheckScore> scoreOf) {
        return new ControlScorer(this, scoreOf);
    }

    /** A control's children and manual evidence, as the attestations answer it. */
    private record Shape(List<Control> children, List<String> childIds, Manual manual) {
    }

    private Shape shape(Framework f, Control c) {
        List<Control> children = mappings.children(f.id(), c.id());
        List<String> childIds = children.stream().map(Control::id).toList();
        List<String> manual = c.manualEvidence().stream().map(ManualEvidence::id).toList();
        List<String> attestations = new ArrayList<>();
        int answered = 0;
        for (String evidenceId : manual) {
            List<String> refs = attested.getOrDefault(
                    dev.steward.attestation.Attestation.key(f.id(), c.id(), evidenceId), List.of());
            answered += refs.isEmpty() ? 0 : 1;
            attestations.addAll(refs);
        }
        return new Shape(children, childIds, new Manual(manual, answered, List.copyOf(attestations)));
    }

    ControlScorer(MappingSet mappings, Thresholds thresholds, java.util.function.Function<CheckRef, CheckScore> scoreOf) {
        this(mappings, thresholds, Map.of(), scoreOf);
    }

    /** Every control of every framework, in framework id then file order. */
    List<ControlResult> controls() {
        List<ControlResult> all = new ArrayList<>();
        for (Framework f : mappings.frameworks().values()) {
            Map<String, ControlResult> done = new HashMap<>();
            for (Control c : f.controls()) {
                all.add(score(f, c, done));
            }
        }
        return List.copyOf(all);
    }

    private ControlResult score(Framework f, Control c, Map<String, ControlResult> done) {
        ControlResult known = done.get(c.id());
        if (known != null) {
            return known;
        }
        Shape shape = shapes.computeIfAbsent(c, k -> shape(f, k));
        List<Control> children = shape.children();
        List<String> childIds = shape.childIds();
        Manual m = shape.manual();
        List<ControlResult.ControlCheck> checks = new ArrayList<>();
        for (CheckRef ref : c.checks()) {
            CheckScore s = scoreOf.apply(ref);
            if (s != null) {
                checks.add(new ControlResult.ControlCheck(ref.id(), s.variant(), ref.weight(), s.severity(), s.score(),
                        s.coverage(), s.results().fail()));
            }
        }
        ControlResult result;
        if (!c.inScope()) {
            result = new ControlResult(f.id(), c.id(), c.title(), c.parent(), !children.isEmpty(), ControlStatus.OUT_OF_SCOPE,
                    null, null, false, checks, childIds, m.ids(), c.outOfScopeReason(), m.attestations());
        } else {
            List<ControlResult> inScopeChildren = new ArrayList<>();
            for (Control child : children) {
                ControlResult r = score(f, child, done);
                if (child.inScope()) {
                    inScopeChildren.add(r);
                }
            }
            result = inScopeChildren.isEmpty() ? leaf(f, c, checks, childIds, m)
                    : group(f, c, checks, inScopeChildren, childIds, m);
        }
        done.put(c.id(), result);
        return result;
    }

    /**
     * A leaf is judged by its checks when it has any. Without checks: NOT_ASSESSED when it defines no manual evidence,
     * MANUAL when none of its manual evidence is attested, and otherwise score 1 (a person attested it) with coverage
     * = the share of its manual evidence items attested, so one of two items attested is PARTIALLY_SATISFIED.
     */
    private ControlResult leaf(Framework f, Control c, List<ControlResult.ControlCheck> checks, List<String> children,
            Manual manual) {
        Part own = own(checks);
        ControlStatus status;
        if (checks.isEmpty()) {
            if (manual.ids().isEmpty()) {
                status = ControlStatus.NOT_ASSESSED;
            } else if (manual.answered() == 0) {
                status = ControlStatus.MANUAL;
            } else {
                own = new Part(1.0, (double) manual.answered() / manual.ids().size(), false);
                status = status(own);
            }
        } else {
            status = status(own);
        }
        return new ControlResult(f.id(), c.id(), c.title(), c.parent(), false, status, own.score, own.coverage,
                own.criticalFail, checks, children, manual.ids(), null, manual.attestations());
    }

    private ControlResult group(Framework f, Control c, List<ControlResult.ControlCheck> checks, List<ControlResult> parts,
            List<String> children, Manual manual) {
        Scores.Mean score = new Scores.Mean();
        Scores.Mean coverage = new Scores.Mean();
        boolean critical = false;
        boolean allManual = checks.isEmpty();
        List<Part> all = new ArrayList<>();
        if (!checks.isEmpty()) {
            all.add(own(checks));
        }
        for (ControlResult child : parts) {
            all.add(new Part(child.score(), child.coverage(), child.criticalFail()));
            allManual &= child.status() == ControlStatus.MANUAL;
        }
        for (Part p : all) {
            if (p.score != null) {
                score.add(p.score, 1);
            }
            if (p.coverage != null) {
                coverage.add(p.coverage, 1);
            }
            critical |= p.criticalFail;
        }
        Part combined = new Part(score.value(), coverage.value(), critical);
        ControlStatus status = combined.score == null && allManual ? ControlStatus.MANUAL : status(combined);
        return new ControlResult(f.id(), c.id(), c.title(), c.parent(), true, status, combined.score, combined.coverage,
                critical, checks, children, manual.ids(), null, manual.attestations());
    }

    /** A control's own checks: weighted score, weighted coverage, critical FAIL. */
    private static Part own(List<ControlResult.ControlCheck> checks) {
        Scores.Mean score = new Scores.Mean();
        Scores.Mean coverage = new Scores.Mean();
        boolean critical = false;
        for (ControlResult.ControlCheck k : checks) {
            if (k.score() != null) {
                score.add(k.score(), k.weight());
            }
            if (k.coverage() != null) {
                coverage.add(k.coverage(), k.weight());
            }
            critical |= k.severity() == Severity.CRITICAL && k.fails() > 0;
        }
        return new Part(score.value(), coverage.value(), critical);
    }

    private ControlStatus status(Part p) {
        if (p.score == null) {
            return ControlStatus.NOT_ASSESSED;
        }
        if (p.criticalFail || p.score < thresholds.notSatisfiedBelow()) {
            return ControlStatus.NOT_SATISFIED;
        }
        if (p.score >= thresholds.satisfiedMinScore() && p.coverage != null && p.coverage >= thresholds.satisfiedMinCoverage()) {
            return ControlStatus.SATISFIED;
        }
        return ControlStatus.PARTIALLY_SATISFIED;
    }

    /** Framework scores from the control results, in framework id order. */
    List<FrameworkScore> frameworks(List<ControlResult> controls) {
        List<FrameworkScore> out = new ArrayList<>();
        Map<String, List<ControlResult>> byFramework = new HashMap<>();
        controls.forEach(r -> byFramework.computeIfAbsent(r.framework(), k -> new ArrayList<>()).add(r));
        for (Framework f : mappings.frameworks().values()) {
            java.util.Set<String> groups = withInScopeChild.computeIfAbsent(f.id(), id -> f.controls().stream()
                    .filter(c -> hasInScopeChild(id, c.id())).map(Control::id)
                    .collect(java.util.stream.Collectors.toSet()));
            Scores.Mean score = new Scores.Mean();
            double coverage = 0;
            int units = 0;
            int outOfScope = 0;
            int[] byStatus = new int[ControlStatus.values().length];
            for (ControlResult r : byFramework.getOrDefault(f.id(), List.of())) {
                if (r.status() == ControlStatus.OUT_OF_SCOPE) {
                    outOfScope += r.children().isEmpty() ? 1 : 0;
                    continue;
                }
                if (groups.contains(r.controlId())) {
                    continue;
                }
                units++;
                byStatus[r.status().ordinal()]++;
                if (r.score() != null) {
                    score.add(r.score(), 1);
                }
                coverage += r.coverage() == null ? 0 : r.coverage();
            }
            out.add(new FrameworkScore(f.id(), f.name(), f.version(), score.value(), Scores.ratio(coverage, units), units,
                    outOfScope, byStatus[ControlStatus.SATISFIED.ordinal()],
                    byStatus[ControlStatus.PARTIALLY_SATISFIED.ordinal()],
                    byStatus[ControlStatus.NOT_SATISFIED.ordinal()], byStatus[ControlStatus.NOT_ASSESSED.ordinal()],
                    byStatus[ControlStatus.MANUAL.ordinal()]));
        }
        return List.copyOf(out);
    }

    private boolean hasInScopeChild(String framework, String controlId) {
        return mappings.children(framework, controlId).stream().anyMatch(Control::inScope);
    }

    private record Part(Double score, Double coverage, boolean criticalFail) {
    }

    /** A control's manual evidence ids, how many of them attestations answer, and those attestations' references. */
    private record Manual(List<String> ids, int answered, List<String> attestations) {
    }
}
