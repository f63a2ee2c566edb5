package dev.steward.ingest.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.ingest.Problem;
import dev.steward.ingest.RecordMapper;
import dev.steward.testing.SourceConfigs;
import dev.steward.testing.SourceHarness;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kubernetes service accounts and RBAC: grants through bindings, wildcards, legacy tokens, list shapes. */
class K8sInventoryAdapterTest {

    private final K8sInventoryAdapter k8s = new K8sInventoryAdapter(SourceConfigs.k8s());

    private static final String RBAC_YAML = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: agent-everything
            rules:
            - apiGroups: ["*"]
              resources: ["*"]
              verbs: ["*"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: config-reader
              namespace: pay
            rules:
            - apiGroups: [""]
              resources: ["configmaps"]
              resourceNames: ["invoice-config"]
              verbs: ["get"]
            - nonResourceURLs: ["/healthz"]
              verbs: ["get"]
            ---
            kind: ClusterRoleBinding
            metadata:
              name: bot-everything
            roleRef: {kind: ClusterRole, name: agent-everything}
            subjects:
            - {kind: ServiceAccount, name: invoice-bot, namespace: pay}
            - {kind: User, name: ana@example.com}
            ---
            kind: RoleBinding
            metadata: {name: readers, namespace: pay}
            roleRef: {kind: Role, name: config-reader}
            subjects:
            - {kind: Group, name: "system:serviceaccounts:pay"}
            ---
            kind: RoleBinding
            metadata: {name: editors, namespace: ops}
            roleRef: {kind: ClusterRole, name: edit}
            subjects:
            - {kind: ServiceAccount, name: deployer}
            ---
            kind: ClusterRoleBinding
            metadata: {name: root-ish}
            roleRef: {kind: ClusterRole, name: cluster-admin}
            subjects:
            - {kind: ServiceAccount, name: deployer, namespace: ops}
            """;

    private static final String ACCOUNTS = """
            {"kind":"ServiceAccountList","apiVersion":"v1","items":[
             {"metadata":{"name":"invoice-bot","namespace":"pay","uid":"u1","creationTimestamp":"2026-01-10T00:00:00Z",
               "labels":{"team":"payments","environment":"prod"},
               "annotations":{"steward.dev/owner":"p-ana","eks.amazonaws.com/role-arn":"arn:aws:iam::1:role/invoice"}},
              "secrets":[{"name":"invoice-bot-token-x7k2p"}]},
             {"metadata":{"name":"default","namespace":"pay"}}
            ]}
            """;

    @Test
    void serviceAccountsGetTheGrantsOfTheirBindingsWithWildcardsKept() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rbac.yaml", RBAC_YAML);
        files.put("serviceaccounts.json", ACCOUNTS);
        SourceHarness h = new SourceHarness("prod-eu").run(k8s, files);

        assertThat(h.errors()).isEmpty();
        assertThat(h.scope).isEqualTo("k8s:prod-eu");
        assertThat(h.sections).contains(RecordMapper.Section.AGENTS, RecordMapper.Section.CREDENTIALS);
        AgentRecord bot = h.agent("system:serviceaccount:pay:invoice-bot");
        assertThat(bot.grants()).containsExactly("*:*.*", "get:configmaps:invoice-config", "get:url:/healthz");
        assertThat(bot.owner()).isEqualTo("p-ana");
        assertThat(bot.team()).isEqualTo("payments");
        assertThat(bot.environment()).isEqualTo("prod");
        assertThat(bot.identityType()).isEqualTo("oidc");
        assertThat(bot.createdAt()).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
        assertThat(bot.source().file()).isEqualTo("serviceaccounts.json");
        assertThat(h.attributes.get(bot.id())).contains("\"awsRoleArn\":\"arn:aws:iam::1:role/invoice\"")
                .contains("ClusterRoleBinding/bot-everything -> ClusterRole/agent-everything");
        assertThat(h.agent("system:serviceaccount:pay:default").grants())
                .as("the group system:serviceaccounts:pay binds every account of pay")
                .containsExactly("get:configmaps:invoice-config", "get:url:/healthz");
        AgentRecord deployer = h.agent("system:serviceaccount:ops:deployer");
        assertThat(deployer.grants()).containsExactly("ClusterRole:edit", "*:*.*", "*:url:*");
        assertThat(deployer.source().file()).as("known only from a binding").isEqualTo("rbac.yaml");
        CredentialRecord token = h.credential("k8s-secret:pay/invoice-bot-token-x7k2p");
        assertThat(token.holders()).containsExactly(bot.id());
        assertThat(token.expiresAt()).as("legacy service account tokens never expire").isNull();
        assertThat(token.ttlSeconds()).isNull();
        assertThat(h.warnings()).anySatisfy(w -> assertThat(w.reason()).startsWith("1 binding subjects are users or groups"));
    }

    @Test
    void badObjectsAreProblemsAndOtherKindsAreSkipped() {
        SourceHarness h = new SourceHarness().run(k8s, "mixed.json", """
                {"kind":"List","items":[
                 {"kind":"ServiceAccount","metadata":{"namespace":"pay"}},
                 {"kind":"ConfigMap","metadata":{"name":"c"}},
                 {"kind":"ServiceAccount","metadata":{"name":"ok","namespace":"pay"}}
                ]}
                """);
        assertThat(h.errors()).extracting(Problem::line, Problem::field).containsExactly(tuple(2L, "metadata.name"));
        assertThat(h.warnings()).anySatisfy(w -> assertThat(w.value()).isEqualTo("ConfigMap"));
        assertThat(h.agents).extracting(AgentRecord::id).containsExactly("system:serviceaccount:pay:ok");
        assertThat(h.scope).isEqualTo("k8s");
    }

    @Test
    void detectionTellsInventoryFromAudit() {
        assertThat(k8s.detect("x.yaml", RBAC_YAML)).isTrue();
        assertThat(k8s.detect("x.json", ACCOUNTS)).isTrue();
        assertThat(k8s.detect("x.json", "{\"kind\":\"ConfigMap\"}")).isFalse();
    }
}
