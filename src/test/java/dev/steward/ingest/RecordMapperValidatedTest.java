package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.evidence.AgentRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A record checked ahead (schema violations and secrets found on a reader's parsing thread) is reported exactly as one
 * checked in place: a clean record keeps the violations found ahead; one holding a secret is redacted and validated
 * again.
 */
class RecordMapperValidatedTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Problems problems = new Problems(100);
    private final RecordingSink sink = new RecordingSink();
    private final RecordMapper mapper = new RecordMapper(problems, sink, 1, () -> Instant.EPOCH);

    private ObjectNode record(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    /** Maps a copy of the record in place, and a copy as checked ahead: the problems must be the same. */
    private void sameProblems(String text) throws Exception {
        ObjectNode node = record(text);
        Problems inPlace = new Problems(100);
        new RecordMapper(inPlace, new RecordingSink(), 1, () -> Instant.EPOCH)
                .map(RecordMapper.Section.AGENTS, node.deepCopy(), "f.yaml", 3, Map.of());
        Problems ahead = new Problems(100);
        ObjectNode copy = node.deepCopy();
        RecordMapper.Checked checked = RecordMapper.check(RecordMapper.Section.AGENTS, copy);
        new RecordMapper(ahead, new RecordingSink(), 1, () -> Instant.EPOCH)
                .map(RecordMapper.Section.AGENTS, copy, "f.yaml", 3, Map.of(), checked);
        assertThat(ahead.listed()).isEqualTo(inPlace.listed()).isNotEmpty();
    }

    @Test
    void aRecordCheckedAheadHasTheProblemsOfOneCheckedInPlace() throws Exception {
        sameProblems("{\"id\": \"a1\", \"autonomy\": \"robotic\"}");
        sameProblems("{\"id\": \"a1\", \"autonomy\": \"robotic\", \"name\": \"AKIAIOSFODNN7EXAMPLE\"}");
        sameProblems("{\"id\": \"a1\", \"grants\": [\"AKIAIOSFODNN7EXAMPLE\"], \"x\": {\"password\": \"p\"}}");
    }

    @Test
    void theCheckFindsSecretsWhereRedactionFindsThem() throws Exception {
        RecordMapper.Section agents = RecordMapper.Section.AGENTS;
        assertThat(RecordMapper.check(agents, record("{\"id\": \"a1\", \"name\": \"n\", \"tools\": [\"x\"]}")).clean())
                .isTrue();
        assertThat(RecordMapper.check(agents, record("{\"id\": \"a1\", \"name\": \"AKIAIOSFODNN7EXAMPLE\"}")).clean())
                .isFalse();
        assertThat(RecordMapper.check(agents, record("{\"id\": \"a1\", \"grants\": [\"AKIAIOSFODNN7EXAMPLE\"]}")).clean())
                .isFalse();
        assertThat(RecordMapper.check(agents, record("{\"id\": \"a1\", \"m\": {\"password\": \"hunter2\"}}")).clean())
                .isFalse();
    }

    @Test
    void violationsFoundAheadAreUsedForACleanRecord() throws Exception {
        RecordMapper.Checked planted = new RecordMapper.Checked(List.of(new NativeSchemas.Violation("name", "planted")), true);
        mapper.map(RecordMapper.Section.AGENTS, record("{\"id\": \"a1\", \"name\": \"n\"}"), "f.yaml", 3, Map.of(), planted);
        assertThat(problems.listed()).extracting(Problem::reason).containsExactly("planted");
        assertThat(sink.agents()).extracting(AgentRecord::id).isEmpty();
    }

    @Test
    void aRecordThatHeldASecretIsRedactedAndValidatedAgain() throws Exception {
        RecordMapper.Checked planted = new RecordMapper.Checked(List.of(new NativeSchemas.Violation("name", "planted")), false);
        mapper.map(RecordMapper.Section.AGENTS, record("{\"id\": \"a1\", \"name\": \"AKIAIOSFODNN7EXAMPLE\"}"), "f.yaml", 3,
                Map.of(), planted);
        assertThat(problems.listed()).extracting(Problem::reason).noneMatch(r -> r.equals("planted"))
                .anyMatch(r -> r.contains("secret value"));
        assertThat(sink.agents()).extracting(AgentRecord::id).containsExactly("a1");
    }
}
