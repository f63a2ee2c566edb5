package dev.steward.ingest.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.ingest.DecisionLine;
import dev.steward.ingest.Problem;
import dev.steward.testing.SourceConfigs;
import dev.steward.testing.SourceHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Kubernetes audit events: native, EventList, GKE and AKS wrappers, stages, impersonation, denies, bad records. */
class K8sAuditAdapterTest {

    private final K8sAuditAdapter audit = new K8sAuditAdapter(SourceConfigs.k8s());

    private static String event(String id, String stage, String user, String verb, String uri, String ref, int code,
            String decision, String reason, String extra) {
        return "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"auditID\":\"" + id
                + "\",\"stage\":\"" + stage + "\",\"requestURI\":\"" + uri + "\",\"verb\":\"" + verb + "\",\"user\":{"
                + "\"username\":\"" + user + "\",\"groups\":[\"system:serviceaccounts\"]" + extra + "},"
                + "\"userAgent\":\"invoice-bot/1.0\",\"objectRef\":" + ref + ",\"responseStatus\":{\"code\":" + code + "},"
                + "\"requestReceivedTimestamp\":\"2026-10-02T10:00:00.5Z\",\"stageTimestamp\":\"2026-10-02T10:00:01Z\","
                + "\"annotations\":{\"authorization.k8s.io/decision\":\"" + decision + "\",\"authorization.k8s.io/reason\":\""
                + reason + "\"}}";
    }

    private static final String SA = "system:serviceaccount:pay:invoice-bot";
    private static final String PODS = "{\"resource\":\"pods\",\"namespace\":\"pay\",\"name\":\"p1\",\"apiVersion\":\"v1\"}";

    @Test
    void nativeEventsBecomeDecisionsOncePerRequest() {
        SourceHarness h = new SourceHarness().run(audit, "audit.log", String.join("\n",
                event("a1", "RequestReceived", SA, "get", "/api/v1/namespaces/pay/pods/p1", PODS, 0, "allow", "", ""),
                event("a1", "ResponseComplete", SA, "get", "/api/v1/namespaces/pay/pods/p1", PODS, 200, "allow",
                        "RBAC: allowed by RoleBinding \\\"bot/pay\\\" of ClusterRole \\\"view\\\" to ServiceAccount \\\"invoice-bot/pay\\\"",
                        ",\"extra\":{\"authentication.kubernetes.io/credential-id\":[\"JTI=3f1c\"]}"),
                event("a2", "ResponseStarted", SA, "create", "/api/v1/namespaces/pay/pods/p1/exec?command=sh&stdin=true",
                        "{\"resource\":\"pods\",\"subresource\":\"exec\",\"namespace\":\"pay\",\"name\":\"p1\"}", 101, "allow", "", ""),
                event("a2", "ResponseComplete", SA, "create", "/api/v1/namespaces/pay/pods/p1/exec?command=sh",
                        "{\"resource\":\"pods\",\"subresource\":\"exec\"}", 101, "allow", "", ""),
                event("a3", "ResponseComplete", SA, "delete", "/apis/apps/v1/namespaces/pay/deployments/d",
                        "{\"resource\":\"deployments\",\"apiGroup\":\"apps\"}", 403, "forbid", "", ""),
                event("a4", "ResponseComplete", "ci-admin", "list", "/api/v1/secrets", "{\"resource\":\"secrets\"}", 200,
                        "allow", "", "").replace("\"annotations\"", "\"impersonatedUser\":{\"username\":\"" + SA + "\"},\"annotations\"")) + "\n");

        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).extracting(DecisionLine::id, DecisionLine::action, DecisionLine::scope,
                        DecisionLine::allowed, DecisionLine::line)
                .containsExactly(tuple("a1", "get", "get:pods", true, 2L),
                        tuple("a2", "create", "create:pods/exec", true, 3L),
                        tuple("a3", "delete", "delete:deployments.apps", false, 5L),
                        tuple("a4", "list", "list:secrets", true, 6L));
        DecisionLine a1 = h.decisions.get(0);
        assertThat(a1.agent()).isEqualTo(SA);
        assertThat(a1.credential()).isEqualTo("JTI=3f1c");
        assertThat(a1.policy()).isEqualTo("ClusterRole/view via RoleBinding/bot/pay");
        assertThat(a1.time()).isEqualTo(Instant.parse("2026-10-02T10:00:00.5Z"));
        assertThat(a1.tool()).isEqualTo("kubernetes");
        assertThat(h.decisions.get(1).resource()).as("the query string is dropped").isEqualTo("/api/v1/namespaces/pay/pods/p1/exec");
        assertThat(h.decisions.get(3).agent()).isEqualTo("ci-admin");
        assertThat(h.decisions.get(3).onBehalfOf()).containsExactly(SA);
    }

    @Test
    void gkeAndAksWrappersAndEventListsAreUnwrapped() {
        String inner = event("k1", "ResponseComplete", "aksService", "update", "/apis/coordination.k8s.io/v1/leases/x",
                "{\"resource\":\"leases\",\"apiGroup\":\"coordination.k8s.io\"}", 200, "allow", "", "");
        String aksString = "{\"category\":\"kube-audit\",\"properties\":{\"log\":" + com.fasterxml.jackson.databind.node.TextNode
                .valueOf(inner) + ",\"pod\":\"kube-apiserver-1\"},\"time\":\"2026-10-02T10:00:02Z\"}";
        String aksObject = "{\"category\":\"kube-audit-admin\",\"properties\":{\"log\":" + inner.replace("k1", "k2") + "}}";
        String gke = "{\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\",\"authenticationInfo\":"
                + "{\"principalEmail\":\"bot@proj.iam.gserviceaccount.com\"},\"authorizationInfo\":[{\"granted\":false,"
                + "\"permission\":\"io.k8s.core.v1.secrets.get\",\"resource\":\"core/v1/namespaces/pay/secrets/db\"}],"
                + "\"methodName\":\"io.k8s.core.v1.secrets.get\",\"resourceName\":\"core/v1/namespaces/pay/secrets/db\","
                + "\"serviceName\":\"k8s.io\",\"status\":{\"code\":7}},\"insertId\":\"g1\",\"timestamp\":\"2026-10-02T10:00:03Z\","
                + "\"resource\":{\"type\":\"k8s_cluster\"}}";
        SourceHarness lines = new SourceHarness().run(audit, "azure.log", aksString + "\n" + aksObject + "\n" + gke + "\n");
        assertThat(lines.errors()).isEmpty();
        assertThat(lines.decisions).extracting(DecisionLine::id, DecisionLine::agent, DecisionLine::allowed, DecisionLine::scope)
                .containsExactly(tuple("k1", "aksService", true, "update:leases.coordination.k8s.io"),
                        tuple("k2", "aksService", true, "update:leases.coordination.k8s.io"),
                        tuple("g1", "bot@proj.iam.gserviceaccount.com", false, "io.k8s.core.v1.secrets.get"));
        assertThat(lines.decisions.get(2).action()).isEqualTo("get");

        SourceHarness list = new SourceHarness().run(audit, "webhook.json", "{\"kind\":\"EventList\",\"apiVersion\":"
                + "\"audit.k8s.io/v1\",\"items\":[\n" + inner + ",\n" + inner.replace("k1", "k9") + "\n]}");
        assertThat(list.decisions).extracting(DecisionLine::id, DecisionLine::line).containsExactly(tuple("k1", 2L), tuple("k9", 3L));
    }

    @Test
    void eksAuditEventsFromCloudWatchLogsAreMessages() {
        String inner = event("e1", "ResponseComplete", SA, "get", "/api/v1/namespaces/pay/pods", PODS, 200, "allow", "",
                ",\"extra\":{\"accessKeyId\":[\"ASIA" + "WHOJDLGPOEXAMPLE\"]}");
        String cw = "{\"events\":[{\"logStreamName\":\"kube-apiserver-audit-1\",\"timestamp\":1759399200000,\"message\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(inner) + "}],\"searchedLogStreams\":[]}";
        assertThat(audit.detect("eks.json", cw)).isTrue();
        SourceHarness h = new SourceHarness().run(audit, "eks.json", cw);
        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo(SA);
            assertThat(d.credential()).as("EKS carries the AWS key id: masked").startsWith("ASIA****MPLE-");
        });
    }

    @Test
    void badRecordsAreProblems() {
        SourceHarness h = new SourceHarness().run(audit, "bad.log", String.join("\n",
                "{\"kind\":\"Event\",\"auditID\":\"b1\",\"verb\":\"get\",\"user\":{\"username\":\"x\"}}",
                "{\"category\":\"kube-audit\",\"properties\":{\"log\":\"{not json\"}}",
                "{\"kind\":\"Status\",\"code\":500}",
                event("b4", "ResponseComplete", "", "get", "/x", "{}", 200, "allow", "", "")) + "\n");
        assertThat(h.errors()).extracting(Problem::line, Problem::field)
                .containsExactly(tuple(1L, "requestReceivedTimestamp"), tuple(2L, "properties.log"), tuple(4L, "agent"));
        assertThat(h.warnings()).anySatisfy(w -> assertThat(w.line()).isEqualTo(3));
        assertThat(h.decisions).isEmpty();
    }
}
