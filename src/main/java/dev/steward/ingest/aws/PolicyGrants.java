package dev.steward.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.ingest.source.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IAM policy documents as grants: the actions of every Allow statement ({@code s3:GetObject}, {@code s3:*},
 * {@code *}); an Allow with NotAction grants everything but those actions and becomes {@code * except ...} (a
 * wildcard, as AUT-2 should see it). Deny statements narrow access and add no grant. Documents may be objects or the
 * URL-encoded JSON text the raw API returns. Trust policies give the principals that may assume a role.
 */
final class PolicyGrants {

    /** AWS managed policies whose documents are not in an export but whose meaning is well known. */
    static final Map<String, String> WELL_KNOWN = Map.of("AdministratorAccess", "*", "PowerUserAccess",
            "* except iam:*,organizations:*,account:*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyGrants() {
    }

    /** The grants of one policy document. */
    static Set<String> of(JsonNode document) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode s : statements(parse(document))) {
            if (!"Allow".equalsIgnoreCase(Json.text(s, "Effect"))) {
                continue;
            }
            out.addAll(Json.texts(s.path("Action")));
            List<String> not = Json.texts(s.path("NotAction"));
            if (!not.isEmpty()) {
                out.add("* except " + String.join(",", not));
            }
        }
        return out;
    }

    /** Who may assume a role: AWS:arn, Service:name, Federated:provider; "*" stays "*". */
    static List<String> trusted(JsonNode trustPolicy) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : statements(parse(trustPolicy))) {
            if (!"Allow".equalsIgnoreCase(Json.text(s, "Effect"))) {
                continue;
            }
            JsonNode principal = s.path("Principal");
            if (principal.isTextual()) {
                out.add(principal.asText());
                continue;
            }
            principal.fields().forEachRemaining(e -> Json.texts(e.getValue())
                    .forEach(v -> out.add("*".equals(v) ? "*" : e.getKey() + ":" + v)));
        }
        return out;
    }

    /** Whether any Allow statement of the trust policy lets anyone assume the role without a condition. */
    static boolean anyone(JsonNode trustPolicy) {
        for (JsonNode s : statements(parse(trustPolicy))) {
            JsonNode p = s.path("Principal");
            boolean star = p.isTextual() && "*".equals(p.asText()) || Json.texts(p.path("AWS")).contains("*");
            if ("Allow".equalsIgnoreCase(Json.text(s, "Effect")) && star && s.path("Condition").isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> statements(JsonNode document) {
        JsonNode s = document.path("Statement");
        List<JsonNode> out = new ArrayList<>();
        if (s.isArray()) {
            s.forEach(out::add);
        } else if (s.isObject()) {
            out.add(s);
        }
        return out;
    }

    private static JsonNode parse(JsonNode document) {
        if (document == null || !document.isTextual()) {
            return document == null ? JSON.createObjectNode() : document;
        }
        String text = document.asText();
        try {
            return JSON.readTree(text.trim().startsWith("{") ? text : URLDecoder.decode(text, StandardCharsets.UTF_8));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return JSON.createObjectNode();
        }
    }
}
