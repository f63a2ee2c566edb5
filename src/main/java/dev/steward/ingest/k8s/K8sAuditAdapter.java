package dev.steward.ingest.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.aws.AwsIds;
import dev.steward.ingest.source.DecisionDraft;
import dev.steward.ingest.source.Json;
import dev.steward.ingest.source.JsonRecords;
import dev.steward.ingest.source.SourceTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes API server audit events ({@code audit.k8s.io/v1} and older layouts, one per line or in an EventList),
 * also as exported by GKE (Cloud Audit Logs protoPayload), AKS (diagnostic settings, properties.log as an object or
 * as a JSON string) and EKS through CloudWatch Logs (the event as a message string). One request = one decision: RequestReceived is before authorization and skipped; a request seen
 * at ResponseStarted (exec, watch) is not counted again at ResponseComplete. The principal is user.username (an
 * impersonated user is the on-behalf-of), the credential the credential-id the API server records (or EKS's access
 * key, masked), the scope {@code verb:resource[.group]} as RBAC grants are written, the policy the RBAC binding named in
 * the authorization reason; decision "forbid" or HTTP 401/403 is a deny.
 */
@ApplicationScoped
public class K8sAuditAdapter implements SourceAdapter {

    static final String TOOL = "kubernetes";
    private static final Pattern RBAC = Pattern.compile(
            "allowed by (ClusterRoleBinding|RoleBinding) \"([^\"]+)\" of (ClusterRole|Role) \"([^\"]+)\"");
    private static final Pattern DETECT = Pattern.compile("\\\\?\"auditID\\\\?\"|\"kind\"\\s*:\\s*\"EventList\""
            + "|\"category\"\\s*:\\s*\"kube-audit");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final K8sConfig config;

    public K8sAuditAdapter(K8sConfig config) {
        this.config = config;
    }

    @Override
    public String format() {
        return "k8s";
    }

    @Override
    public Kind kind() {
        return Kind.DECISIONS;
    }

    @Override
    public String expects() {
        return "Kubernetes audit events (audit.k8s.io Event per line or EventList; GKE protoPayload; AKS"
                + " properties.log)";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean detect(String fileName, String head) {
        return DETECT.matcher(head).find() || head.contains("\"protoPayload\"") && head.contains("k8s.io");
    }

    @Override
    public Session open(SourceContext context) {
        JsonRecords records = new JsonRecords(context.limits(), Set.of("items", "events"));
        Set<String> started = new LinkedHashSet<>();
        return new Session() {
            @Override
            public void read(String file, InputStream in) throws IOException {
                records.read(file, in, false, context.problems(), (container, r, line) -> record(context, started, file, r, line));
            }
        };
    }

    void record(SourceContext context, Set<String> started, String file, ObjectNode r, long line) {
        var problems = context.problems();
        if (r.has("protoPayload")) {
            gke(context, file, r, line);
            return;
        }
        JsonNode event = r.has("verb") ? r : Json.first(Json.embedded(Json.text(r, "message")), r);
        JsonNode log = r.path("properties").path("log");
        if (!log.isMissingNode()) {
            if (log.isTextual()) {
                try {
                    event = JSON.readTree(log.asText());
                } catch (IOException e) {
                    problems.error(file, line, "properties.log", null, "not a JSON audit event: " + e.getMessage());
                    return;
                }
            } else {
                event = log;
            }
        }
        if (!event.has("verb") && !event.has("auditID")) {
            problems.warningOnce(file + "|not-event", file, line, "kind", Json.text(event, "kind"),
                    "records that are not audit events are skipped (reported once per file)");
            return;
        }
        String stage = Json.text(event, "stage");
        String auditId = Json.text(event, "auditID");
        if ("RequestReceived".equals(stage)) {
            problems.warningOnce(file + "|received", file, line, "stage", stage,
                    "RequestReceived events come before authorization and are skipped (reported once per file)");
            return;
        }
        if (auditId != null && "ResponseStarted".equals(stage)) {
            started.add(auditId);
            if (started.size() > config.maxStartedRequests()) {
                started.remove(started.iterator().next());
            }
        } else if (auditId != null && "ResponseComplete".equals(stage) && started.remove(auditId)) {
            return;
        }
        event(context, file, event, line);
    }

    private void event(SourceContext context, String file, JsonNode e, long line) {
        Instant time = SourceTimes.parse(Json.first(Json.text(e, "requestReceivedTimestamp"), Json.text(e, "stageTimestamp"),
                Json.text(e, "timestamp"), Json.text(e, "metadata", "creationTimestamp"))).orElse(null);
        if (time == null) {
            context.problems().error(file, line, "requestReceivedTimestamp", Json.text(e, "requestReceivedTimestamp"),
                    "no usable time (requestReceivedTimestamp, stageTimestamp or timestamp)");
            return;
        }
        String decision = Json.text(e, "annotations", "authorization.k8s.io/decision");
        int code = e.path("responseStatus").path("code").asInt(0);
        boolean denied = "forbid".equalsIgnoreCase(decision) || code == 401 || code == 403;
        String reason = Json.text(e, "annotations", "authorization.k8s.io/reason");
        if (denied && reason == null) {
            reason = Json.first(Json.text(e, "responseStatus", "message"), Json.text(e, "responseStatus", "reason"));
        }
        JsonNode extra = e.path("user").path("extra");
        String credential = Json.first(Json.text(extra.path("authentication.kubernetes.io/credential-id").path(0)),
                AwsIds.key(Json.text(extra.path("accessKeyId").path(0))));
        String impersonated = Json.text(e, "impersonatedUser", "username");
        String uri = Json.text(e, "requestURI");
        String path = uri == null ? null : uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        String verb = Json.text(e, "verb");
        new DecisionDraft()
                .id(Json.text(e, "auditID"))
                .time(time)
                .allowed(!denied)
                .agent(Json.text(e, "user", "username"))
                .credential(credential)
                .onBehalfOf(impersonated == null ? List.of() : List.of(impersonated))
                .tool(TOOL)
                .action(verb)
                .resource(path)
                .scope(verb == null ? null : verb + ":" + resource(e.path("objectRef"), path))
                .policy(policy(reason))
                .reason(reason)
                .userAgent(Json.text(e, "userAgent"))
                .emit(context, file, line);
    }

    /** resource[/subresource][.group] as RBAC writes it, or url:/path for non-resource requests. */
    static String resource(JsonNode ref, String path) {
        String resource = Json.text(ref, "resource");
        if (resource == null) {
            return "url:" + path;
        }
        String sub = Json.text(ref, "subresource");
        String group = Json.text(ref, "apiGroup");
        return resource + (sub == null ? "" : "/" + sub) + (group == null ? "" : "." + group);
    }

    /** The RBAC role and binding an authorization reason names, or null. */
    static String policy(String reason) {
        if (reason == null) {
            return null;
        }
        Matcher m = RBAC.matcher(reason);
        return m.find() ? m.group(3) + "/" + m.group(4) + " via " + m.group(1) + "/" + m.group(2) : null;
    }

    /** A GKE Cloud Audit Logs entry for the Kubernetes API (serviceName k8s.io). */
    private void gke(SourceContext context, String file, JsonNode r, long line) {
        JsonNode p = r.path("protoPayload");
        Instant time = SourceTimes.parse(r.path("timestamp")).orElse(null);
        if (time == null) {
            context.problems().error(file, line, "timestamp", Json.text(r, "timestamp"), "no usable time");
            return;
        }
        boolean granted = true;
        for (JsonNode a : p.path("authorizationInfo")) {
            granted &= a.path("granted").asBoolean(false);
        }
        String decision = Json.text(r, "labels", "authorization.k8s.io/decision");
        boolean denied = !granted || "forbid".equalsIgnoreCase(decision) || p.path("status").path("code").asInt(0) == 7;
        String method = Json.text(p, "methodName");
        String reason = Json.first(Json.text(r, "labels", "authorization.k8s.io/reason"), Json.text(p, "status", "message"));
        new DecisionDraft()
                .id(Json.text(r, "insertId"))
                .time(time)
                .allowed(!denied)
                .agent(Json.text(p, "authenticationInfo", "principalEmail"))
                .tool(TOOL)
                .action(method == null ? null : method.substring(method.lastIndexOf('.') + 1))
                .resource(Json.text(p, "resourceName"))
                .scope(Json.text(p.path("authorizationInfo").path(0), "permission"))
                .policy(policy(reason))
                .reason(reason)
                .userAgent(Json.text(p, "requestMetadata", "callerSuppliedUserAgent"))
                .emit(context, file, line);
    }
}
