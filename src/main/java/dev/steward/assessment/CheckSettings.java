package dev.steward.assessment;

import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Check parameter overrides from configuration, validated against the catalog. Keys:
 * <pre>
 * steward.checks."&lt;CHECK-ID&gt;".&lt;parameter&gt;=&lt;value&gt;                 (every environment)
 * steward.checks."&lt;CHECK-ID&gt;".&lt;environment&gt;.&lt;parameter&gt;=&lt;value&gt;   (one environment)
 * </pre>
 * The parameter is written in kebab case ({@code max-review-age-days}) or as in CHECKS.md ({@code maxReviewAgeDays});
 * the quotes around the check id are optional. Environments are compared lower-case and {@code production} means
 * {@code prod}, as the checks resolve them. Every bad key is reported at once, each naming the key: an unknown check,
 * an unknown parameter of that check, a value the parameter's type rejects, or a key of the wrong shape.
 */
public final class CheckSettings {

    public static final String PREFIX = "steward.checks.";
    public static final CheckSettings NONE = new CheckSettings(Map.of(), Map.of());

    private final Map<String, Map<String, String>> values;
    private final Map<String, Map<String, Map<String, String>>> perEnvironment;

    private CheckSettings(Map<String, Map<String, String>> values, Map<String, Map<String, Map<String, String>>> perEnvironment) {
        this.values = values;
        this.perEnvironment = perEnvironment;
    }

    /** Thrown when configuration holds bad check keys; the message lists every one. */
    public static final class InvalidException extends IllegalArgumentException {
        private final List<String> errors;

        InvalidException(List<String> errors) {
            super("invalid check configuration (" + errors.size() + " error" + (errors.size() == 1 ? "" : "s") + "):\n  "
                    + String.join("\n  ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    /**
     * Reads every property whose name starts with {@value #PREFIX}; other properties are ignored.
     *
     * @throws InvalidException naming every bad key
     */
    public static CheckSettings parse(Map<String, String> properties, CheckCatalog catalog) {
        Map<String, Map<String, String>> values = new TreeMap<>();
        Map<String, Map<String, Map<String, String>>> perEnv = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String error = add(key, key.substring(PREFIX.length()), e.getValue(), catalog, values, perEnv);
            if (error != null) {
                errors.add(key + ": " + error);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        return new CheckSettings(freeze(values), freezeEnv(perEnv));
    }

    private static String add(String key, String rest, String value, CheckCatalog catalog,
            Map<String, Map<String, String>> values, Map<String, Map<String, Map<String, String>>> perEnv) {
        String checkId;
        String tail;
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            if (close < 0) {
                return "unbalanced quotes; expected " + PREFIX + "\"<check>\".[<environment>.]<parameter>";
            }
            checkId = rest.substring(1, close);
            tail = rest.substring(close + 1);
        } else {
            int dot = rest.indexOf('.');
            checkId = dot < 0 ? rest : rest.substring(0, dot);
            tail = dot < 0 ? "" : rest.substring(dot);
        }
        Optional<Check> check = catalog.byId(checkId);
        if (check.isEmpty()) {
            return "unknown check '" + checkId + "'; known: " + String.join(", ", catalog.all().stream().map(Check::id).toList());
        }
        if (!tail.startsWith(".") || tail.length() < 2) {
            return "no parameter named; expected " + PREFIX + "\"" + checkId + "\".[<environment>.]<parameter>";
        }
        String[] parts = tail.substring(1).split("\\.", -1);
        if (parts.length > 2 || List.of(parts).contains("")) {
            return "expected " + PREFIX + "\"" + checkId + "\".[<environment>.]<parameter>";
        }
        String parameter = parts[parts.length - 1];
        ParameterSpec spec = spec(check.get(), parameter);
        if (spec == null) {
            List<String> known = check.get().parameters().stream().map(s -> kebab(s.name())).toList();
            return "unknown parameter '" + parameter + "' of " + checkId + "; "
                    + (known.isEmpty() ? checkId + " takes no parameters" : "known: " + String.join(", ", known));
        }
        String text = value == null ? "" : value.trim();
        String invalid = Parameters.validate(spec, text);
        if (invalid != null) {
            return invalid + " (" + checkId + " " + spec.name() + ")";
        }
        if (parts.length == 1) {
            values.computeIfAbsent(checkId, k -> new TreeMap<>()).put(spec.name(), text);
        } else {
            perEnv.computeIfAbsent(checkId, k -> new TreeMap<>())
                    .computeIfAbsent(environment(parts[0]), k -> new TreeMap<>()).put(spec.name(), text);
        }
        return null;
    }

    private static ParameterSpec spec(Check check, String name) {
        for (ParameterSpec s : check.parameters()) {
            if (s.name().equals(name) || kebab(s.name()).equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** maxReviewAgeDays -> max-review-age-days. */
    public static String kebab(String camel) {
        StringBuilder b = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('-').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Lower case, {@code production} read as {@code prod} (the checks' reading of environments). */
    public static String environment(String name) {
        String e = name.trim().toLowerCase(Locale.ROOT);
        return "production".equals(e) ? "prod" : e;
    }

    /** Values configured for every environment of a check, by parameter name (sorted). */
    public Map<String, String> values(String checkId) {
        return values.getOrDefault(checkId, Map.of());
    }

    /** Values configured per environment of a check: environment to parameter to value (sorted). */
    public Map<String, Map<String, String>> perEnvironment(String checkId) {
        return perEnvironment.getOrDefault(checkId, Map.of());
    }

    /** The parameters of a check with this configuration applied. */
    public Parameters parameters(Check check) {
        return new Parameters(check.parameters(), values(check.id()), perEnvironment(check.id()));
    }

    /** Canonical text of every override, sorted; equal settings give equal text. */
    public String canonical() {
        return "values=" + values + ";perEnvironment=" + perEnvironment;
    }

    /** SHA-256 (hex) of the overrides and the status thresholds: what, beyond the data, shaped a run's numbers. */
    public String digest(Thresholds thresholds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((canonical() + "\n" + thresholds.canonical()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Map<String, String>> freeze(Map<String, Map<String, String>> m) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, java.util.Collections.unmodifiableMap(new TreeMap<>(v))));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Map<String, Map<String, Map<String, String>>> freezeEnv(Map<String, Map<String, Map<String, String>>> m) {
        Map<String, Map<String, Map<String, String>>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, freeze(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
