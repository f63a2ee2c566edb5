package dev.steward.ingest.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.ingest.source.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RBAC rules as grants, written the way audit decisions write their scope: {@code verb:resource[/sub][.group]},
 * {@code verb:resource.group:name} for resourceNames and {@code verb:url:/path} for nonResourceURLs. Wildcards stay
 * wildcards ({@code *:*.*}), so AUT-2 flags them. A role that is referenced but not in the upload is one grant naming
 * it ({@code ClusterRole:edit}); cluster-admin is known to be everything.
 */
final class Rbac {

    private Rbac() {
    }

    static Set<String> grants(JsonNode rules) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode rule : rules) {
            List<String> verbs = Json.texts(rule.path("verbs"));
            List<String> groups = Json.texts(rule.path("apiGroups"));
            if (groups.isEmpty()) {
                groups = List.of("");
            }
            List<String> names = Json.texts(rule.path("resourceNames"));
            for (String verb : verbs) {
                for (String resource : Json.texts(rule.path("resources"))) {
                    for (String group : groups) {
                        String base = verb + ":" + resource + (group.isEmpty() ? "" : "." + group);
                        if (names.isEmpty()) {
                            out.add(base);
                        } else {
                            names.forEach(n -> out.add(base + ":" + n));
                        }
                    }
                }
                for (String url : Json.texts(rule.path("nonResourceURLs"))) {
                    out.add(verb + ":url:" + url);
                }
            }
        }
        return out;
    }

    /** The grants of a role that is not in the upload. */
    static Set<String> unknownRole(String kind, String namespace, String name) {
        if ("ClusterRole".equals(kind) && "cluster-admin".equals(name)) {
            return new LinkedHashSet<>(List.of("*:*.*", "*:url:*"));
        }
        return Set.of(kind + ":" + (namespace == null || "ClusterRole".equals(kind) ? "" : namespace + "/") + name);
    }

    static String key(String kind, String namespace, String name) {
        return "ClusterRole".equals(kind) ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    static String serviceAccount(String namespace, String name) {
        return "system:serviceaccount:" + namespace + ":" + name;
    }
}
