package dev.steward.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A check that evidences a control: its catalog id, its weight in the control score, and optional parameter
 * overrides for this control (parameter names of the check, values as text, validated against the check's
 * {@link dev.steward.check.ParameterSpec}s when the mappings load).
 */
public record CheckRef(String id, int weight, Map<String, String> parameters) {

    public CheckRef {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(parameters, Map.of())));
    }

    public static CheckRef of(String id, int weight) {
        return new CheckRef(id, weight, Map.of());
    }
}
