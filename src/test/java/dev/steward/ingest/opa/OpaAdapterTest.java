package dev.steward.ingest.opa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.ingest.DecisionLine;
import dev.steward.ingest.Problem;
import dev.steward.testing.SourceConfigs;
import dev.steward.testing.SourceHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OPA decision logs: console lines, upload batches, result shapes, the Envoy and generic presets, bad events. */
class OpaAdapterTest {

    private final OpaAdapter opa = new OpaAdapter(SourceConfigs.opa());

    private static String envoy(String id, String principal, String method, String path, String result) {
        return "{\"decision_id\":\"" + id + "\",\"labels\":{\"id\":\"x\",\"version\":\"0.60.0\",\"environment\":\"prod\"},"
                + "\"input\":{\"attributes\":{\"source\":{" + (principal == null ? ""
                        : "\"principal\":\"" + principal + "\",") + "\"address\":{\"socketAddress\":{\"address\":\"10.0.0.7\"}}},"
                + "\"destination\":{\"principal\":\"spiffe://corp/ns/pay/sa/erp\"},"
                + "\"request\":{\"http\":{\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"host\":\"erp\","
                + "\"headers\":{\"user-agent\":\"agent-sdk/1.2\"}}}}},"
                + "\"path\":\"envoy/authz/allow\",\"result\":" + result + ",\"timestamp\":\"2026-10-02T10:00:00.123456789Z\","
                + "\"msg\":\"Decision Log\",\"level\":\"info\",\"type\":\"openpolicyagent.org/decision_logs\"}";
    }

    @Test
    void envoyConsoleLinesMapPrincipalMethodPathAndResult() {
        SourceHarness h = new SourceHarness().run(opa, "opa.log", String.join("\n",
                "{\"level\":\"info\",\"msg\":\"Initializing server.\",\"time\":\"2026-10-02T09:59:00Z\"}",
                envoy("d1", "spiffe://corp/ns/pay/sa/invoice-bot", "GET", "/invoices/42", "true"),
                envoy("d2", "spiffe://corp/ns/pay/sa/invoice-bot", "DELETE", "/invoices/42",
                        "{\"allowed\":false,\"headers\":{\"x-ext-auth-deny-reason\":\"DELETE_NOT_ALLOWED\"}}"),
                envoy("d3", null, "GET", "/health", "\"true\"")) + "\n");

        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).extracting(DecisionLine::id, DecisionLine::agent, DecisionLine::action,
                        DecisionLine::resource, DecisionLine::allowed, DecisionLine::reason, DecisionLine::line)
                .containsExactly(
                        tuple("d1", "spiffe://corp/ns/pay/sa/invoice-bot", "GET", "/invoices/42", true, null, 2L),
                        tuple("d2", "spiffe://corp/ns/pay/sa/invoice-bot", "DELETE", "/invoices/42", false, "DELETE_NOT_ALLOWED", 3L),
                        tuple("d3", "ip:10.0.0.7", "GET", "/health", true, null, 4L));
        DecisionLine d1 = h.decisions.get(0);
        assertThat(d1.time()).isEqualTo(Instant.parse("2026-10-02T10:00:00.123456789Z"));
        assertThat(d1.tool()).isEqualTo("spiffe://corp/ns/pay/sa/erp");
        assertThat(d1.policy()).isEqualTo("envoy/authz/allow");
        assertThat(d1.environment()).isEqualTo("prod");
        assertThat(d1.userAgent()).isEqualTo("agent-sdk/1.2");
        assertThat(d1.file()).isEqualTo("opa.log");
        assertThat(h.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.reason()).contains("not decision log entries are skipped");
        });
    }

    @Test
    void anUploadBatchIsAGzippedArrayReadElementByElementWithQueryAsPolicy() {
        String batch = "[\n" + "{\"decision_id\":\"b1\",\"query\":\"data.agents.allow\",\"input\":{\"agent\":\"invoice-bot\","
                + "\"onBehalfOf\":[\"p-ana\",\"orchestrator\"],\"tool\":\"erp\",\"action\":\"invoices.write\","
                + "\"resource\":{\"id\":\"erp://invoices/42\"},\"scope\":\"erp:invoices:write\",\"trigger\":\"task:FIN-1\"},"
                + "\"result\":{\"allow\":true,\"reason\":\"within budget\"},\"timestamp\":\"2026-10-02T10:00:00+02:00\"},\n"
                + "{\"decision_id\":\"b2\",\"path\":\"agents/allow\",\"input\":{\"agent\":\"invoice-bot\"},"
                + "\"requested_by\":\"10.1.1.1:5000\",\"timestamp\":\"2026-10-02T11:00:00Z\"}\n]";
        SourceHarness h = new SourceHarness().run(opa, "batch.json.gz", batch);

        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).hasSize(2);
        DecisionLine b1 = h.decisions.get(0);
        assertThat(b1.time()).isEqualTo(Instant.parse("2026-10-02T08:00:00Z"));
        assertThat(b1.onBehalfOf()).containsExactly("p-ana", "orchestrator");
        assertThat(b1.resource()).isEqualTo("erp://invoices/42");
        assertThat(b1.scope()).isEqualTo("erp:invoices:write");
        assertThat(b1.trigger()).isEqualTo("task:FIN-1");
        assertThat(b1.policy()).isEqualTo("data.agents.allow");
        assertThat(b1.reason()).isEqualTo("within budget");
        assertThat(b1.line()).isEqualTo(2);
        DecisionLine b2 = h.decisions.get(1);
        assertThat(b2.allowed()).as("an undefined result is a deny").isFalse();
        assertThat(b2.reason()).isEqualTo("result undefined");
        assertThat(b2.line()).isEqualTo(3);
    }

    @Test
    void aDockerComposePrefixIsStripped() {
        SourceHarness h = new SourceHarness().run(opa, "compose.txt",
                "opa_1            | " + envoy("c1", "spiffe://corp/a", "PUT", "/", "{\"allowed\":false}") + "\n");
        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("c1");
            assertThat(d.allowed()).isFalse();
        });
    }

    @Test
    void badEventsAreProblemsWithFileLineFieldAndValueAndReadingGoesOn() {
        SourceHarness h = new SourceHarness().run(opa, "bad.jsonl", String.join("\n",
                "{\"decision_id\":\"x1\",\"input\":{\"agent\":\"a\"},\"result\":true,\"timestamp\":\"yesterday\"}",
                "{\"decision_id\":\"x2\",\"input\":{\"agent\":\"a\"},\"result\":true}",
                "{\"decision_id\":\"x3\",\"input\":{\"agent\":\"a\"},\"result\":true,",
                "{\"decision_id\":\"x4\",\"input\":{\"weather\":\"fine\"},\"result\":true,\"timestamp\":\"2026-10-02T10:00:00Z\"}",
                "{\"decision_id\":\"x5\",\"input\":{\"agent\":\"a\"},\"result\":42,\"timestamp\":\"2026-10-02T10:00:00Z\"}",
                "{\"decision_id\":\"x6\",\"input\":{\"agent\":\"a\"},\"result\":false,\"timestamp\":\"2026-10-02T10:00:00Z\"}") + "\n");

        assertThat(h.errors()).extracting(Problem::file, Problem::line, Problem::field, Problem::value)
                .containsExactly(tuple("bad.jsonl", 1L, "timestamp", "yesterday"),
                        tuple("bad.jsonl", 2L, "timestamp", null),
                        tuple("bad.jsonl", 3L, null, null),
                        tuple("bad.jsonl", 4L, "input", null));
        assertThat(h.errors().get(3).reason()).contains("steward.sources.opa.agent");
        assertThat(h.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(5);
            assertThat(w.value()).isEqualTo("42");
            assertThat(w.reason()).contains("not authorization decisions");
        });
        assertThat(h.decisions).extracting(DecisionLine::id).containsExactly("x6");
    }

    @Test
    void configuredPointersAndTemplatesOverrideThePreset() {
        OpaAdapter custom = new OpaAdapter(SourceConfigs.opa("generic", Map.of(
                "agent", List.of("agent:{/input/claims/sub}"), "credential", List.of("/input/claims/jti"),
                "tool", List.of("/labels/app"))));
        SourceHarness h = new SourceHarness().run(custom, "d.jsonl",
                "{\"decision_id\":\"g1\",\"labels\":{\"app\":\"billing-gw\"},\"input\":{\"claims\":{\"sub\":\"bot-7\","
                        + "\"jti\":\"tok-1\"},\"method\":\"POST\",\"path\":[\"v1\",\"pay\"]},\"result\":true,"
                        + "\"timestamp\":1759399200000}\n");
        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo("agent:bot-7");
            assertThat(d.credential()).isEqualTo("tok-1");
            assertThat(d.tool()).isEqualTo("billing-gw");
            assertThat(d.action()).isEqualTo("POST");
            assertThat(d.resource()).isEqualTo("v1/pay");
            assertThat(d.time()).isEqualTo(Instant.ofEpochMilli(1759399200000L));
        });
    }

    @Test
    void aSecretInAMappedValueIsRedactedAndReported() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJhZ2VudC0xMjMifQ.c2lnbmF0dXJlLXZhbHVlLWhlcmU";
        SourceHarness h = new SourceHarness().run(opa, "s.jsonl",
                "{\"decision_id\":\"s1\",\"input\":{\"agent\":\"a\",\"path\":\"/cb?token=" + jwt + "\"},\"result\":true,"
                        + "\"timestamp\":\"2026-10-02T10:00:00Z\"}\n");
        assertThat(h.decisions).singleElement().satisfies(d -> assertThat(d.resource()).isEqualTo("[REDACTED:jwt]"));
        assertThat(h.secrets).containsExactly("jwt@resource");
        assertThat(h.warnings()).extracting(Problem::field, Problem::value).containsExactly(tuple("resource", "[REDACTED:jwt]"));
    }

    @Test
    void badConfigurationNamesTheKey() {
        assertThatThrownBy(() -> new OpaAdapter(SourceConfigs.opa("auto", Map.of("agent", List.of("input.agent")))))
                .hasMessageContaining("steward.sources.opa").hasMessageContaining("input.agent");
        assertThatThrownBy(() -> new OpaAdapter(SourceConfigs.opa("istio", Map.of())))
                .hasMessageContaining("steward.sources.opa.preset");
    }

    @Test
    void detectionNeedsTheDecisionLogShape() {
        assertThat(opa.detect("x.jsonl", envoy("d", "a", "GET", "/", "true"))).isTrue();
        assertThat(opa.detect("x.jsonl", "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\"}")).isFalse();
        assertThat(opa.detect("x.json", "{\"decision_id_count\":3}")).isFalse();
    }
}
