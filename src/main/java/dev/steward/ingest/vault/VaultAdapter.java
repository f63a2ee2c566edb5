package dev.steward.ingest.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.source.DecisionDraft;
import dev.steward.ingest.source.Json;
import dev.steward.ingest.source.JsonRecords;
import dev.steward.ingest.source.ObservedCredentials;
import dev.steward.ingest.source.SourceTimes;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HashiCorp Vault audit device logs (file, socket or syslog device, JSON format: one entry per line; also pretty
 * entries one after the other). A request and its response share request.id and make one decision, decided when the
 * response arrives (or from the request alone at the end): "permission denied" in error is a deny. HMAC'd values
 * stay opaque ids (the token accessor is the credential). The principal is named by {@link VaultConfig#principal}.
 * Tokens seen in use become credentials with their TTL, issue time and policies as scopes; tokens a response issues
 * (login, token/create) become credentials too. Vault Enterprise KMIP entries are skipped.
 */
@ApplicationScoped
@Startup
public class VaultAdapter implements SourceAdapter {

    static final String HMAC = "hmac-sha256:";
    private static final Pattern DENIED = Pattern.compile("(?i)permission denied");
    private static final Pattern DETECT_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(request|response)\"");
    private static final Pattern DETECT_REQUEST = Pattern.compile("\"request\"\\s*:\\s*\\{");

    private final VaultConfig config;

    public VaultAdapter(VaultConfig config) {
        this.config = config;
        if (!Set.of("auto", "display-name", "entity-id").contains(config.principal())) {
            throw new IllegalArgumentException("steward.sources.vault.principal: '" + config.principal()
                    + "' is not one of auto, display-name, entity-id");
        }
    }

    @Override
    public String format() {
        return "vault";
    }

    @Override
    public Kind kind() {
        return Kind.DECISIONS;
    }

    @Override
    public String expects() {
        return "Vault audit log (JSON entries with type request|response, auth, request{id, operation, path}, error)";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean detect(String fileName, String head) {
        return DETECT_TYPE.matcher(head).find() && DETECT_REQUEST.matcher(head).find()
                && (head.contains("\"client_token") || head.contains("\"operation\"") || head.contains("\"mount_type\""));
    }

    @Override
    public Session open(SourceContext context) {
        return new VaultSession(context);
    }

    /** A request waiting for its response. */
    private record Pending(DecisionDraft draft, String file, long line) {
    }

    private final class VaultSession implements Session {
        private final SourceContext context;
        private final JsonRecords records;
        private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
        private final ObservedCredentials tokens;

        VaultSession(SourceContext context) {
            this.context = context;
            this.records = new JsonRecords(context.limits(), Set.of());
            this.tokens = new ObservedCredentials(config.maxTokens());
        }

        @Override
        public void read(String file, InputStream in) throws IOException {
            records.read(file, in, false, context.problems(), (container, entry, line) -> entry(file, entry, line));
        }

        @Override
        public void finish() {
            for (Pending p : pending.values()) {
                p.draft().emit(context, p.file(), p.line());
            }
            pending.clear();
            tokens.deliver(context);
        }

        private void entry(String file, ObjectNode entry, long line) {
            var problems = context.problems();
            String type = Json.text(entry, "type");
            if (!"request".equals(type) && !"response".equals(type)) {
                problems.warningOnce(file + "|type|" + type, file, line, "type", type,
                        "only request and response entries are read; others are skipped (reported once per type)");
                return;
            }
            Instant time = SourceTimes.parse(entry.path("time")).orElse(null);
            if (time == null) {
                problems.error(file, line, "time", Json.text(entry, "time"), Json.text(entry, "time") == null
                        ? "required field missing" : "not an RFC 3339 date-time");
                return;
            }
            JsonNode auth = entry.path("auth");
            JsonNode request = entry.path("request");
            String principal = principal(auth);
            String credential = credential(file, line, auth, request, time);
            observeInUse(file, line, auth, principal, credential, time);
            if ("response".equals(type)) {
                issued(file, line, entry, principal, time);
                lookupSelf(file, line, entry, credential, principal, time);
            }
            DecisionDraft d = draft(entry, time, principal, credential);
            if (principal == null && credential == null) {
                problems.warningOnce(file + "|anonymous", file, line, "auth", null,
                        "requests without a token (unauthenticated endpoints, failed logins) name no principal and"
                                + " are skipped (reported once per file)");
                return;
            }
            String id = Json.text(request, "id");
            if (id == null) {
                d.emit(context, file, line);
            } else if ("request".equals(type)) {
                pending.put(id, new Pending(d, file, line));
                if (pending.size() > config.maxPendingRequests()) {
                    Iterator<Pending> oldest = pending.values().iterator();
                    Pending p = oldest.next();
                    oldest.remove();
                    p.draft().emit(context, p.file(), p.line());
                }
            } else {
                Pending p = pending.remove(id);
                d.emit(context, p != null ? p.file() : file, p != null ? p.line() : line);
            }
        }

        private DecisionDraft draft(JsonNode entry, Instant time, String principal, String credential) {
            JsonNode request = entry.path("request");
            String error = Json.text(entry, "error");
            String namespace = Json.text(request, "namespace", "path");
            String path = Json.text(request, "path");
            String displayName = Json.text(entry, "auth", "display_name");
            String userAgent = Json.text(request.path("headers").path("user-agent").path(0));
            return new DecisionDraft()
                    .id(Json.text(request, "id"))
                    .time(time)
                    .allowed(error == null || !DENIED.matcher(error).find())
                    .agent(principal)
                    .credential(credential)
                    .tool("vault")
                    .action(Json.text(request, "operation"))
                    .resource(path == null ? null : namespace == null ? path : namespace + path)
                    .policy(grantingPolicies(entry.path("auth")))
                    .reason(error == null ? null : error.replaceAll("\\s+", " ").trim())
                    .interactive(human(displayName) ? Boolean.TRUE : null)
                    .userAgent(userAgent == null || userAgent.startsWith(HMAC) ? null : userAgent);
        }

        /** The caller's token: its accessor, else its HMAC; a token written in clear is a secret, never an id. */
        private String credential(String file, long line, JsonNode auth, JsonNode request, Instant time) {
            String accessor = Json.first(Json.text(auth, "accessor"), Json.text(request, "client_token_accessor"));
            String token = Json.first(Json.text(auth, "client_token"), Json.text(request, "client_token"));
            if (token != null && !token.startsWith(HMAC)) {
                context.problems().warning(file, line, "auth.client_token", "[REDACTED:vault-token]",
                        "a Vault token is logged in clear (log_raw or hmac_accessor off): redacted, never stored; the"
                                + " token is treated as exposed");
                context.decisionSink().secret(accessor, null, "vault-token", "auth.client_token", time, file, line);
                token = null;
            }
            return accessor != null ? accessor : token;
        }

        /** A token seen in use, with its TTL, issue time and policies (policies are what the token may do). */
        private void observeInUse(String file, long line, JsonNode auth, String principal, String credential,
                Instant time) {
            if (credential == null || !auth.path("token_ttl").canConvertToLong()) {
                return;
            }
            ObservedCredentials.Entry e = token(file, line, credential, auth, principal);
            if (e == null) {
                return;
            }
            Instant issued = SourceTimes.parse(auth.path("token_issue_time")).orElse(null);
            long ttl = auth.path("token_ttl").asLong();
            if (issued != null && !e.node().has("createdAt")) {
                Json.put(e.node(), "createdAt", issued);
                if (ttl > 0) {
                    Json.put(e.node(), "expiresAt", issued.plusSeconds(ttl));
                }
            }
            if (ttl > 0) {
                e.node().put("ttlSeconds", ttl);
            }
            e.later("lastUsedAt", time);
        }

        /** A token a response issued (login, token/create): not the caller's own token being renewed. */
        private void issued(String file, long line, JsonNode entry, String caller, Instant time) {
            JsonNode minted = entry.path("response").path("auth");
            String accessor = Json.text(minted, "accessor");
            String id = accessor != null ? accessor : hmacOnly(Json.text(minted, "client_token"));
            if (id == null || id.equals(Json.text(entry, "auth", "accessor"))
                    || id.equals(Json.text(entry, "request", "client_token_accessor"))) {
                return;
            }
            String holder = principal(minted);
            ObservedCredentials.Entry e = token(file, line, id, minted, holder != null ? holder : caller);
            if (e == null) {
                return;
            }
            Json.put(e.node(), "createdAt", time);
            long ttl = minted.path("token_ttl").asLong(minted.path("lease_duration").asLong(0));
            if (ttl > 0) {
                e.node().put("ttlSeconds", ttl);
                Json.put(e.node(), "expiresAt", time.plusSeconds(ttl));
            }
            Json.put(e.node(), "location", Json.text(entry, "request", "path"));
            e.attributes().put("issuedInLog", true);
            Json.put(e.attributes(), "issuedBy", caller);
        }

        /** auth/token/lookup-self answers with the caller token's issue and expiry times. */
        private void lookupSelf(String file, long line, JsonNode entry, String credential, String principal,
                Instant time) {
            String path = Json.text(entry, "request", "path");
            JsonNode data = entry.path("response").path("data");
            if (credential == null || path == null || !path.endsWith("token/lookup-self") || !data.isObject()) {
                return;
            }
            ObservedCredentials.Entry e = token(file, line, credential, entry.path("auth"), principal);
            if (e == null) {
                return;
            }
            SourceTimes.parse(data.path("issue_time")).ifPresent(t -> Json.put(e.node(), "createdAt", t));
            SourceTimes.parse(data.path("expire_time")).ifPresent(t -> Json.put(e.node(), "expiresAt", t));
            if (data.path("creation_ttl").asLong(0) > 0) {
                e.node().put("ttlSeconds", data.path("creation_ttl").asLong());
            }
            e.later("lastUsedAt", time);
        }

        private ObservedCredentials.Entry token(String file, long line, String id, JsonNode auth, String holder) {
            ObservedCredentials.Entry e = tokens.get(id);
            if (e != null) {
                return e;
            }
            e = tokens.observe(id, file, line, context.problems());
            if (e == null) {
                return null;
            }
            ObjectNode n = e.node();
            n.put("type", "token").put("issuer", "vault").put("status", "active");
            Json.put(n, "holders", holder == null ? java.util.List.of() : java.util.List.of(holder));
            Json.put(n, "scopes", policies(auth));
            Json.put(e.attributes(), "tokenType", Json.text(auth, "token_type"));
            Json.put(e.attributes(), "displayName", Json.text(auth, "display_name"));
            Json.put(e.attributes(), "entityId", Json.text(auth, "entity_id"));
            return e;
        }
    }

    /** The principal of an auth block, per {@link VaultConfig#principal}; null when it names none. */
    String principal(JsonNode auth) {
        String display = Json.text(auth, "display_name");
        String entity = Json.text(auth, "entity_id");
        String entityId = entity == null ? null : "entity:" + entity;
        switch (config.principal()) {
            case "display-name" -> {
                return display;
            }
            case "entity-id" -> {
                return Json.first(entityId, display);
            }
            default -> {
                JsonNode meta = auth.path("metadata");
                String role = Json.text(meta, "role_name");
                if (role != null && !role.startsWith(HMAC)) {
                    return "approle:" + role;
                }
                String ns = Json.text(meta, "service_account_namespace");
                String sa = Json.text(meta, "service_account_name");
                if (ns != null && sa != null && !sa.startsWith(HMAC)) {
                    return "system:serviceaccount:" + ns + ":" + sa;
                }
                if (display != null && !display.equals("token") && !display.startsWith(HMAC)) {
                    return display;
                }
                return entityId;
            }
        }
    }

    private boolean human(String displayName) {
        return displayName != null && config.humanAuthPrefixes().stream().anyMatch(displayName::startsWith);
    }

    /** Token, identity and namespace policies: what the token may do. */
    private static Set<String> policies(JsonNode auth) {
        Set<String> out = new LinkedHashSet<>(Json.texts(auth.path("token_policies")));
        out.addAll(Json.texts(auth.path("identity_policies")));
        if (out.isEmpty()) {
            out.addAll(Json.texts(auth.path("policies")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = auth.path("external_namespace_policies").fields(); it.hasNext(); ) {
            var ns = it.next();
            Json.texts(ns.getValue()).forEach(p -> out.add(ns.getKey() + "/" + p));
        }
        out.removeIf(p -> p.startsWith(HMAC));
        return out;
    }

    /** policy_results.granting_policies (Vault 1.15+): the policies that allowed the request. */
    private static String grantingPolicies(JsonNode auth) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode p : auth.path("policy_results").path("granting_policies")) {
            String name = Json.text(p, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static String hmacOnly(String token) {
        return token != null && token.startsWith(HMAC) ? token : null;
    }
}
