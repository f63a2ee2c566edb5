package dev.steward.check;

import java.util.Map;

/**
 * A tunable of a check: its name, type, default and, optionally, per-environment defaults (CHECKS.md: OWN-5 uses 90
 * days for prod and 180 for the rest). Values are written as text: integers, decimals, ISO-8601 durations (PT1H,
 * P90D) or comma-separated lists.
 */
public record ParameterSpec(String name, Type type, String defaultValue, Map<String, String> environmentDefaults,
        String description) {

    public enum Type { INTEGER, DECIMAL, DURATION, LIST, STRING }

    public ParameterSpec {
        environmentDefaults = environmentDefaults == null ? Map.of() : Map.copyOf(environmentDefaults);
    }

    public static ParameterSpec of(String name, Type type, String defaultValue, String description) {
        return new ParameterSpec(name, type, defaultValue, Map.of(), description);
    }
}
