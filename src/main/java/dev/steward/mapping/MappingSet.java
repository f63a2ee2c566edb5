package dev.steward.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated, immutable set of frameworks and crosswalks, with the lookups reports need: controls in file order,
 * the children of a control, the controls a check evidences (as {@code framework:controlId}) and the crosswalk
 * relations of a control. {@link #mappingVersion()} identifies the exact files, so an assessment records which
 * mappings it was scored against.
 */
public final class MappingSet {

    private final Map<String, Framework> frameworks;
    private final List<Crosswalk> crosswalks;
    private final Map<String, String> origins;
    private final String mappingVersion;
    private final Map<String, List<Control>> children = new HashMap<>();
    private final Map<String, List<String>> controlsByCheck;

    MappingSet(List<Framework> frameworks, List<Crosswalk> crosswalks, Map<String, String> origins, String mappingVersion) {
        Map<String, Framework> byId = new TreeMap<>();
        frameworks.forEach(f -> byId.put(f.id(), f));
        this.frameworks = Collections.unmodifiableMap(byId);
        this.crosswalks = crosswalks.stream().sorted(Comparator.comparing(Crosswalk::id)).toList();
        this.origins = Map.copyOf(origins);
        this.mappingVersion = mappingVersion;
        Map<String, Set<String>> byCheck = new TreeMap<>();
        for (Framework framework : byId.values()) {
            for (Control control : framework.controls()) {
                if (control.parent() != null) {
                    children.computeIfAbsent(ref(framework.id(), control.parent()), k -> new ArrayList<>()).add(control);
                }
                for (CheckRef check : control.checks()) {
                    byCheck.computeIfAbsent(check.id(), k -> new TreeSet<>()).add(ref(framework.id(), control.id()));
                }
            }
        }
        children.replaceAll((k, v) -> List.copyOf(v));
        Map<String, List<String>> sorted = new LinkedHashMap<>();
        byCheck.forEach((check, refs) -> sorted.put(check, List.copyOf(refs)));
        this.controlsByCheck = Collections.unmodifiableMap(sorted);
    }

    /** {@code framework:controlId}, the form used in findings and exports. */
    public static String ref(String frameworkId, String controlId) {
        return frameworkId + ":" + controlId;
    }

    /** Frameworks by id, sorted by id. */
    public Map<String, Framework> frameworks() {
        return frameworks;
    }

    public Optional<Framework> framework(String frameworkId) {
        return Optional.ofNullable(frameworks.get(frameworkId));
    }

    /** The control framework:controlId as this set defines it, when this set is the one of {@code mappingVersion}. */
    public Optional<Control> control(String frameworkId, String controlId, String mappingVersion) {
        return this.mappingVersion.equals(mappingVersion) ? framework(frameworkId).flatMap(f -> f.control(controlId))
                : Optional.empty();
    }

    /** Crosswalks sorted by id. */
    public List<Crosswalk> crosswalks() {
        return crosswalks;
    }

    /** SHA-256 (hex) over the sorted effective file names and their bytes. */
    public String mappingVersion() {
        return mappingVersion;
    }

    /** Where the framework or crosswalk with this id was read from. */
    public Optional<String> origin(String frameworkOrCrosswalkId) {
        return Optional.ofNullable(origins.get(frameworkOrCrosswalkId));
    }

    /** The framework's controls in file order. */
    public List<Control> controls(String frameworkId) {
        return require(frameworkId).controls();
    }

    public Optional<Control> control(String frameworkId, String controlId) {
        return require(frameworkId).control(controlId);
    }

    /** Direct children of a control, in file order; empty for a leaf. */
    public List<Control> children(String frameworkId, String controlId) {
        require(frameworkId);
        return children.getOrDefault(ref(frameworkId, controlId), List.of());
    }

    /** Every control the check evidences, as sorted {@code framework:controlId} strings; empty when unmapped. */
    public List<String> controlsForCheck(String checkId) {
        return controlsByCheck.getOrDefault(checkId, List.of());
    }

    /** Ids of the checks that at least one control maps, sorted. */
    public Set<String> mappedCheckIds() {
        return Collections.unmodifiableSet(new TreeSet<>(controlsByCheck.keySet()));
    }

    /**
     * Controls related to this one by any crosswalk, in crosswalk id and row order. Rows written from the other side
     * are included with the relationship inverted and {@code inverse} set.
     */
    public List<CrosswalkTarget> crosswalkTargets(String frameworkId, String controlId) {
        require(frameworkId);
        List<CrosswalkTarget> targets = new ArrayList<>();
        for (Crosswalk crosswalk : crosswalks) {
            for (Relationship row : crosswalk.relationships()) {
                if (crosswalk.source().equals(frameworkId) && row.source().equals(controlId)) {
                    targets.add(new CrosswalkTarget(crosswalk.id(), crosswalk.provenance(), crosswalk.target(), row.target(),
                            row.relationship(), row.rationale(), false));
                }
                if (crosswalk.target().equals(frameworkId) && row.target().equals(controlId)) {
                    targets.add(new CrosswalkTarget(crosswalk.id(), crosswalk.provenance(), crosswalk.source(), row.source(),
                            row.relationship().inverse(), row.rationale(), true));
                }
            }
        }
        return List.copyOf(targets);
    }

    private Framework require(String frameworkId) {
        Framework framework = frameworks.get(frameworkId);
        if (framework == null) {
            throw new IllegalArgumentException("unknown framework '" + frameworkId + "'; known: " + frameworks.keySet());
        }
        return framework;
    }
}
