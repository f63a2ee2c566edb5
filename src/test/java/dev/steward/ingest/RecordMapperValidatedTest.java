package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Schema violations found ahead (on a reader's parsing thread) are used as found when redaction leaves the record
 * unchanged, and found again when redaction changed it; either way a record is reported as validating it in place
 * would report it.
 */
class RecordMapperValidatedTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Problems problems = new Problems(100);
    private final List<String> agents = new ArrayList<>();
    private final RecordMapper mapper = new RecordMapper(problems, new InventorySink() {
        @Override
        public void section(RecordMapper.Section section) {
        }

        @Override
        public void meta(Instant asOf, String source) {
        }

        @Override
        public void person(PersonRecord person, String attributes) {
        }

        @Override
        public void agent(AgentRecord agent, String attributes) {
            agents.add(agent.id());
        }

        @Override
        public void credential(CredentialRecord credential, String attributes) {
        }

        @Override
        public void secret(SecretFinding finding) {
        }
    }, 1, () -> Instant.EPOCH);

    private ObjectNode record(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void violationsFoundAheadAreReportedAsValidatingInPlaceReportsThem() throws Exception {
        ObjectNode bad = record("{\"id\": \"a1\", \"autonomy\": \"robotic\"}");
        List<NativeSchemas.Violation> ahead = RecordMapper.validate(RecordMapper.Section.AGENTS, bad.deepCopy());
        assertThat(ahead).isNotEmpty();
        mapper.map(RecordMapper.Section.AGENTS, bad.deepCopy(), "f.yaml", 3, Map.of(), null);
        List<Problem> inPlace = List.copyOf(problems.listed());
        Problems again = new Problems(100);
        new RecordMapper(again, new InventoryStoreless(), 1, () -> Instant.EPOCH)
                .map(RecordMapper.Section.AGENTS, bad, "f.yaml", 3, Map.of(), ahead);
        assertThat(again.listed()).isEqualTo(inPlace).isNotEmpty();
    }

    @Test
    void violationsFoundAheadAreUsedWhenRedactionLeftTheRecordAlone() throws Exception {
        List<NativeSchemas.Violation> planted = List.of(new NativeSchemas.Violation("name", "planted"));
        mapper.map(RecordMapper.Section.AGENTS, record("{\"id\": \"a1\", \"name\": \"n\"}"), "f.yaml", 3, Map.of(), planted);
        assertThat(problems.listed()).extracting(Problem::reason).containsExactly("planted");
        assertThat(agents).isEmpty();
    }

    @Test
    void aRecordThatHeldASecretIsValidatedAgain() throws Exception {
        List<NativeSchemas.Violation> planted = List.of(new NativeSchemas.Violation("name", "planted"));
        mapper.map(RecordMapper.Section.AGENTS, record("{\"id\": \"a1\", \"name\": \"AKIAIOSFODNN7EXAMPLE\"}"), "f.yaml", 3,
                Map.of(), planted);
        assertThat(problems.listed()).extracting(Problem::reason).noneMatch(r -> r.equals("planted"))
                .anyMatch(r -> r.contains("secret value"));
        assertThat(agents).containsExactly("a1");
    }

    /** A sink that keeps nothing. */
    private static final class InventoryStoreless implements InventorySink {
        @Override
        public void section(RecordMapper.Section section) {
        }

        @Override
        public void meta(Instant asOf, String source) {
        }

        @Override
        public void person(PersonRecord person, String attributes) {
        }

        @Override
        public void agent(AgentRecord agent, String attributes) {
        }

        @Override
        public void credential(CredentialRecord credential, String attributes) {
        }

        @Override
        public void secret(SecretFinding finding) {
        }
    }
}
