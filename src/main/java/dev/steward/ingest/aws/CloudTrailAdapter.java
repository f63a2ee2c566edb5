package dev.steward.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.source.DecisionDraft;
import dev.steward.ingest.source.Json;
import dev.steward.ingest.source.JsonRecords;
import dev.steward.ingest.source.ObservedCredentials;
import dev.steward.ingest.source.SourceTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS CloudTrail records: delivered S3 log files ({@code {"Records":[...]}}, read element by element), one record per
 * line (EventBridge, CloudTrail Lake exports), single pretty records, {@code aws cloudtrail lookup-events} output
 * (CloudTrailEvent strings) and CloudWatch Logs output (message strings). One record = one decision: the
 * principal is the IAM user or the role behind an assumed-role session (role chaining keeps the sourceIdentity as
 * on-behalf-of), the credential the access key (stored masked), the tool the service, the action the event name, the
 * scope {@code service:EventName}; AccessDenied-like error codes and failed console logins are denies. Sessions STS
 * issues (AssumeRole*, GetSessionToken, GetFederationToken) become jit-lease credentials with AWS's expiration.
 */
@ApplicationScoped
public class CloudTrailAdapter implements SourceAdapter {

    private static final Pattern NOT_AUTHORIZED = Pattern.compile("(?i)not authorized to perform|access denied");
    private static final Set<String> MINTING = Set.of("AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity",
            "GetSessionToken", "GetFederationToken");
    private static final List<String> RESOURCE_PARAMETERS = List.of("roleArn", "policyArn", "bucketName", "secretId",
            "modelId", "functionName", "queueUrl", "topicArn", "tableName", "keyId", "userName", "roleName", "groupName",
            "keyName", "name");

    private final AwsConfig config;

    public CloudTrailAdapter(AwsConfig config) {
        this.config = config;
    }

    @Override
    public String format() {
        return "aws-cloudtrail";
    }

    @Override
    public Kind kind() {
        return Kind.DECISIONS;
    }

    @Override
    public String expects() {
        return "AWS CloudTrail records ({\"Records\":[...]} log files or one record per line; eventTime, eventSource,"
                + " eventName, userIdentity)";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean detect(String fileName, String head) {
        String h = head.replace("\\\"", "\"");
        return h.contains("\"eventSource\"") && h.contains("\"eventName\"")
                && (h.contains("\"userIdentity\"") || h.contains("\"eventTime\""));
    }

    @Override
    public Session open(SourceContext context) {
        JsonRecords records = new JsonRecords(context.limits(), Set.of("Records", "Events", "events"));
        ObservedCredentials sessions = new ObservedCredentials(config.maxSessions());
        return new Session() {
            @Override
            public void read(String file, InputStream in) throws IOException {
                records.read(file, in, false, context.problems(),
                        (container, record, line) -> record(context, sessions, file, record, line));
            }

            @Override
            public void finish() {
                sessions.deliver(context);
            }
        };
    }

    void record(SourceContext context, ObservedCredentials sessions, String file, ObjectNode record, long line) {
        var problems = context.problems();
        // lookup-events carries the record as a CloudTrailEvent string, CloudWatch Logs as a message string
        ObjectNode r = Json.first(Json.embedded(Json.text(record, "CloudTrailEvent")),
                record.has("eventName") ? null : Json.embedded(Json.text(record, "message")), record);
        String source = Json.text(r, "eventSource");
        String name = Json.text(r, "eventName");
        if (source == null || name == null) {
            problems.warningOnce(file + "|not-event", file, line, "eventName", null,
                    "records without eventSource and eventName are not API calls: skipped (reported once per file)");
            return;
        }
        Instant time = SourceTimes.parse(r.path("eventTime")).orElse(null);
        if (time == null) {
            String raw = Json.text(r, "eventTime");
            problems.error(file, line, "eventTime", raw, raw == null ? "required field missing" : "not an RFC 3339 date-time");
            return;
        }
        JsonNode identity = r.path("userIdentity");
        String principal = principal(identity);
        String errorCode = Json.text(r, "errorCode");
        String errorMessage = Json.text(r, "errorMessage");
        boolean denied = errorCode != null && config.deniedErrorCodes().contains(errorCode)
                || errorMessage != null && NOT_AUTHORIZED.matcher(errorMessage).find()
                || "Failure".equals(Json.text(r, "responseElements", "ConsoleLogin"))
                || "Failure".equals(Json.text(r, "serviceEventDetails", name));
        String service = AwsIds.service(source);
        String sourceIdentity = Json.text(identity, "sessionContext", "sourceIdentity");
        String agentType = Json.text(identity, "type");
        String userAgent = Json.text(r, "userAgent");
        boolean console = "AwsConsoleSignIn".equalsIgnoreCase(Json.text(r, "eventType"))
                || "AWSConsole".equals(userAgent) || "signin.amazonaws.com".equals(userAgent);
        DecisionDraft d = new DecisionDraft()
                .id(Json.text(r, "eventID"))
                .time(time)
                .allowed(!denied)
                .agent(principal)
                .credential(AwsIds.key(Json.text(identity, "accessKeyId")))
                .onBehalfOf(sourceIdentity == null ? List.of() : List.of(sourceIdentity))
                .tool(service)
                .action(name)
                .resource(resource(r))
                .scope(service + ":" + name)
                .reason(errorCode == null && errorMessage == null ? null
                        : Json.first(errorCode, "error") + (errorMessage == null ? "" : ": " + errorMessage))
                .interactive(console || "IdentityCenterUser".equals(agentType) ? Boolean.TRUE : null)
                .userAgent(userAgent);
        if (principal == null && d.credential() == null) {
            problems.error(file, line, "userIdentity", agentType, "no principal: userIdentity has no arn, userName,"
                    + " accountId, invokedBy or accessKeyId");
            return;
        }
        if (d.emit(context, file, line) && !denied && errorCode == null && "sts".equals(service) && MINTING.contains(name)) {
            session(context, sessions, file, line, r, principal, time);
        }
    }

    /** The acting principal of a userIdentity block. */
    static String principal(JsonNode id) {
        String type = Json.text(id, "type");
        String arn = Json.text(id, "arn");
        String account = Json.text(id, "accountId");
        if (type == null) {
            return Json.first(arn, Json.text(id, "principalId"));
        }
        return switch (type) {
            case "AssumedRole" -> Json.first(Json.text(id, "sessionContext", "sessionIssuer", "arn"),
                    AwsIds.roleOfSession(arn), arn);
            case "IAMUser" -> Json.first(arn, account != null && Json.text(id, "userName") != null
                    ? "arn:aws:iam::" + account + ":user/" + Json.text(id, "userName") : null);
            case "AWSAccount" -> account == null ? Json.text(id, "principalId") : "aws-account:" + account;
            case "AWSService" -> Json.text(id, "invokedBy") == null ? null : "aws-service:" + Json.text(id, "invokedBy");
            case "IdentityCenterUser" -> {
                String user = Json.text(id, "onBehalfOf", "userId");
                yield user == null ? arn : "identitycenter:" + user;
            }
            default -> Json.first(arn, Json.text(id, "userName") == null ? null : type + ":" + Json.text(id, "userName"),
                    Json.text(id, "principalId"));
        };
    }

    private static String resource(JsonNode r) {
        for (JsonNode res : r.path("resources")) {
            String arn = Json.first(Json.text(res, "ARN"), Json.text(res, "arn"));
            if (arn != null) {
                return arn;
            }
        }
        JsonNode params = r.path("requestParameters");
        for (String p : RESOURCE_PARAMETERS) {
            String v = Json.text(params, p);
            if (v != null) {
                return v;
            }
        }
        return Json.text(params.path("instancesSet").path("items").path(0), "instanceId");
    }

    /** The session STS issued: a jit-lease held by the assumed role (or by the caller for its own session token). */
    private static void session(SourceContext context, ObservedCredentials sessions, String file, long line, JsonNode r,
            String caller, Instant time) {
        JsonNode creds = r.path("responseElements").path("credentials");
        String id = AwsIds.key(Json.text(creds, "accessKeyId"));
        if (id == null) {
            return;
        }
        ObservedCredentials.Entry e = sessions.observe(id, file, line, context.problems());
        if (e == null) {
            return;
        }
        String role = Json.first(AwsIds.roleOfSession(Json.text(r, "responseElements", "assumedRoleUser", "arn")),
                Json.text(r, "requestParameters", "roleArn"));
        String expiration = Json.text(creds, "expiration");
        ObjectNode n = e.node();
        n.put("type", "jit-lease").put("issuer", "aws-sts").put("status", "active");
        Json.put(n, "holders", role != null ? List.of(role) : caller != null ? List.of(caller) : List.of());
        Json.put(n, "createdAt", time);
        Instant expires = SourceTimes.parse(expiration).orElse(null);
        if (expires != null) {
            Json.put(n, "expiresAt", expires);
        } else if (expiration != null) {
            context.problems().warning(file, line, "responseElements.credentials.expiration", expiration,
                    "not a date-time AWS writes; the session's expiry is unknown");
        }
        Json.put(e.attributes(), "assumedBy", caller);
        Json.put(e.attributes(), "roleSessionName", Json.text(r, "requestParameters", "roleSessionName"));
        Json.put(e.attributes(), "sourceIdentity", Json.first(Json.text(r, "requestParameters", "sourceIdentity"),
                Json.text(r, "responseElements", "sourceIdentity")));
        if ("AssumedRole".equals(Json.text(r, "userIdentity", "type"))) {
            e.attributes().put("roleChaining", true);
        }
    }
}
