package dev.steward.ingest.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OCSF events as a generic decision feed: API Activity (class 6003) and Authentication (3002), one per line, in an
 * array or pretty-printed (trailing commas, as the published examples have, are tolerated). The principal is the AI
 * agent of the ai_operation profile when present (the user is then the on-behalf-of), else the user (uid, e-mail,
 * name); the credential is credential_uid; the tool the API's service; an authorization's decision, else the status
 * (a failure whose code or detail says denied, unauthorized or forbidden; any failed authentication) tells allow or
 * deny. Other event classes are skipped with a warning.
 */
@ApplicationScoped
public class OcsfAdapter implements SourceAdapter {

    static final Set<Integer> CLASSES = Set.of(6003, 3002);
    private static final Pattern DETECT = Pattern.compile("\"class_uid\"\\s*:\\s*\\d+");
    private static final Pattern DENIED = Pattern.compile("(?i)denied|unauthori[sz]ed|forbidden|not authori[sz]ed|\\b40[13]\\b");
    private static final Pattern DENY_DECISION = Pattern.compile("(?i)^(deny|denied|forbid|block|blocked|reject|rejected)");
    private static final Set<Integer> INTERACTIVE_LOGONS = Set.of(2, 10, 11);

    @Override
    public String format() {
        return "ocsf";
    }

    @Override
    public Kind kind() {
        return Kind.DECISIONS;
    }

    @Override
    public String expects() {
        return "OCSF API Activity (class_uid 6003) or Authentication (3002) events";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean detect(String fileName, String head) {
        return DETECT.matcher(head).find();
    }

    @Override
    public Session open(SourceContext context) {
        JsonRecords records = new JsonRecords(context.limits(), Set.of());
        return new Session() {
            @Override
            public void read(String file, InputStream in) throws IOException {
                records.read(file, in, false, context.problems(), (container, e, line) -> event(context, file, e, line));
            }
        };
    }

    void event(SourceContext context, String file, ObjectNode e, long line) {
        var problems = context.problems();
        int cls = e.path("class_uid").asInt(-1);
        if (!CLASSES.contains(cls)) {
            problems.warningOnce(file + "|class|" + cls, file, line, "class_uid", String.valueOf(cls),
                    "only API Activity (6003) and Authentication (3002) events are decisions; others are skipped"
                            + " (reported once per class)");
            return;
        }
        Instant time = SourceTimes.parse(e.has("time") ? e.get("time") : e.path("time_dt")).orElse(null);
        if (time == null) {
            problems.error(file, line, "time", Json.first(Json.text(e, "time"), Json.text(e, "time_dt")),
                    "no usable time (time in epoch milliseconds, or time_dt)");
            return;
        }
        JsonNode actor = e.path("actor");
        JsonNode user = cls == 3002 && e.path("user").isObject() ? e.path("user") : actor.path("user");
        String person = Json.first(Json.text(user, "uid"), Json.text(user, "email_addr"), Json.text(user, "name"),
                Json.text(user, "uid_alt"));
        String aiAgent = Json.first(Json.text(e, "ai_agent", "uid"), Json.text(e, "ai_agent", "name"));
        String principal = Json.first(aiAgent, person, Json.text(actor, "app_uid"), Json.text(actor, "app_name"));
        Boolean allowed = verdict(cls, e);
        if (allowed == null) {
            problems.warningOnce(file + "|status", file, line, "status_id", Json.text(e, "status_id"),
                    "no authorization decision and no status: counted as allowed (reported once per file)");
            allowed = true;
        }
        JsonNode authorization = actor.path("authorizations").path(0);
        JsonNode resource = e.path("resources").path(0);
        Integer logon = e.path("logon_type_id").isInt() ? e.path("logon_type_id").asInt() : null;
        new DecisionDraft()
                .id(Json.text(e, "metadata", "uid"))
                .time(time)
                .allowed(allowed)
                .agent(principal)
                .credential(AwsIds.key(Json.first(Json.text(user, "credential_uid"),
                        Json.text(actor, "user", "credential_uid"), Json.text(actor, "session", "credential_uid"))))
                .onBehalfOf(aiAgent != null && person != null ? List.of(person) : List.of())
                .tool(Json.first(Json.text(e, "api", "service", "name"), Json.text(e, "service", "name"),
                        Json.text(e, "dst_endpoint", "svc_name"), Json.text(e, "metadata", "product", "name")))
                .action(Json.first(Json.text(e, "api", "operation"), Json.text(e, "activity_name")))
                .resource(Json.first(Json.text(resource, "uid"), Json.text(resource, "name"),
                        Json.text(e, "http_request", "url", "path"), Json.text(e, "http_request", "url", "url_string")))
                .policy(Json.first(Json.text(authorization, "policy", "name"), Json.text(authorization, "policy", "uid")))
                .reason(allowed ? Json.text(e, "status_detail")
                        : Json.first(Json.text(e, "status_detail"), Json.text(e, "status_code"), Json.text(e, "status")))
                .interactive(logon != null && INTERACTIVE_LOGONS.contains(logon) ? Boolean.TRUE : null)
                .userAgent(Json.text(e, "http_request", "user_agent"))
                .emit(context, file, line);
    }

    /** allow/deny from the authorizations, else from the status; null when neither says. */
    static Boolean verdict(int cls, JsonNode e) {
        Boolean decided = null;
        for (JsonNode a : e.path("actor").path("authorizations")) {
            String d = Json.text(a, "decision");
            if (d != null) {
                boolean deny = DENY_DECISION.matcher(d).find();
                decided = decided == null ? !deny : decided && !deny;
            }
        }
        if (decided != null) {
            return decided;
        }
        int status = e.path("status_id").asInt(0);
        String statusText = Json.text(e, "status");
        if (status == 0 && statusText != null) {
            status = "Success".equalsIgnoreCase(statusText) ? 1 : "Failure".equalsIgnoreCase(statusText) ? 2 : 0;
        }
        if (status == 1) {
            return true;
        }
        if (status == 2) {
            String why = Json.text(e, "status_code") + " " + Json.text(e, "status_detail");
            return !(cls == 3002 || DENIED.matcher(why).find());
        }
        int code = e.path("api").path("response").path("code").asInt(0);
        return code == 0 ? null : code != 401 && code != 403;
    }
}
