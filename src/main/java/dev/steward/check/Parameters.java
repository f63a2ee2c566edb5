package dev.steward.check;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parameter values of one check evaluation, resolved per environment: an explicit value for the environment wins,
 * then an explicit value for every environment, then the spec's environment default, then the spec's default.
 */
public final class Parameters {

    private final Map<String, ParameterSpec> specs = new HashMap<>();
    private final Map<String, String> values;
    private final Map<String, Map<String, String>> perEnvironment;
    /*
     * Typed values, parsed once per name and environment: a check asks for the same few values for every subject,
     * hundreds of thousands of times a run, and parsing them each time (a duration's pattern, a list's split and
     * stream, Double.parseDouble) cost more than looking them up (about 0.4 s of a warm 10M-decision run).
     */
    private final Parsed<Integer> integers = new Parsed<>(t -> Integer.parseInt(t.trim()));
    private final Parsed<Double> decimals = new Parsed<>(t -> Double.parseDouble(t.trim()));
    private final Parsed<Duration> durations = new Parsed<>(Parameters::parseDuration);
    private final Parsed<List<String>> lists = new Parsed<>(Parameters::split);

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
        return integers.get(name, environment);
    }

    public double decimal(String name, String environment) {
        return decimals.get(name, environment);
    }

    public Duration duration(String name, String environment) {
        return durations.get(name, environment);
    }

    public List<String> list(String name, String environment) {
        return lists.get(name, environment);
    }

    private static List<String> split(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * One type's values by environment (the text as given, {@link #NO_ENVIRONMENT} for null) and name, parsed from
     * {@link #text} on first use. Safe for the threads that evaluate checks at once; two may parse the same value,
     * which gives the same result. A value that does not parse is not kept, so it fails every time it is asked for.
     */
    private final class Parsed<T> {
        private final Map<String, Map<String, T>> byEnvironment = new ConcurrentHashMap<>();
        private final Function<String, T> parse;

        Parsed(Function<String, T> parse) {
            this.parse = parse;
        }

        T get(String name, String environment) {
            Map<String, T> byName = byEnvironment.computeIfAbsent(environment == null ? NO_ENVIRONMENT : environment,
                    e -> new ConcurrentHashMap<>());
            T value = byName.get(name);
            if (value == null) {
                value = parse.apply(text(name, environment));
                byName.put(name, value);
            }
            return value;
        }
    }

    /** The key of the values asked for without an environment: no environment's name. */
    private static final String NO_ENVIRONMENT = "\u0000";

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
