package dev.steward.ingest.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.source.DecisionDraft;
import dev.steward.ingest.source.Json;
import dev.steward.ingest.source.JsonRecords;
import dev.steward.ingest.source.Pointers;
import dev.steward.ingest.source.SourceTimes;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * OPA decision logs: the console logger's JSON Lines ({@code decision_logs.console=true}, also behind a docker compose
 * prefix) and the upload batches OPA POSTs to a log service (a JSON array, usually gzip). One event = one decision:
 * {@code decision_id} the id, {@code timestamp} the time, {@code path} (or {@code query}) the policy, {@code result}
 * allow or deny (a boolean, the strings "true"/"false", or an object with allowed/allow/decision; an undefined result
 * is a deny), and the principal, tool, action and resource taken from the event by the configured pointers
 * ({@link OpaConfig}: an Envoy preset and a generic one). Results that are not allow/deny (a number, a list) are not
 * authorization decisions and are skipped with a warning.
 */
@ApplicationScoped
@Startup
public class OpaAdapter implements SourceAdapter {

    private final OpaConfig config;
    private final OpaMapping envoy;
    private final OpaMapping generic;
    private final Pointers resultAllowed;
    private final Pointers resultReason;

    public OpaAdapter(OpaConfig config) {
        this.config = config;
        try {
            this.envoy = OpaMapping.of(OpaMapping.ENVOY, config);
            this.generic = OpaMapping.of(OpaMapping.GENERIC, config);
            this.resultAllowed = Pointers.of(config.resultAllowed());
            this.resultReason = Pointers.of(config.resultReason());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("steward.sources.opa: " + e.getMessage(), e);
        }
        if (!Set.of("auto", "envoy", "generic").contains(config.preset())) {
            throw new IllegalArgumentException("steward.sources.opa.preset: '" + config.preset()
                    + "' is not one of auto, envoy, generic");
        }
    }

    @Override
    public String format() {
        return "opa";
    }

    @Override
    public Kind kind() {
        return Kind.DECISIONS;
    }

    @Override
    public String expects() {
        return "OPA decision log (console JSON Lines or upload batch JSON array; decision_id, path or query, input,"
                + " result, timestamp)";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean detect(String fileName, String head) {
        return head.contains("\"decision_id\"") && (head.contains("\"input\"") || head.contains("\"result\"")
                || head.contains("openpolicyagent.org/decision_logs"));
    }

    @Override
    public Session open(SourceContext context) {
        JsonRecords records = new JsonRecords(context.limits(), Set.of());
        return new Session() {
            @Override
            public void read(String file, InputStream in) throws IOException {
                records.read(file, in, false, context.problems(), (container, event, line) -> event(context, file, event, line));
            }
        };
    }

    void event(SourceContext context, String file, ObjectNode event, long line) {
        var problems = context.problems();
        if (!event.has("decision_id") && !"Decision Log".equals(Json.text(event, "msg"))
                && !"openpolicyagent.org/decision_logs".equals(Json.text(event, "type"))) {
            problems.warningOnce(file + "|not-decision", file, line, "msg", Json.text(event, "msg"),
                    "OPA log lines that are not decision log entries are skipped (reported once per file)");
            return;
        }
        JsonNode timeNode = event.has("timestamp") ? event.get("timestamp") : event.path("time");
        Instant time = SourceTimes.parse(timeNode).orElse(null);
        if (time == null) {
            problems.error(file, line, "timestamp", Json.scalar(timeNode), Json.scalar(timeNode) == null
                    ? "required field missing" : "not an RFC 3339 date-time");
            return;
        }
        Boolean allowed;
        String reason = null;
        JsonNode result = event.path("result");
        if (result.isMissingNode() || result.isNull()) {
            if (erased(event, "/result")) {
                problems.warningOnce(file + "|erased", file, line, "result", null,
                        "results erased by OPA's mask policy cannot tell allow or deny: skipped (reported once per file)");
                return;
            }
            allowed = false;
            reason = "result undefined";
        } else if (result.isObject()) {
            allowed = verdict(resultAllowed.node(result));
            reason = resultReason.text(result);
        } else {
            allowed = verdict(result);
        }
        if (allowed == null) {
            problems.warningOnce(file + "|not-authz", file, line, "result", Json.scalar(result),
                    "results that are not allow/deny (true/false or an object with allowed) are not authorization"
                            + " decisions: skipped (reported once per file)");
            return;
        }
        if (!Json.at(event, "input", "attributes", "request", "http", "headers", "authorization").isMissingNode()) {
            problems.warningOnce(file + "|authorization", file, line, "input.attributes.request.http.headers.authorization",
                    null, "OPA logs the Authorization header in clear; mask it in OPA's decision_logs mask policy"
                            + " (the value is not read by Steward)");
        }
        OpaMapping m = mapping(event);
        DecisionDraft d = new DecisionDraft()
                .id(Json.text(event, "decision_id"))
                .time(time)
                .allowed(allowed)
                .agent(m.agent().text(event))
                .credential(m.credential().text(event))
                .onBehalfOf(m.onBehalfOf().list(event))
                .tool(m.tool().text(event))
                .action(m.action().text(event))
                .resource(m.resource().text(event))
                .scope(m.scope().text(event))
                .policy(Json.first(Json.text(event, "path"), Json.text(event, "query")))
                .reason(reason == null || "-".equals(reason) ? null : reason)
                .trigger(m.trigger().text(event))
                .approval(m.approval().text(event))
                .risk(m.risk().text(event))
                .environment(m.environment().text(event))
                .userAgent(m.userAgent().text(event));
        if (d.agent() == null && d.credential() == null) {
            problems.error(file, line, "input", null, "no principal found by steward.sources.opa.agent ("
                    + m.agent() + ") nor a credential by steward.sources.opa.credential (" + m.credential() + ")");
            return;
        }
        d.emit(context, file, line);
    }

    private OpaMapping mapping(JsonNode event) {
        return switch (config.preset()) {
            case "envoy" -> envoy;
            case "generic" -> generic;
            default -> Json.at(event, "input", "attributes", "request", "http").isObject() ? envoy : generic;
        };
    }

    private static boolean erased(JsonNode event, String pointer) {
        for (JsonNode e : event.path("erased")) {
            if (pointer.equals(e.asText())) {
                return true;
            }
        }
        return false;
    }

    /** true/false from a boolean or the strings true/false/allow/deny/allowed/denied; null when neither. */
    static Boolean verdict(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (!v.isTextual()) {
            return null;
        }
        return switch (v.asText().trim().toLowerCase(Locale.ROOT)) {
            case "true", "allow", "allowed", "permit" -> true;
            case "false", "deny", "denied", "forbid" -> false;
            default -> null;
        };
    }
}
