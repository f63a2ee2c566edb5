package dev.steward.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.CheckResult;
import dev.steward.check.Parameters;
import dev.steward.check.Result;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.UploadGrouping;
import dev.steward.ingest.IngestConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The planted cases of sample-data/ come out as designed: sample-data/ is ingested exactly as the README's main
 * command does, every check runs over the stored evidence, and per check the set of FAILing subjects equals
 * expected.yaml (complete lists), while every planted PARTIAL, NOT_APPLICABLE and INSUFFICIENT_EVIDENCE subject gets
 * that result.
 */
@QuarkusTest
@TestProfile(SampleDataChecksTest.OwnDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataChecksTest {

    /** A database of its own: the evidence must be sample-data/ and nothing that other tests stored. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:sampledata;DB_CLOSE_DELAY=-1");
        }
    }

    private static final Path SAMPLE = Path.of("sample-data");

    @Inject
    IngestService ingest;

    @Inject
    IngestConfig limits;

    @Inject
    EvidenceLoader loader;

    @Inject
    CheckCatalog catalog;

    JsonNode expected;
    Evidence evidence;
    final List<IngestReport> reports = new ArrayList<>();

    @BeforeAll
    void ingestSampleData() throws Exception {
        expected = new ObjectMapper(new YAMLFactory()).readTree(SAMPLE.resolve("expected.yaml").toFile());
        for (var files : UploadGrouping.of(List.of(SAMPLE), limits).uploads()) {
            reports.add(ingest.ingest(new IngestRequest(files, "auto", null, null, "sample-data", "test", null, null)));
        }
        Instant asOf = Instant.parse(expected.get("asOf").asText());
        evidence = loader.load(asOf, Instant.parse(expected.get("windowStart").asText()));
    }

    @Test
    void sampleDataIngestsCleanlyWithItsDeclaredCounts() {
        assertThat(reports).allSatisfy(r -> assertThat(r.status()).isIn(IngestReport.Status.COMMITTED, IngestReport.Status.DUPLICATE));
        JsonNode counts = expected.get("counts");
        assertThat(evidence.people()).hasSize(counts.get("people").asInt());
        assertThat(evidence.agents()).hasSize(counts.get("agents").asInt());
        assertThat(evidence.credentials()).hasSize(counts.get("credentials").asInt());
        assertThat(evidence.decisions().stream().mapToLong(d -> d.count()).sum()).isEqualTo(counts.get("decisions").asLong());
        for (JsonNode s : expected.get("secretsInInventory")) {
            assertThat(evidence.credential(s.get("credential").asText()).orElseThrow().exposed()).isTrue();
        }
    }

    @Test
    void everyCheckFailsExactlyThePlantedSubjects() {
        SoftAssertions soft = new SoftAssertions();
        for (Check check : catalog.all()) {
            JsonNode plan = expected.get("checks").get(check.id());
            assertThat(plan).as("expected.yaml has %s", check.id()).isNotNull();
            List<CheckResult> results = check.evaluate(evidence, Parameters.defaults(check));
            soft.assertThat(subjects(results, Result.FAIL)).as("%s FAIL subjects", check.id())
                    .isEqualTo(listed(plan, "FAIL"));
            for (Result r : List.of(Result.PARTIAL, Result.NOT_APPLICABLE, Result.INSUFFICIENT_EVIDENCE, Result.PASS)) {
                soft.assertThat(subjects(results, r)).as("%s %s subjects", check.id(), r).containsAll(listed(plan, r.name()));
            }
        }
        soft.assertAll();
    }

    private static Set<String> subjects(List<CheckResult> results, Result result) {
        return results.stream().filter(r -> r.result() == result).map(CheckResult::subjectId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> listed(JsonNode plan, String result) {
        Set<String> out = new TreeSet<>();
        JsonNode list = plan.get(result);
        if (list != null) {
            list.forEach(e -> out.add(e.get("subject").asText()));
        }
        return out;
    }
}
