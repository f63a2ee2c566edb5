package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The fast decision-line reader implements decision.schema.json: for valid and invalid lines alike, it accepts a
 * line exactly when the published schema does, and it names the field and value of what it rejects.
 */
class NativeDecisionReaderTest {

    private final List<DecisionLine> read = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final Problems problems = new Problems(100);

    private void read(String text) throws Exception {
        new NativeDecisionReader(new TestLimits()).read("d.jsonl",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), problems, new DecisionSink() {
                    @Override
                    public void decision(DecisionLine d) {
                        read.add(d);
                    }

                    @Override
                    public void secret(String credentialId, String agentId, String kind, String field, java.time.Instant at, String file, long line) {
                        secrets.add(credentialId + "/" + kind + "/" + field + "/" + at);
                    }
                }, n -> { });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\"}",
            "{\"time\":\"2026-10-02T10:00:00+02:00\",\"credential\":\"c\",\"decision\":\"deny\",\"onBehalfOf\":[\"p\",\"q\"]}",
            "{\"id\":\"d\",\"time\":\"2026-10-02\",\"agent\":\"a\",\"decision\":\"DENY\",\"client\":{\"interactive\":true,\"userAgent\":\"x\"}}",
            "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\",\"tool\":null,\"approval\":null}",
            "{\"time\":\"2026-10-02T10:00:00Z\",\"decision\":\"allow\"}",
            "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\"}",
            "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"perhaps\"}",
            "{\"time\":\"tuesday\",\"agent\":\"a\",\"decision\":\"allow\"}",
            "{\"agent\":\"a\",\"decision\":\"allow\"}",
            "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\",\"tool\":42}",
            "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\",\"onBehalfOf\":\"p\"}",
            "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\",\"client\":{\"interactive\":\"yes\"}}",
            "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\",\"scope\":[\"x\"]}",
    })
    void acceptsExactlyWhatTheSchemaAccepts(String line) throws Exception {
        boolean schemaValid = NativeSchemas.get().validate(NativeSchemas.Kind.DECISION, line).isEmpty();
        read(line + "\n");
        assertThat(!problems.hasErrors()).as("reader accepts %s", line).isEqualTo(schemaValid);
        assertThat(read).hasSize(schemaValid ? 1 : 0);
    }

    @Test
    void normalizesFieldsAndNamesTheBadOnes() throws Exception {
        read("{\"time\":\"2026-10-02T12:00:00+02:00\",\"agent\":\"a\",\"decision\":\"Allow\",\"onBehalfOf\":[\"p-ana\"],"
                + "\"extra\":1,\"client\":{\"interactive\":false,\"userAgent\":\"curl/8\"}}\n"
                + "not json\n"
                + "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\",\"tool\":{\"x\":1}}\n");
        assertThat(read).hasSize(1);
        DecisionLine d = read.get(0);
        assertThat(d.time()).hasToString("2026-10-02T10:00:00Z");
        assertThat(d.allowed()).isTrue();
        assertThat(d.onBehalfOf()).containsExactly("p-ana");
        assertThat(d.interactive()).isFalse();
        assertThat(d.line()).isEqualTo(1);
        assertThat(problems.listed()).extracting(Problem::line, Problem::field, Problem::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(1L, "extra", "unknown field ignored (reported once per file)"),
                        org.assertj.core.groups.Tuple.tuple(3L, "tool", "expected a string"));
        assertThat(problems.listed()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("not valid JSON");
            assertThat(p.value()).isNull();
        });
    }

    @Test
    void secretsInALineAreRedactedAndTiedToItsCredential() throws Exception {
        read("{\"reason\":\"token ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\",\"time\":\"2026-10-02T10:00:00Z\","
                + "\"credential\":\"cred-9\",\"decision\":\"allow\"}\n");
        assertThat(read.get(0).reason()).isEqualTo("[REDACTED:github-token]");
        assertThat(secrets).containsExactly("cred-9/github-token/reason/2026-10-02T10:00:00Z");
    }

    @Test
    void repeatedValuesShareOneInstanceAndARepeatedSecretIsRedactedEveryTime() throws Exception {
        String token = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            log.append("{\"time\":\"2026-10-02T10:00:0").append(i).append("Z\",\"credential\":\"cred-").append(i)
                    .append("\",\"decision\":\"allow\",\"tool\":\"erp\",\"environment\":\"prod\",\"reason\":\"").append(token)
                    .append("\",\"client\":{\"userAgent\":\"Mozilla/5.0\"}}\n");
        }
        read(log.toString());
        assertThat(read).hasSize(3).allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo("[REDACTED:github-token]");
            assertThat(d.tool()).isSameAs(read.get(0).tool()).isEqualTo("erp");
            assertThat(d.environment()).isSameAs(read.get(0).environment()).isEqualTo("prod");
            assertThat(d.userAgent()).isSameAs(read.get(0).userAgent()).isEqualTo("Mozilla/5.0");
        });
        assertThat(read).extracting(d -> d.time().toString())
                .containsExactly("2026-10-02T10:00:00Z", "2026-10-02T10:00:01Z", "2026-10-02T10:00:02Z");
        assertThat(secrets).containsExactly("cred-0/github-token/reason/2026-10-02T10:00:00Z",
                "cred-1/github-token/reason/2026-10-02T10:00:01Z", "cred-2/github-token/reason/2026-10-02T10:00:02Z");
        assertThat(problems.listed()).extracting(Problem::line).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aLineThatIsNotUtf8IsAnErrorOfItsOwnLineAndTheNextLinesAreRead() throws Exception {
        byte[] bad = "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\u00ff\",\"decision\":\"allow\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "\n  \t\n{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"b\",\"decision\":\"allow\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] both = java.util.Arrays.copyOf(bad, bad.length + good.length);
        System.arraycopy(good, 0, both, bad.length, good.length);
        new NativeDecisionReader(new TestLimits()).read("d.jsonl", new ByteArrayInputStream(both), problems,
                new DecisionSink() {
                    @Override
                    public void decision(DecisionLine d) {
                        read.add(d);
                    }

                    @Override
                    public void secret(String c, String a, String k, String f, java.time.Instant at, String file, long l) {
                    }
                }, n -> { });
        assertThat(read).extracting(DecisionLine::agent, DecisionLine::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b", 4L));
        assertThat(problems.listed()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).startsWith("not valid JSON");
        });
    }

    @Test
    void deepNestingIsBoundedNotFatal() throws Exception {
        String deep = "[".repeat(200) + "]".repeat(200);
        read("{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\",\"x\":" + deep + "}\n");
        assertThat(read).isEmpty();
        assertThat(problems.listed()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("nesting depth");
        });
    }
}
