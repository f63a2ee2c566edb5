package dev.steward.assessment;

import dev.steward.mapping.MappingRegistry;
import dev.steward.security.AccessScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Explains one control of a stored run: control to checks to findings to evidence, why it has its status and how its
 * score was computed. The findings and FAIL counts are those {@code scope} may see; the reasons read the whole run.
 */
final class Explainer {

    private final AssessmentService service;
    private final AssessmentStore store;
    private final MappingRegistry mappings;
    private final Thresholds fallback;

    /** {@code fallback}: the thresholds of a run stored before runs recorded theirs (the configured ones). */
    Explainer(AssessmentService service, AssessmentStore store, MappingRegistry mappings, Thresholds fallback) {
        this.service = service;
        this.store = store;
        this.mappings = mappings;
        this.fallback = fallback;
    }

    Optional<Explanation> explain(String id, String controlRef, int findingsPerCheck, AccessScope scope) {
        int colon = controlRef == null ? -1 : controlRef.indexOf(':');
        if (colon <= 0 || colon == controlRef.length() - 1) {
            throw new IllegalArgumentException("control '" + controlRef
                    + "' must be written framework:controlId, e.g. owasp-asi-2026:ASI03");
        }
        Optional<AssessmentSummary> summary = service.summary(id);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        List<ControlResult> controls = service.controls(id, null, scope).orElseThrow();
        Map<String, ControlResult> byRef = new LinkedHashMap<>();
        controls.forEach(c -> byRef.put(c.ref(), c));
        ControlResult control = byRef.get(controlRef);
        if (control == null) {
            return Optional.empty();
        }
        Map<String, CheckScore> scores = new LinkedHashMap<>();
        summary.get().checks().forEach(s -> scores.put(s.key(), s));
        Map<String, List<String>> controlsOf = summary.get().controlsByEvaluation();
        List<Explanation.CheckExplanation> checks = new ArrayList<>();
        for (ControlResult.ControlCheck k : control.checks()) {
            AssessmentStore.FindingFilter filter = new AssessmentStore.FindingFilter(k.checkId(), k.variant(), null, null, null,
                    null, null);
            checks.add(new Explanation.CheckExplanation(scores.get(Evaluation.key(k.checkId(), k.variant())), k.weight(),
                    store.countFindings(id, filter, AssessmentService.teams(scope)),
                    findingsPerCheck == 0 ? List.of()
                            : store.findings(id, filter, AssessmentService.teams(scope), controlsOf, 0, findingsPerCheck)));
        }
        List<ControlResult> children = control.children().stream()
                .map(child -> byRef.get(control.framework() + ":" + child)).toList();
        // the reasons read the control as the whole run scored it: a manager's FAIL counts are narrowed to their teams
        Map<String, ControlResult> whole = byRef;
        if (!scope.unrestricted()) {
            whole = new LinkedHashMap<>();
            for (ControlResult c : service.controls(id, null).orElseThrow()) {
                whole.put(c.ref(), c);
            }
        }
        ControlResult scored = whole.get(controlRef);
        Map<String, ControlResult> wholeByRef = whole;
        List<ControlResult> scoredChildren = scored.children().stream()
                .map(child -> wholeByRef.get(scored.framework() + ":" + child)).toList();
        Thresholds thresholds = Objects.requireNonNullElse(summary.get().thresholds(), fallback);
        return Optional.of(Explanation.of(id, control, mappings.current().control(control.framework(), control.controlId(),
                summary.get().mappingVersion()), ControlReasons.status(scored, scoredChildren, thresholds),
                ControlReasons.score(scored, scoredChildren), children, checks));
    }
}
