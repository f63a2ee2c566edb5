package dev.steward.ingest.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.ingest.DecisionLine;
import dev.steward.ingest.Problem;
import dev.steward.testing.SourceHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** OCSF API Activity and Authentication as decisions: principals, verdicts, times, other classes, bad events. */
class OcsfAdapterTest {

    private final OcsfAdapter ocsf = new OcsfAdapter();

    private static String api(String uid, String status, String statusCode, String extra) {
        return "{\"class_uid\":6003,\"activity_id\":2,\"time\":1759399200000,\"metadata\":{\"uid\":\"" + uid
                + "\",\"version\":\"1.5.0\",\"product\":{\"name\":\"gateway\"}},\"actor\":{\"user\":{\"uid\":"
                + "\"arn:aws:iam::1:user/ci-bot\",\"name\":\"ci-bot\",\"credential_uid\":\"AKIA" + "Q3EGRVQ5XKZ7TN2P\"}},"
                + "\"api\":{\"operation\":\"GetObject\",\"service\":{\"name\":\"s3.amazonaws.com\"}},"
                + "\"resources\":[{\"uid\":\"arn:aws:s3:::builds/x\"}],\"http_request\":{\"user_agent\":\"aws-cli/2\"},"
                + "\"status\":\"" + status + "\"" + (statusCode == null ? "" : ",\"status_code\":\"" + statusCode + "\"")
                + extra + "}";
    }

    @Test
    void apiActivityAndAuthenticationEventsAreDecisions() {
        String auth = "{\"class_uid\":3002,\"time_dt\":\"2026-10-02 10:05:00.000000+00:00\",\"metadata\":{\"uid\":\"l1\"},"
                + "\"user\":{\"email_addr\":\"ana@example.com\"},\"service\":{\"name\":\"okta\"},\"activity_name\":\"Logon\","
                + "\"status_id\":2,\"status_detail\":\"bad password\",\"logon_type_id\":2}";
        SourceHarness h = new SourceHarness().run(ocsf, "events.jsonl", String.join("\n",
                api("e1", "Success", null, ""),
                api("e2", "Failure", "AccessDenied", ""),
                api("e3", "Failure", "NoSuchKey", ""),
                auth) + "\n");

        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).extracting(DecisionLine::id, DecisionLine::allowed, DecisionLine::reason, DecisionLine::line)
                .containsExactly(tuple("e1", true, null, 1L), tuple("e2", false, "AccessDenied", 2L),
                        tuple("e3", true, null, 3L), tuple("l1", false, "bad password", 4L));
        DecisionLine e1 = h.decisions.get(0);
        assertThat(e1.time()).isEqualTo(Instant.ofEpochMilli(1759399200000L));
        assertThat(e1.agent()).isEqualTo("arn:aws:iam::1:user/ci-bot");
        assertThat(e1.credential()).as("an AWS key id is masked as the AWS adapters mask it").startsWith("AKIA****TN2P-");
        assertThat(e1.tool()).isEqualTo("s3.amazonaws.com");
        assertThat(e1.action()).isEqualTo("GetObject");
        assertThat(e1.resource()).isEqualTo("arn:aws:s3:::builds/x");
        DecisionLine login = h.decisions.get(3);
        assertThat(login.agent()).isEqualTo("ana@example.com");
        assertThat(login.time()).isEqualTo(Instant.parse("2026-10-02T10:05:00Z"));
        assertThat(login.interactive()).isTrue();
        assertThat(h.secrets).isEmpty();
    }

    @Test
    void anAiAgentActsOnBehalfOfItsUserAndAuthorizationsDecide() {
        String pretty = """
                {
                  "class_uid": 6003,
                  "time": 1759399200000,
                  "metadata": {"uid": "a1", "version": "1.9.0"},
                  "ai_agent": {"uid": "agent-7", "name": "Invoice agent", "type_id": 1},
                  "actor": {
                    "user": {"uid": "p-ana"},
                    "authorizations": [{"decision": "Denied", "policy": {"name": "no-delete"}}],
                  },
                  "api": {"operation": "DeleteObject", "service": {"name": "erp"},},
                  "status_id": 1,
                }
                """;
        SourceHarness h = new SourceHarness().run(ocsf, "ai.ocsf", pretty);
        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo("agent-7");
            assertThat(d.onBehalfOf()).containsExactly("p-ana");
            assertThat(d.allowed()).as("the authorization decides, not the status").isFalse();
            assertThat(d.policy()).isEqualTo("no-delete");
        });
    }

    @Test
    void otherClassesAreSkippedAndBadEventsAreProblems() {
        SourceHarness h = new SourceHarness().run(ocsf, "mixed.json", "[\n"
                + "{\"class_uid\":4001,\"time\":1759399200000},\n"
                + "{\"class_uid\":6003,\"metadata\":{\"uid\":\"n1\"},\"actor\":{\"user\":{\"uid\":\"u\"}},\"status_id\":1},\n"
                + "{\"class_uid\":6003,\"time\":1759399200000,\"status_id\":1},\n"
                + "{\"class_uid\":6003,\"time\":1759399200000,\"actor\":{\"user\":{\"uid\":\"u\"}}}\n]");
        assertThat(h.errors()).extracting(Problem::line, Problem::field)
                .containsExactly(tuple(3L, "time"), tuple(4L, "agent"));
        assertThat(h.warnings()).extracting(Problem::line, Problem::field)
                .containsExactly(tuple(2L, "class_uid"), tuple(5L, "status_id"));
        assertThat(h.decisions).extracting(DecisionLine::agent, DecisionLine::allowed).containsExactly(tuple("u", true));
    }

    @Test
    void detectionNeedsANumericClassUid() {
        assertThat(ocsf.detect("e.json", api("x", "Success", null, ""))).isTrue();
        assertThat(ocsf.detect("schema.json", "{\"attributes\":{\"class_uid\":{\"requirement\":\"required\"}}}")).isFalse();
    }
}
