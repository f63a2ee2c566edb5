package dev.steward.ingest.agentcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.RecordMapper;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.source.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MCP declarations: a server.json manifest (packages with environment variables, remotes with headers; snake_case
 * 2025-07 and camelCase 2025-12 names) becomes an agent of kind mcp-server with its secret inputs as credentials; a
 * tools/list response becomes the declared tools of the server the upload names (--source) or of the file.
 */
final class McpServers {

    /** A declared secret input: the credential and the attributes kept with it. */
    private record Secret(ObjectNode node, ObjectNode attributes) {
    }

    private McpServers() {
    }

    static void server(SourceContext context, Declarations declared, String file, JsonNode s, long line) {
        String id = Json.text(s, "name");
        if (id == null) {
            context.problems().error(file, line, "name", null, "an MCP server.json needs a name");
            return;
        }
        ObjectNode agent = Json.object().put("id", id).put("status", "active");
        Json.put(agent, "name", Json.first(Json.text(s, "title"), id));
        ObjectNode attributes = Json.object().put("kind", "mcp-server");
        Json.put(attributes, "version", Json.first(Json.text(s, "version"), Json.text(s, "version_detail", "version")));
        Json.put(attributes, "repository", Json.text(s, "repository", "url"));
        Map<String, Secret> secrets = new LinkedHashMap<>();
        List<String> packages = new ArrayList<>();
        for (JsonNode p : s.path("packages")) {
            String registry = Json.first(Json.text(p, "registryType"), Json.text(p, "registry_name"));
            String name = Json.first(Json.text(p, "identifier"), Json.text(p, "name"));
            String where = registry + ":" + name;
            packages.add(where + (Json.text(p, "version") == null ? "" : "@" + Json.text(p, "version")));
            for (JsonNode v : p.has("environmentVariables") ? p.path("environmentVariables") : p.path("environment_variables")) {
                if (flag(v, "isSecret", "is_secret") && Json.text(v, "name") != null) {
                    String var = Json.text(v, "name");
                    secrets.putIfAbsent("env:" + var, secret(id + "#env:" + var, type(var), id, "env-var",
                            "env:" + var + " of " + where, flag(v, "isRequired", "is_required")));
                }
            }
        }
        List<String> remotes = new ArrayList<>();
        for (JsonNode r : s.path("remotes")) {
            String url = Json.text(r, "url");
            remotes.add(Json.first(Json.text(r, "type"), Json.text(r, "transport_type"), "remote") + " " + url);
            for (JsonNode h : r.path("headers")) {
                if (flag(h, "isSecret", "is_secret") && Json.text(h, "name") != null) {
                    String header = Json.text(h, "name");
                    secrets.putIfAbsent("header:" + header, secret(id + "#header:" + header,
                            header.equalsIgnoreCase("Authorization") ? "token" : "api-key", id, "unknown",
                            "header " + header + " of " + url, flag(h, "isRequired", "is_required")));
                }
            }
        }
        Json.put(attributes, "packages", packages);
        Json.put(attributes, "remotes", remotes);
        agent.putObject("identity").put("type", secrets.isEmpty() ? "none" : "api-key").put("id", id);
        Json.put(agent, "tools", List.of());
        declared.add(context, RecordMapper.Section.AGENTS, agent, attributes, file, line);
        secrets.values().forEach(c -> declared.add(context, RecordMapper.Section.CREDENTIALS, c.node(), c.attributes(),
                file, line));
    }

    static void toolsList(SourceContext context, Declarations declared, String file, JsonNode r, long line) {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        String id = context.sourceOption() != null ? context.sourceOption()
                : "mcp-server:" + (base.contains(".") ? base.substring(0, base.indexOf('.')) : base);
        if (context.sourceOption() == null) {
            context.problems().warning(file, line, "source", id, "a tools/list response does not name its server: the"
                    + " file name is used; pass --source <server name> to name it");
        }
        List<String> tools = new ArrayList<>();
        r.path("result").path("tools").forEach(t -> tools.addAll(Json.texts(t.path("name"))));
        ObjectNode agent = Json.object().put("id", id).put("status", "active");
        Json.put(agent, "tools", tools);
        ObjectNode attributes = Json.object().put("kind", "mcp-server");
        Json.put(attributes, "nextCursor", Json.text(r, "result", "nextCursor"));
        if (Json.text(r, "result", "nextCursor") != null) {
            context.problems().warning(file, line, "result.nextCursor", Json.text(r, "result", "nextCursor"),
                    "the list has more pages: upload every page together so all declared tools are known");
        }
        declared.add(context, RecordMapper.Section.AGENTS, agent, attributes, file, line);
    }

    private static Secret secret(String id, String type, String holder, String storage, String location,
            boolean required) {
        ObjectNode c = Json.object().put("id", id).put("type", type).put("storage", storage).put("location", location)
                .put("status", "active");
        Json.put(c, "holders", List.of(holder));
        return new Secret(c, Json.object().put("declaredBy", "mcp-server.json").put("required", required));
    }

    private static String type(String variable) {
        String v = variable.toUpperCase(Locale.ROOT);
        return v.contains("PASSWORD") || v.contains("PASSWD") ? "password" : v.contains("TOKEN") ? "token" : "api-key";
    }

    private static boolean flag(JsonNode n, String camel, String snake) {
        return n.path(camel).asBoolean(false) || n.path(snake).asBoolean(false);
    }
}
