package dev.steward.ingest.agentcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.RecordMapper;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.source.Json;
import dev.steward.ingest.source.JsonRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Declared agents and tools: A2A AgentCards (v0.3 and v1.0: url or supportedInterfaces, securitySchemes in either
 * shape, skills), MCP server.json manifests (2025-07 and 2025-12 shapes, also the registry's {@code servers} list)
 * and MCP tools/list responses. A card's skills are its declared tools (AUT-6); its strongest declared auth scheme is
 * its identity type (IDN-1: mutualTLS → mtls, OpenID Connect or OAuth 2 → oidc, API key or bearer → api-key, basic
 * → shared-secret, none → none). An MCP server's secret environment variables and headers become credentials (an
 * environment variable is env-var storage, which CRD-3 fails).
 */
@ApplicationScoped
public class AgentCardAdapter implements SourceAdapter {

    private static final Pattern A2A = Pattern.compile("\"skills\"\\s*:\\s*\\[");
    private static final Pattern A2A_URL = Pattern.compile("\"url\"\\s*:\\s*\"|\"supportedInterfaces\"\\s*:\\s*\\[");
    private static final Pattern MCP = Pattern.compile("\"(packages|remotes)\"\\s*:\\s*\\[");
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"");
    private static final Pattern TOOLS_LIST = Pattern.compile("\"jsonrpc\"[\\s\\S]*\"tools\"\\s*:\\s*\\[");

    private final AgentCardConfig config;

    public AgentCardAdapter(AgentCardConfig config) {
        this.config = config;
    }

    @Override
    public String format() {
        return "agent-card";
    }

    @Override
    public Kind kind() {
        return Kind.INVENTORY;
    }

    @Override
    public String expects() {
        return "A2A AgentCard (name, url or supportedInterfaces, skills), MCP server.json (name, packages or remotes) or"
                + " an MCP tools/list response";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public boolean detect(String fileName, String head) {
        return A2A.matcher(head).find() && A2A_URL.matcher(head).find()
                || MCP.matcher(head).find() && NAME.matcher(head).find() || TOOLS_LIST.matcher(head).find();
    }

    @Override
    public Session open(SourceContext context) {
        JsonRecords records = new JsonRecords(context.limits(), Set.of("servers"));
        Declarations declared = new Declarations();
        return new Session() {
            @Override
            public void read(String file, InputStream in) throws IOException {
                context.section(RecordMapper.Section.AGENTS);
                records.read(file, in, false, context.problems(), (container, r, line) -> record(context, declared, file, r,
                        line));
            }

            @Override
            public void finish() {
                List<String> ids = declared.agentIds();
                declared.deliver(context);
                context.proposeScope(ids.size() == 1 ? "agent-card:" + ids.get(0) : "agent-cards");
            }
        };
    }

    /** Maps one card, manifest or tools/list response. */
    void record(SourceContext context, Declarations declared, String file, ObjectNode r, long line) {
        JsonNode server = r.has("server") && r.path("server").isObject() ? r.path("server") : r;
        if (r.has("skills")) {
            a2a(context, declared, file, r, line);
            return;
        }
        if (server.has("packages") || server.has("remotes")) {
            McpServers.server(context, declared, file, server, line);
            return;
        }
        if (r.path("result").path("tools").isArray()) {
            McpServers.toolsList(context, declared, file, r, line);
            return;
        }
        context.problems().error(file, line, null, Json.text(r, "method"), "not an A2A AgentCard, an MCP server.json"
                + " or an MCP tools/list response" + (r.has("method") ? " (an MCP request is a protocol message, not a"
                        + " declaration)" : ""));
    }

    private void a2a(SourceContext context, Declarations declared, String file, JsonNode card, long line) {
        List<String> urls = new ArrayList<>();
        Json.texts(card.path("url")).forEach(urls::add);
        for (JsonNode i : card.path("supportedInterfaces")) {
            urls.addAll(Json.texts(i.path("url")));
        }
        for (JsonNode i : card.path("additionalInterfaces")) {
            urls.addAll(Json.texts(i.path("url")));
        }
        String name = Json.text(card, "name");
        String id = urls.isEmpty() ? name : urls.get(0);
        if (id == null) {
            context.problems().error(file, line, "url", null, "an AgentCard needs a url (or supportedInterfaces) or a name");
            return;
        }
        ObjectNode agent = Json.object().put("id", id).put("status", "active");
        Json.put(agent, "name", name);
        String provider = Json.text(card, "provider", "organization");
        boolean own = provider != null && config.ownOrganizations().orElse(List.of()).stream()
                .anyMatch(o -> o.equalsIgnoreCase(provider));
        Json.put(agent, "vendor", own ? null : provider);
        List<String> skills = new ArrayList<>();
        card.path("skills").forEach(s -> {
            String skill = Json.first(Json.text(s, "id"), Json.text(s, "name"));
            if (skill != null) {
                skills.add(skill);
            }
        });
        Json.put(agent, "tools", skills);
        ObjectNode attributes = Json.object().put("kind", "a2a-agent");
        ObjectNode schemes = attributes.putObject("securitySchemes");
        card.path("securitySchemes").fields().forEachRemaining(e -> schemes.put(e.getKey(), scheme(e.getValue())));
        agent.putObject("identity").put("type", identity(card, schemes)).put("id", id);
        Json.put(attributes, "version", Json.text(card, "version"));
        Json.put(attributes, "protocolVersion", Json.first(Json.text(card, "protocolVersion"),
                Json.text(card.path("supportedInterfaces").path(0), "protocolVersion")));
        Json.put(attributes, "interfaces", urls);
        Json.copy(attributes, "security", card.path("security"));
        Json.copy(attributes, "capabilities", card.path("capabilities"));
        Json.put(attributes, "documentationUrl", Json.text(card, "documentationUrl"));
        attributes.put("signed", card.path("signatures").size() > 0);
        declared.add(context, RecordMapper.Section.AGENTS, agent, attributes, file, line);
    }

    /** The scheme kind of one securitySchemes value, v0.3 ({type: ...}) or v1 ({xxxSecurityScheme: {...}}). */
    static String scheme(JsonNode s) {
        String type = Json.text(s, "type");
        if (type == null && s.isObject() && s.size() == 1) {
            type = s.fieldNames().next().replace("SecurityScheme", "");
            s = s.elements().next();
        }
        String t = type == null ? "unknown" : type.toLowerCase(Locale.ROOT);
        if (t.equals("http") || t.equals("httpauth")) {
            String scheme = Json.text(s, "scheme");
            return "http-" + (scheme == null ? "bearer" : scheme.toLowerCase(Locale.ROOT));
        }
        return t;
    }

    /** The strongest scheme the card requires (or declares, when it states no requirement), as an identity type. */
    static String identity(JsonNode card, ObjectNode schemes) {
        Set<String> required = new java.util.LinkedHashSet<>();
        card.path("security").forEach(req -> req.fieldNames().forEachRemaining(required::add));
        List<String> kinds = new ArrayList<>();
        schemes.fields().forEachRemaining(e -> {
            if (required.isEmpty() || required.contains(e.getKey())) {
                kinds.add(e.getValue().asText());
            }
        });
        for (String[] rank : new String[][] {{"mutualtls", "mtls"}, {"mtls", "mtls"}, {"openidconnect", "oidc"},
                {"oauth2", "oidc"}, {"apikey", "api-key"}, {"http-bearer", "api-key"}, {"http-basic", "shared-secret"}}) {
            if (kinds.contains(rank[0])) {
                return rank[1];
            }
        }
        return kinds.isEmpty() ? "none" : "api-key";
    }
}
