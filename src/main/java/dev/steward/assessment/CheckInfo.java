package dev.steward.assessment;

import dev.steward.check.Check;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.mapping.MappingSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A check as the API lists it: what it is, the controls that use it, and each parameter with its default and the
 * value in effect under the current configuration, in general and per environment that has a default or an override.
 */
public record CheckInfo(String id, String title, Severity severity, SubjectType subjectType, String remediation,
        List<ParameterInfo> parameters, List<String> controls) {

    /**
     * One parameter. {@code configKey} is the configuration key for every environment
     * ({@code steward.checks."OWN-5".max-review-age-days}); insert the environment before the last part for one.
     */
    public record ParameterInfo(String name, String configKey, ParameterSpec.Type type, String defaultValue,
            Map<String, String> environmentDefaults, String description, String effectiveValue,
            Map<String, String> effectivePerEnvironment) {
    }

    public static CheckInfo of(Check check, CheckSettings settings, MappingSet mappings) {
        Map<String, String> values = settings.values(check.id());
        Map<String, Map<String, String>> perEnv = settings.perEnvironment(check.id());
        List<ParameterInfo> params = check.parameters().stream().map(spec -> {
            TreeSet<String> environments = new TreeSet<>(spec.environmentDefaults().keySet());
            perEnv.forEach((env, m) -> {
                if (m.containsKey(spec.name())) {
                    environments.add(env);
                }
            });
            Map<String, String> effective = new TreeMap<>();
            for (String env : environments) {
                String v = perEnv.getOrDefault(env, Map.of()).get(spec.name());
                if (v == null) {
                    v = values.containsKey(spec.name()) ? values.get(spec.name()) : spec.environmentDefaults().get(env);
                }
                effective.put(env, v);
            }
            String key = CheckSettings.PREFIX + "\"" + check.id() + "\"." + CheckSettings.kebab(spec.name());
            return new ParameterInfo(spec.name(), key, spec.type(), spec.defaultValue(), new TreeMap<>(spec.environmentDefaults()),
                    spec.description(), values.getOrDefault(spec.name(), spec.defaultValue()), effective);
        }).toList();
        return new CheckInfo(check.id(), check.title(), check.severity(), check.subjectType(), check.remediation(), params,
                mappings.controlsForCheck(check.id()));
    }
}
