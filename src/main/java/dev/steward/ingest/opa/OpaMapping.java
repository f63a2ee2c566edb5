package dev.steward.ingest.opa;

import dev.steward.ingest.source.Pointers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The compiled pointer alternatives of one preset, with the configured overrides applied. The presets are the
 * documented defaults: envoy for the opa-envoy-plugin's ext_authz input (v2 and v3 shapes), generic for inputs that
 * name the agent and action themselves.
 */
record OpaMapping(Pointers agent, Pointers credential, Pointers tool, Pointers action, Pointers resource,
        Pointers onBehalfOf, Pointers scope, Pointers trigger, Pointers environment, Pointers userAgent, Pointers risk,
        Pointers approval) {

    static final Map<String, List<String>> ENVOY = Map.ofEntries(
            Map.entry("agent", List.of("/input/attributes/source/principal",
                    "ip:{/input/attributes/source/address/socketAddress/address}",
                    "ip:{/input/attributes/source/address/Address/SocketAddress/address}")),
            Map.entry("tool", List.of("/input/attributes/destination/principal", "/input/attributes/request/http/host")),
            Map.entry("action", List.of("/input/attributes/request/http/method")),
            Map.entry("resource", List.of("/input/attributes/request/http/path")),
            Map.entry("userAgent", List.of("/input/attributes/request/http/headers/user-agent")),
            Map.entry("environment", List.of("/labels/environment", "/labels/env")));

    static final Map<String, List<String>> GENERIC = Map.ofEntries(
            Map.entry("agent", List.of("/input/agent", "/input/subject/id", "/input/subject", "/input/principal",
                    "/input/user", "/input/identity/id", "requested-by:{/requested_by}")),
            Map.entry("credential", List.of("/input/credential", "/input/credential_id")),
            Map.entry("tool", List.of("/input/tool", "/input/service", "/labels/app")),
            Map.entry("action", List.of("/input/action", "/input/method", "/input/operation", "/input/verb")),
            Map.entry("resource", List.of("/input/resource/id", "/input/resource", "/input/path", "/input/uri")),
            Map.entry("onBehalfOf", List.of("/input/onBehalfOf", "/input/on_behalf_of")),
            Map.entry("scope", List.of("/input/scope")),
            Map.entry("trigger", List.of("/input/trigger", "/input/task_id", "/input/task")),
            Map.entry("environment", List.of("/input/environment", "/labels/environment", "/labels/env")),
            Map.entry("userAgent", List.of("/input/userAgent", "/input/user_agent")),
            Map.entry("risk", List.of("/input/risk")),
            Map.entry("approval", List.of("/input/approval")));

    static OpaMapping of(Map<String, List<String>> preset, OpaConfig config) {
        Function<String, Function<Optional<List<String>>, Pointers>> field = name -> override -> Pointers.of(
                override.filter(l -> !l.isEmpty()).orElse(preset.getOrDefault(name, List.of())));
        return new OpaMapping(field.apply("agent").apply(config.agent()),
                field.apply("credential").apply(config.credential()), field.apply("tool").apply(config.tool()),
                field.apply("action").apply(config.action()), field.apply("resource").apply(config.resource()),
                field.apply("onBehalfOf").apply(config.onBehalfOf()), field.apply("scope").apply(config.scope()),
                field.apply("trigger").apply(config.trigger()),
                field.apply("environment").apply(config.environment()),
                field.apply("userAgent").apply(config.userAgent()), field.apply("risk").apply(config.risk()),
                field.apply("approval").apply(config.approval()));
    }
}
