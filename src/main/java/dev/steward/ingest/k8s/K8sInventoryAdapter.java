package dev.steward.ingest.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.RecordMapper;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.source.Json;
import dev.steward.ingest.source.JsonRecords;
import dev.steward.ingest.source.SourceTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kubernetes service accounts and RBAC, from {@code kubectl get ... -o json|yaml} (lists, single objects, several
 * YAML documents), read together in one upload: every ServiceAccount becomes an agent
 * ({@code system:serviceaccount:<ns>:<name>}, the name audit events use) with the grants of the Roles and
 * ClusterRoles bound to it (directly, or through the system:serviceaccounts groups), owner, team and environment from
 * labels or annotations, and its legacy token secrets as never-expiring credentials. A service account named only by
 * a binding is an agent too. Bindings to people and groups are not agents; they are counted in a warning.
 */
@ApplicationScoped
public class K8sInventoryAdapter implements SourceAdapter {

    private static final Set<String> KINDS = Set.of("ServiceAccount", "Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding");
    private static final Pattern DETECT = Pattern.compile("\"kind\"\\s*:\\s*\"(ServiceAccount|Role|ClusterRole|RoleBinding"
            + "|ClusterRoleBinding)(List)?\"|(?m)^[\\s-]*kind:\\s*(ServiceAccount|Role|ClusterRole|RoleBinding"
            + "|ClusterRoleBinding)(List)?\\s*$");

    private final K8sConfig config;

    public K8sInventoryAdapter(K8sConfig config) {
        this.config = config;
    }

    @Override
    public String format() {
        return "k8s";
    }

    @Override
    public Kind kind() {
        return Kind.INVENTORY;
    }

    @Override
    public String expects() {
        return "Kubernetes ServiceAccount, Role, ClusterRole, RoleBinding or ClusterRoleBinding objects or lists"
                + " (kubectl get -o json|yaml)";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public boolean detect(String fileName, String head) {
        return DETECT.matcher(head).find();
    }

    @Override
    public Session open(SourceContext context) {
        return new Cluster(context);
    }

    /** One object waiting for its list's kind. */
    private record Kindless(ObjectNode object, long line) {
    }

    private record Binding(String kind, String namespace, String name, String roleKind, String roleName, JsonNode subjects,
            String file, long line) {
    }

    private record Secret(ObjectNode node, ObjectNode attributes, String file, long line) {
    }

    private record Account(ObjectNode node, ObjectNode attributes, String file, long line, Set<String> grants,
            Set<String> bindings) {
    }

    private final class Cluster implements Session {
        private final SourceContext context;
        private final JsonRecords records;
        private final Map<String, Account> accounts = new LinkedHashMap<>();
        private final Map<String, Set<String>> roles = new LinkedHashMap<>();
        private final List<Binding> bindings = new ArrayList<>();
        private final Map<String, Secret> secrets = new LinkedHashMap<>();
        private boolean sawAccounts;

        Cluster(SourceContext context) {
            this.context = context;
            this.records = new JsonRecords(context.limits(), Set.of("items"));
        }

        @Override
        public void read(String file, InputStream raw) throws IOException {
            BufferedInputStream in = new BufferedInputStream(raw);
            in.mark(1024);
            String start = new String(in.readNBytes(1024), StandardCharsets.UTF_8).stripLeading();
            in.reset();
            boolean yaml = !start.startsWith("{") && !start.startsWith("[");
            List<Kindless> kindless = new ArrayList<>();
            records.read(file, in, yaml, context.problems(), new JsonRecords.Handler() {
                @Override
                public void record(String container, ObjectNode r, long line) {
                    if (Json.text(r, "kind") == null && container != null) {
                        kindless.add(new Kindless(r, line));
                    } else {
                        object(file, Json.text(r, "kind"), r, line);
                    }
                }

                @Override
                public void wrapperFields(ObjectNode fields, long line) {
                    String list = Json.text(fields, "kind");
                    String kind = list != null && list.endsWith("List") ? list.substring(0, list.length() - 4) : null;
                    kindless.forEach(k -> object(file, kind != null && KINDS.contains(kind) ? kind : shape(k.object()),
                            k.object(), k.line()));
                    kindless.clear();
                }
            });
        }

        private void object(String file, String kind, ObjectNode o, long line) {
            JsonNode meta = o.path("metadata");
            String name = Json.text(meta, "name");
            String namespace = Json.text(meta, "namespace");
            if (kind == null || !KINDS.contains(kind)) {
                context.problems().warningOnce(file + "|kind|" + kind, file, line, "kind", kind, "objects other than"
                        + " ServiceAccount, Role, ClusterRole and their bindings are skipped (reported once per kind)");
                return;
            }
            if (name == null) {
                context.problems().error(file, line, "metadata.name", null, "required field missing");
                return;
            }
            switch (kind) {
                case "ServiceAccount" -> serviceAccount(file, line, o, namespace == null ? "default" : namespace, name);
                case "Role", "ClusterRole" -> roles.put(Rbac.key(kind, namespace, name), Rbac.grants(o.path("rules")));
                default -> bindings.add(new Binding(kind, namespace, name, Json.text(o, "roleRef", "kind"),
                        Json.text(o, "roleRef", "name"), o.path("subjects"), file, line));
            }
        }

        private void serviceAccount(String file, long line, JsonNode o, String namespace, String name) {
            sawAccounts = true;
            Account a = account(namespace, name, file, line);
            JsonNode meta = o.path("metadata");
            SourceTimes.parse(meta.path("creationTimestamp")).ifPresent(t -> Json.put(a.node(), "createdAt", t));
            Map<String, String> marks = new LinkedHashMap<>();
            meta.path("annotations").fields().forEachRemaining(e -> marks.put(e.getKey(), e.getValue().asText()));
            meta.path("labels").fields().forEachRemaining(e -> marks.put(e.getKey(), e.getValue().asText()));
            Json.put(a.node(), "owner", first(marks, config.ownerKeys()));
            Json.put(a.node(), "environment", first(marks, config.environmentKeys()));
            Json.put(a.node(), "team", first(marks, config.teamKeys()));
            Json.copy(a.attributes(), "labels", meta.path("labels"));
            Json.put(a.attributes(), "uid", Json.text(meta, "uid"));
            Json.put(a.attributes(), "awsRoleArn", marks.get("eks.amazonaws.com/role-arn"));
            Json.put(a.attributes(), "gcpServiceAccount", marks.get("iam.gke.io/gcp-service-account"));
            Json.put(a.attributes(), "azureClientId", marks.get("azure.workload.identity/client-id"));
            Json.copy(a.attributes(), "automountServiceAccountToken", o.path("automountServiceAccountToken"));
            for (JsonNode s : o.path("secrets")) {
                String secret = Json.text(s, "name");
                if (secret != null) {
                    ObjectNode c = Json.object().put("id", "k8s-secret:" + namespace + "/" + secret).put("type", "token")
                            .put("issuer", "kubernetes").put("storage", "unknown").put("status", "active")
                            .put("location", "secret " + namespace + "/" + secret);
                    Json.put(c, "holders", List.of(Json.text(a.node(), "id")));
                    secrets.putIfAbsent(Json.text(c, "id"), new Secret(c,
                            Json.object().put("legacyServiceAccountToken", true), file, line));
                }
            }
        }

        private Account account(String namespace, String name, String file, long line) {
            String id = Rbac.serviceAccount(namespace, name);
            return accounts.computeIfAbsent(id, k -> {
                ObjectNode n = Json.object().put("id", k).put("name", name).put("status", "active");
                n.putObject("identity").put("type", "oidc").put("id", k);
                return new Account(n, Json.object().put("namespace", namespace), file, line, new LinkedHashSet<>(),
                        new LinkedHashSet<>());
            });
        }

        @Override
        public void finish() {
            long people = 0;
            for (Binding b : bindings) {
                Set<String> grants = roles.getOrDefault(Rbac.key(b.roleKind(), b.namespace(), b.roleName()),
                        Rbac.unknownRole(b.roleKind(), b.namespace(), b.roleName()));
                String via = b.kind() + "/" + (b.namespace() == null ? "" : b.namespace() + "/") + b.name() + " -> "
                        + b.roleKind() + "/" + b.roleName();
                for (JsonNode s : b.subjects()) {
                    List<Account> targets = subjects(s, b);
                    if (targets.isEmpty()) {
                        people++;
                    }
                    targets.forEach(a -> {
                        a.grants().addAll(grants);
                        a.bindings().add(via);
                    });
                }
            }
            if (people > 0) {
                context.problems().warning(bindings.get(0).file(), 0, "subjects", null, people + " binding subjects are"
                        + " users or groups, not service accounts: they are not agents and are not stored");
            }
            if (sawAccounts || !accounts.isEmpty()) {
                context.section(RecordMapper.Section.AGENTS);
            }
            for (Account a : accounts.values()) {
                Json.put(a.node(), "grants", a.grants());
                if (!a.bindings().isEmpty()) {
                    Json.put(a.attributes(), "bindings", a.bindings());
                }
                context.record(RecordMapper.Section.AGENTS, a.node(), a.attributes(), a.file(), a.line());
            }
            secrets.values().forEach(c -> context.record(RecordMapper.Section.CREDENTIALS, c.node(), c.attributes(),
                    c.file(), c.line()));
            context.proposeScope(context.sourceOption() == null ? "k8s" : "k8s:" + context.sourceOption());
        }

        /** The service accounts a binding subject names: one, or all of a namespace, or all. */
        private List<Account> subjects(JsonNode s, Binding b) {
            String kind = Json.text(s, "kind");
            String name = Json.text(s, "name");
            if ("ServiceAccount".equals(kind) && name != null) {
                String ns = Json.first(Json.text(s, "namespace"), b.namespace(), "default");
                return List.of(account(ns, name, b.file(), b.line()));
            }
            if ("Group".equals(kind) && "system:serviceaccounts".equals(name)) {
                return List.copyOf(accounts.values());
            }
            if ("Group".equals(kind) && name != null && name.startsWith("system:serviceaccounts:")) {
                String ns = name.substring("system:serviceaccounts:".length());
                return accounts.values().stream().filter(a -> ns.equals(Json.text(a.attributes(), "namespace"))).toList();
            }
            return List.of();
        }
    }

    /** The kind of a list item that does not say it. */
    private static String shape(JsonNode o) {
        if (o.has("roleRef")) {
            return o.path("metadata").has("namespace") ? "RoleBinding" : "ClusterRoleBinding";
        }
        if (o.has("rules") || o.has("aggregationRule")) {
            return o.path("metadata").has("namespace") ? "Role" : "ClusterRole";
        }
        return o.has("secrets") || o.has("automountServiceAccountToken") || o.has("imagePullSecrets")
                ? "ServiceAccount" : null;
    }

    private static String first(Map<String, String> marks, List<String> keys) {
        return keys.stream().map(marks::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }
}
