package dev.steward.check;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameter values of one check evaluation, resolved per environment: an explicit value for the environment wins,
 * then an explicit value for every environment, then the spec's environment default, then the spec's default.
 */
public final class Parameters {

    private final Map<String, ParameterSpec> specs = new HashMap<>();
    private final Map<String, String> values;
    private final Map<String, Map<String, String>> perEnvironment;

    /**
     * @param specs the check's parameter specs
     * @param values explicit values for every environment (name to text)
     * @param perEnvironment explicit values per environment (environment to name to text)
     */
    public Parameters(List<ParameterSpec> specs, Map<String, String> values, Map<String, Map<String, String>> perEnvironment) {
        specs.forEach(s -> this.specs.put(s.name(), s));
        this.values = Map.copyOf(values);
        this.perEnvironment = Map.copyOf(perEnvironment);
        values.keySet().forEach(this::spec);
        perEnvironment.values().forEach(m -> m.keySet().forEach(this::spec));
    }

    /** The defaults of a check, nothing overridden. */
    public static Parameters defaults(Check check) {
        return new Parameters(check.parameters(), Map.of(), Map.of());
    }

    /** Defaults plus the given values for every environment. */
    public static Parameters of(Check check, Map<String, String> values) {
        return new Parameters(check.parameters(), values, Map.of());
    }

    private ParameterSpec spec(String name) {
        ParameterSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown parameter '" + name + "'; known: " + specs.keySet().stream().sorted().toList());
        }
        return spec;
    }

    /** The raw text value for an environment (null environment = the general value). */
    public String text(String name, String environment) {
        ParameterSpec spec = spec(name);
        String env = environment == null ? null : environment.toLowerCase(Locale.ROOT);
        if (env != null) {
            String v = perEnvironment.getOrDefault(env, Map.of()).get(name);
            if (v != null) {
                return v;
            }
        }
        if (values.containsKey(name)) {
            return values.get(name);
        }
        if (env != null && spec.environmentDefaults().containsKey(env)) {
            return spec.environmentDefaults().get(env);
        }
        return spec.defaultValue();
    }

    public int integer(String name, String environment) {
        return Integer.parseInt(text(name, environment).trim());
    }

    public double decimal(String name, String environment) {
        return Double.parseDouble(text(name, environment).trim());
    }

    public Duration duration(String name, String environment) {
        return parseDuration(text(name, environment));
    }

    public List<String> list(String name, String environment) {
        String v = text(name, environment);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** ISO-8601 durations, accepting days (P90D) as well as PT1H. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        return Duration.parse(t);
    }

    /** Whether a text value is valid for a spec's type; used when validating configuration and mapping overrides. */
    public static String validate(ParameterSpec spec, String value) {
        try {
            switch (spec.type()) {
                case INTEGER -> Integer.parseInt(value.trim());
                case DECIMAL -> Double.parseDouble(value.trim());
                case DURATION -> parseDuration(value);
                default -> { }
            }
            return null;
        } catch (RuntimeException e) {
            return "value '" + value + "' is not a valid " + spec.type().name().toLowerCase(Locale.ROOT);
        }
    }
}
