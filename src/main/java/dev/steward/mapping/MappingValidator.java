package dev.steward.mapping;

import dev.steward.check.Check;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules a JSON Schema cannot express, checked across all parsed files at once: unique framework, crosswalk,
 * control and manual-evidence ids; parents that exist and form no cycle; known check ids, parameter names and valid
 * parameter values; every in-scope control evidenced by checks, manual evidence or an in-scope child; crosswalks
 * that name loaded frameworks and existing controls. Every violation is collected; nothing stops at the first.
 */
final class MappingValidator {

    private final Map<String, Check> checks;

    MappingValidator(Map<String, Check> checks) {
        this.checks = checks;
    }

    List<MappingError> validate(List<MappingParser.Parsed> files) {
        List<MappingError> errors = new ArrayList<>();
        Map<String, MappingParser.Parsed> frameworks = new LinkedHashMap<>();
        for (MappingParser.Parsed parsed : files) {
            Framework framework = parsed.framework();
            if (framework == null || framework.id() == null) {
                continue;
            }
            MappingParser.Parsed first = frameworks.putIfAbsent(framework.id(), parsed);
            if (first != null) {
                errors.add(parsed.error("/id", "framework " + framework.id(),
                        "duplicate framework id; it is already defined in " + first.file().origin() + ":" + first.lines().line("/id")));
            }
            validateFramework(parsed, framework, errors);
        }
        Map<String, MappingParser.Parsed> crosswalks = new HashMap<>();
        for (MappingParser.Parsed parsed : files) {
            Crosswalk crosswalk = parsed.crosswalk();
            if (crosswalk == null || crosswalk.id() == null) {
                continue;
            }
            MappingParser.Parsed first = crosswalks.putIfAbsent(crosswalk.id(), parsed);
            if (first != null) {
                errors.add(parsed.error("/id", "crosswalk " + crosswalk.id(),
                        "duplicate crosswalk id; it is already defined in " + first.file().origin() + ":" + first.lines().line("/id")));
            }
            validateCrosswalk(parsed, crosswalk, frameworks, errors);
        }
        return errors;
    }

    private void validateFramework(MappingParser.Parsed file, Framework framework, List<MappingError> errors) {
        Map<String, Control> byId = new LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<Control>> children = new HashMap<>();
        List<Control> controls = framework.controls();
        for (int i = 0; i < controls.size(); i++) {
            Control control = controls.get(i);
            if (control.id() == null) {
                continue;
            }
            if (byId.putIfAbsent(control.id(), control) != null) {
                errors.add(file.error("/controls/" + i + "/id", "control " + control.id(), "duplicate control id in framework "
                        + framework.id() + "; it is first defined on line " + file.lines().line("/controls/" + index.get(control.id()))));
            } else {
                index.put(control.id(), i);
            }
            if (control.parent() != null) {
                children.computeIfAbsent(control.parent(), k -> new ArrayList<>()).add(control);
            }
        }
        Set<String> evidenceIds = new HashSet<>();
        for (int i = 0; i < controls.size(); i++) {
            Control control = controls.get(i);
            if (control.id() == null) {
                continue;
            }
            String subject = "control " + control.id();
            String at = "/controls/" + i;
            if (control.parent() != null && !byId.containsKey(control.parent())) {
                errors.add(file.error(at + "/parent", subject, "parent '" + control.parent() + "' is not a control of framework " + framework.id()));
            }
            validateChecks(file, at, subject, control, errors);
            List<ManualEvidence> manual = control.manualEvidence();
            for (int k = 0; k < manual.size(); k++) {
                ManualEvidence evidence = manual.get(k);
                if (evidence != null && evidence.id() != null && !evidenceIds.add(evidence.id())) {
                    errors.add(file.error(at + "/manualEvidence/" + k + "/id", subject,
                            "manual evidence id '" + evidence.id() + "' is used twice in framework " + framework.id()));
                }
            }
            validateScope(file, at, subject, control, byId, children, errors);
        }
        validateCycles(file, framework, byId, index, errors);
    }

    private void validateChecks(MappingParser.Parsed file, String control, String subject, Control mapped,
            List<MappingError> errors) {
        Set<String> seen = new HashSet<>();
        List<CheckRef> refs = mapped.checks();
        for (int j = 0; j < refs.size(); j++) {
            CheckRef ref = refs.get(j);
            if (ref == null || ref.id() == null) {
                continue;
            }
            String at = control + "/checks/" + j;
            if (!seen.add(ref.id())) {
                errors.add(file.error(at + "/id", subject, "check " + ref.id() + " is listed twice"));
            }
            Check check = checks.get(ref.id());
            if (check == null) {
                errors.add(file.error(at + "/id", subject, "unknown check '" + ref.id() + "'; known checks: " + new TreeSet<>(checks.keySet())));
                continue;
            }
            Map<String, ParameterSpec> specs = new HashMap<>();
            check.parameters().forEach(spec -> specs.put(spec.name(), spec));
            ref.parameters().forEach((name, value) -> {
                ParameterSpec spec = specs.get(name);
                String parameter = at + "/parameters/" + YamlLines.key(name);
                if (spec == null) {
                    errors.add(file.error(parameter, subject, "check " + ref.id() + " has no parameter '" + name + "'"
                            + (specs.isEmpty() ? "; it takes none" : "; its parameters: " + new TreeSet<>(specs.keySet()))));
                } else if (value != null) {
                    String problem = Parameters.validate(spec, value);
                    if (problem != null) {
                        errors.add(file.error(parameter, subject, "check " + ref.id() + " parameter " + name + ": " + problem));
                    }
                }
            });
        }
    }

    private static void validateScope(MappingParser.Parsed file, String at, String subject, Control control,
            Map<String, Control> byId, Map<String, List<Control>> children, List<MappingError> errors) {
        if (!control.inScope()) {
            return;
        }
        boolean inScopeChild = children.getOrDefault(control.id(), List.of()).stream().anyMatch(Control::inScope);
        if (control.checks().isEmpty() && control.manualEvidence().isEmpty() && !inScopeChild) {
            errors.add(file.error(at, subject, "in scope but has no checks, no manualEvidence and no in-scope child;"
                    + " map checks, add manualEvidence, or set inScope: false with an outOfScopeReason"));
        }
        Control parent = control.parent() == null ? null : byId.get(control.parent());
        if (parent != null && !parent.inScope()) {
            errors.add(file.error(at + "/parent", subject, "in scope under out-of-scope parent " + parent.id()));
        }
    }

    /** Reports each parent cycle once, at its first control in file order. */
    private static void validateCycles(MappingParser.Parsed file, Framework framework, Map<String, Control> byId,
            Map<String, Integer> index, List<MappingError> errors) {
        Set<String> acyclic = new HashSet<>();
        Set<Set<String>> reported = new HashSet<>();
        for (Control start : framework.controls()) {
            if (start.id() == null) {
                continue;
            }
            List<String> path = new ArrayList<>();
            String current = start.id();
            while (current != null && byId.containsKey(current) && !acyclic.contains(current)) {
                int loop = path.indexOf(current);
                if (loop >= 0) {
                    List<String> cycle = new ArrayList<>(path.subList(loop, path.size()));
                    if (reported.add(new HashSet<>(cycle))) {
                        cycle.add(current);
                        errors.add(file.error("/controls/" + index.get(cycle.get(0)) + "/parent", "control " + cycle.get(0),
                                "parent cycle: " + String.join(" -> ", cycle)));
                    }
                    break;
                }
                path.add(current);
                current = byId.get(current).parent();
            }
            if (current == null || !byId.containsKey(current) || acyclic.contains(current)) {
                acyclic.addAll(path);
            }
        }
    }

    private static void validateCrosswalk(MappingParser.Parsed file, Crosswalk crosswalk,
            Map<String, MappingParser.Parsed> frameworks, List<MappingError> errors) {
        String subject = "crosswalk " + crosswalk.id();
        Framework source = framework(file, subject, "source", crosswalk.source(), frameworks, errors);
        Framework target = framework(file, subject, "target", crosswalk.target(), frameworks, errors);
        Set<List<String>> rows = new HashSet<>();
        List<Relationship> relationships = crosswalk.relationships();
        for (int i = 0; i < relationships.size(); i++) {
            Relationship row = relationships.get(i);
            if (row == null) {
                continue;
            }
            String rowSubject = subject + " row " + (i + 1) + " (" + row.source() + " -> " + row.target() + ")";
            if (source != null && row.source() != null && source.control(row.source()).isEmpty()) {
                errors.add(file.error("/relationships/" + i + "/source", rowSubject, "source control '" + row.source() + "' is not in framework " + source.id()));
            }
            if (target != null && row.target() != null && target.control(row.target()).isEmpty()) {
                errors.add(file.error("/relationships/" + i + "/target", rowSubject, "target control '" + row.target() + "' is not in framework " + target.id()));
            }
            if (!rows.add(Arrays.asList(row.source(), row.target()))) {
                errors.add(file.error("/relationships/" + i, rowSubject, "duplicate row: the pair is already related in this crosswalk"));
            }
        }
    }

    private static Framework framework(MappingParser.Parsed file, String subject, String side, String id,
            Map<String, MappingParser.Parsed> frameworks, List<MappingError> errors) {
        if (id == null) {
            return null;
        }
        MappingParser.Parsed parsed = frameworks.get(id);
        if (parsed == null) {
            errors.add(file.error("/" + side, subject, side + " framework '" + id + "' is not loaded; loaded: "
                    + new TreeSet<>(frameworks.keySet())));
            return null;
        }
        return Objects.requireNonNull(parsed.framework());
    }
}
