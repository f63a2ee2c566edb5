package dev.steward.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.check.CheckCatalog;
import dev.steward.decisions.DecisionAggregates;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.UploadGrouping;
import dev.steward.mapping.MappingRegistry;
import dev.steward.security.Role;
import dev.steward.security.TokenService;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A window too large to hold is assessed shard by shard with exactly the outcome of one pass: sample-data/ is assessed
 * with {@code shard-rows} small enough to make several shards, and every stored result (in seq order, every column)
 * and every part of the summary equals what the one-pass {@link Assessor} gives on the whole evidence. The same run's
 * full results are served as JSON Lines (known PASS and NOT_APPLICABLE results with reason and evidence; a manager gets
 * its teams' results only).
 */
abstract class ShardedAssessmentContract {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant WINDOW_START = Instant.parse("2026-08-03T00:00:00Z");

    @Inject
    IngestService ingest;

    @Inject
    IngestConfig limits;

    @Inject
    EvidenceLoader loader;

    @Inject
    DecisionAggregates aggregates;

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentSettings settings;

    @Inject
    CheckCatalog catalog;

    @Inject
    MappingRegistry mappings;

    @Inject
    AssessmentStore store;

    @Inject
    TokenService tokens;

    @Inject
    dev.steward.report.ReportService reports;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static final String ADMIN = "test-admin-token";

    /** sample-data ingested and assessed once per database (subclass): each has a store of its own. */
    private static final Map<Class<?>, String> RUNS = new HashMap<>();

    private String runId() {
        return RUNS.computeIfAbsent(getClass(), c -> {
            for (var files : UploadGrouping.of(List.of(Path.of("sample-data")), limits).uploads()) {
                ingest.ingest(new IngestRequest(files, "auto", null, null, "sample-data", "test", null, null));
            }
            long shardRows = settings.config().shardRows();
            assertThat(aggregates.rows(WINDOW_START, AS_OF)).as("enough rows for several shards").isGreaterThan(4 * shardRows);
            if (shardRows < 500) {
                assertThat(aggregates.rows(WINDOW_START, AS_OF) / shardRows).as("more shards than a 64-bit mask holds")
                        .isGreaterThan(64);
            }
            return assessments.assess(AS_OF, Duration.between(WINDOW_START, AS_OF), "test").run().id();
        });
    }

    @Test
    void shardedRunStoresTheResultsAndSummaryOfOnePass() throws Exception {
        String id = runId();
        Evidence whole = loader.load(AS_OF, WINDOW_START);
        List<AssessedResult> expected = new ArrayList<>();
        Outcome onePass = new Assessor(catalog, mappings.current(), settings.checks(), settings.thresholds())
                .assess(whole, expected::add);

        AssessmentService.Assessed again = assessments.assess(AS_OF, Duration.between(WINDOW_START, AS_OF), "test");
        assertThat(again.created()).as("the same inputs find the stored run").isFalse();
        AssessmentRun run = again.run();
        assertThat(run.id()).isEqualTo(id);

        List<List<Object>> stored = stored(run.summary().id());
        assertThat(stored).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            AssessedResult a = expected.get(i);
            assertThat(stored.get(i)).as("result %d", i).containsExactly(i, a.checkId(), a.variant(), a.subjectType().name(),
                    a.subjectId(), a.result().name(), a.score(), a.severity().name(), a.weight(), a.owner(), a.team(),
                    a.manager(), a.environment(), a.reason(), AssessmentJson.write(a.evidence()));
        }
        AssessmentSummary s = run.summary();
        assertThat(AssessmentJson.write(s.totals())).isEqualTo(AssessmentJson.write(onePass.totals()));
        assertThat(AssessmentJson.write(s.checks())).isEqualTo(AssessmentJson.write(onePass.checks()));
        assertThat(AssessmentJson.write(s.frameworks())).isEqualTo(AssessmentJson.write(onePass.frameworks()));
        assertThat(AssessmentJson.write(s.rollups())).isEqualTo(AssessmentJson.write(onePass.rollups()));
        assertThat(AssessmentJson.write(s.teamFrameworks())).isEqualTo(AssessmentJson.write(onePass.teamFrameworks()));
        assertThat(AssessmentJson.write(s.teamRevocations()))
                .isEqualTo(AssessmentJson.write(onePass.teamRevocations()));
        RevocationLatency teams = TeamRevocation.merge(s.teamRevocations()).latency();
        assertThat(teams).as("the teams' latencies are the run's").isEqualTo(s.revocationLatency());
        assertThat(teams.measured()).as("sample-data measures some").isPositive();
        assertThat(s.teamFrameworks()).extracting(TeamFrameworks::team).as("the teams of the roll-ups")
                .containsExactlyElementsOf(s.rollups().teams().stream().map(RollupEntry::key).toList());
        assertThat(AssessmentJson.write(s.recommendations())).isEqualTo(AssessmentJson.write(onePass.recommendations()));
        assertThat(AssessmentJson.write(s.revocationLatency())).isEqualTo(AssessmentJson.write(onePass.revocationLatency()));
        assertThat(onePass.totals().findings()).as("the sample has findings to compare").isPositive();
        // credentials come in two runs (without a holder, then by first holder): the sample has both, out of id order
        List<String> runOrder = whole.subjectCredentials().stream().map(dev.steward.evidence.CredentialRecord::id).toList();
        assertThat(whole.subjectCredentials()).anyMatch(c -> c.holders().isEmpty()).anyMatch(c -> c.holders().size() > 1);
        assertThat(runOrder).isNotEqualTo(runOrder.stream().sorted().toList());
        assertThat(expected.stream().filter(a -> a.checkId().equals("LIF-1")).limit(runOrder.size())
                .map(AssessedResult::subjectId).toList())
                .as("a credential check's results in run order").isEqualTo(runOrder);
    }

    @Test
    void aPreviousRunThatCannotBeReadFailsTheRunAndLeavesNoShardFiles() throws Exception {
        runId();
        // the previous run is read on a second thread while this one loads the inventory and writes the shard files
        Instant prior = AS_OF.plusSeconds(5);
        Instant at = AS_OF.plusSeconds(6);
        String corrupt = "corrupt-" + java.util.UUID.randomUUID();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement p = c.prepareStatement(
                "INSERT INTO assessment_run (id, as_of, window_start, window_end, created_at, created_by, engine_version,"
                        + " mapping_version, parameters_digest, input_hashes, previous_id, result_count, finding_count,"
                        + " elapsed_ms, summary_json, controls_json) VALUES (?, ?, ?, ?, ?, 'test', 'x', 'x', 'x', '[]',"
                        + " NULL, 0, 0, 0, 'not json', '[]')")) {
            p.setString(1, corrupt);
            p.setObject(2, prior.atOffset(java.time.ZoneOffset.UTC));
            p.setObject(3, WINDOW_START.atOffset(java.time.ZoneOffset.UTC));
            p.setObject(4, prior.atOffset(java.time.ZoneOffset.UTC));
            p.setObject(5, prior.atOffset(java.time.ZoneOffset.UTC));
            p.executeUpdate();
        }
        Path tmp = java.nio.file.Files.createTempDirectory("steward-shard-test-");
        String tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            assertThatThrownBy(() -> assessments.assess(at, Duration.between(WINDOW_START, AS_OF), "test"))
                    .isInstanceOf(java.io.UncheckedIOException.class);
            try (var left = java.nio.file.Files.list(tmp)) {
                assertThat(left.toList()).as("shard files of the failed run").isEmpty();
            }
            assertThat(store.previous(at.plusSeconds(1), "")).as("no run stored at the failed as-of").contains(corrupt);
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement p = c.prepareStatement(
                    "DELETE FROM assessment_run WHERE id = ?")) {
                p.setString(1, corrupt);
                p.executeUpdate();
            }
        }
    }

    /** Every stored result through the store's reader (finding rows and packs merged), every field. */
    private List<List<Object>> stored(String runId) {
        List<List<Object>> rows = new ArrayList<>();
        store.results(runId, null, r -> {
            AssessedResult a = r.result();
            rows.add(Arrays.asList(r.seq(), a.checkId(), a.variant(), a.subjectType().name(), a.subjectId(), a.result().name(),
                    a.score(), a.severity().name(), a.weight(), a.owner(), a.team(), a.manager(), a.environment(), a.reason(),
                    AssessmentJson.write(a.evidence())));
        });
        return rows;
    }

    /**
     * The diff of a sharded run (its own thread reads the kept results back, each subject's previous findings looked up
     * once per shard) equals what a {@link DiffBuilder} fed the one-pass results finds against the same previous run.
     */
    @Test
    void aShardedRunsDiffIsTheDiffOfOnePass() {
        runId();
        Instant later = AS_OF.plus(Duration.ofDays(30));
        Duration window = Duration.between(WINDOW_START, AS_OF);
        AssessmentRun run = assessments.assess(later, window, "test").run();
        RunDiff stored = run.diff();
        assertThat(stored).as("a run before this one is stored").isNotNull();

        String previous = stored.previousId();
        DiffBuilder onePassDiff = new DiffBuilder(DiffBuilder.Previous.of(previous, stored.previousAsOf(),
                store.priorFindings(previous), assessments.get(previous).orElseThrow().summary(), List.of()),
                settings.config().diffMaxListed());
        Outcome onePass = new Assessor(catalog, mappings.current(), settings.checks(), settings.thresholds())
                .assess(loader.load(later, later.minus(window)), onePassDiff::accept);
        RunDiff expected = onePassDiff.finish(onePass, RunHeader.of(run.summary()));
        assertThat(AssessmentJson.write(stored.counts())).isEqualTo(AssessmentJson.write(expected.counts()));
        assertThat(stored.basis()).isEqualTo(expected.basis());
        assertThat(stored.basis().sentence()).as("the same store, a later as-of")
                .startsWith("The same inputs, mappings");
        assertThat(stored.teams()).as("the teams whose scores changed").isNotEmpty();
        assertThat(AssessmentJson.write(stored.teams())).isEqualTo(AssessmentJson.write(expected.teams()));
        assertThat(stored.counts().newFindings()).as("the later window has new findings").isPositive();
        assertThat(stored.counts().resolved()).as("and resolved ones").isPositive();
        assertThat(stored.counts().unchanged()).as("and unchanged ones").isPositive();
        for (var lists : List.of(List.of(stored.newFindings(), expected.newFindings()),
                List.of(stored.resolved(), expected.resolved()), List.of(stored.regressed(), expected.regressed()),
                List.of(stored.improved(), expected.improved()), List.of(stored.changed(), expected.changed()))) {
            assertThat(AssessmentJson.write(lists.get(0))).isEqualTo(AssessmentJson.write(lists.get(1)));
        }
    }

    @Test
    void everyResultIsServedAsJsonLinesAndAManagerGetsItsTeamsOnly() {
        String id = runId();
        long resultCount = store.run(id).orElseThrow().resultCount();
        List<JsonNode> all = lines(given().auth().oauth2(ADMIN).get("/api/v1/assessments/" + id + "/results")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString());
        assertThat(all).hasSize(Math.toIntExact(resultCount));
        assertThat(all).extracting(l -> l.get("seq").asInt()).isSorted().doesNotHaveDuplicates();
        assertThat(all).extracting(l -> l.get("result").asText()).contains("PASS", "NOT_APPLICABLE", "FAIL");

        List<String> fields = new java.util.ArrayList<>();
        all.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("seq", "assessmentId", "checkId", "variant", "subjectType", "subjectId", "result",
                "score", "severity", "reason", "owner", "manager", "team", "environment", "weight", "evidence", "controls");

        JsonNode pass = one(all, "OWN-1", "invoice-bot");
        assertThat(pass.get("result").asText()).isEqualTo("PASS");
        assertThat(pass.get("assessmentId").asText()).isEqualTo(id);
        assertThat(pass.get("reason").asText()).contains("p-ana");
        assertThat(pass.get("team").asText()).isEqualTo("payments");
        assertThat(pass.get("owner").asText()).isEqualTo("p-ana");
        assertThat(pass.get("evidence").findValuesAsText("kind")).contains("agent", "person");
        assertThat(pass.get("evidence").findValuesAsText("file")).contains("inventory.yaml");
        assertThat(pass.get("controls")).isNotEmpty();

        JsonNode notApplicable = one(all, "OWN-2", "campaign-writer");
        assertThat(notApplicable.get("result").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(notApplicable.get("reason").asText()).isNotBlank();
        assertThat(notApplicable.get("evidence")).isNotEmpty();
        assertThat(notApplicable.get("team").asText()).isEqualTo("marketing");

        String manager = tokens.create("m-" + UUID.randomUUID(), Role.MANAGER, List.of("payments"), null, "test").token();
        List<JsonNode> mine = lines(given().auth().oauth2(manager).get("/api/v1/assessments/" + id + "/results")
                .then().statusCode(200).extract().asString());
        assertThat(mine).isNotEmpty().extracting(l -> l.path("team").asText()).containsOnly("payments");
        assertThat(mine).hasSize((int) all.stream().filter(l -> "payments".equals(l.path("team").asText())).count());
        assertThat(mine).extracting(l -> l.get("subjectId").asText()).contains("invoice-bot").doesNotContain("campaign-writer");

        given().auth().oauth2(ADMIN).get("/api/v1/assessments/no-such-run/results").then().statusCode(404);
        given().get("/api/v1/assessments/" + id + "/results").then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/assessments/{id}/results"));
    }

    private static List<JsonNode> lines(String body) {
        assertThat(body).endsWith("\n");
        return body.lines().map(l -> {
            try {
                return AssessmentJson.MAPPER.readTree(l);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    private static JsonNode one(List<JsonNode> lines, String checkId, String subjectId) {
        List<JsonNode> found = lines.stream().filter(l -> checkId.equals(l.get("checkId").asText())
                && "default".equals(l.get("variant").asText()) && subjectId.equals(l.get("subjectId").asText())).toList();
        assertThat(found).as("%s of %s", checkId, subjectId).hasSize(1);
        return found.get(0);
    }

    /**
     * A sharded run hands on the inventory it loaded, and a report model built on it is the model built on a fresh
     * load; a stored run found again hands on none, and an inventory of another instant is not taken.
     */
    @Test
    void theInventoryOfAShardedRunMakesTheSameReportModel() {
        runId();
        Instant later = AS_OF.plusSeconds(1);
        AssessmentService.Assessed unasked = assessments.assess(AS_OF.plusSeconds(2), Duration.between(WINDOW_START, AS_OF),
                "test");
        assertThat(unasked.created()).isTrue();
        assertThat(unasked.inventory()).as("kept only when asked for: holding it costs a whole inventory").isNull();
        AssessmentService.Assessed done = assessments.assess(later, Duration.between(WINDOW_START, AS_OF), "test", true);
        assertThat(done.created()).isTrue();
        assertThat(done.inventory()).as("a sharded run loaded the inventory by itself").isNotNull();
        assertThat(done.inventory().asOf()).isEqualTo(later);
        String id = done.run().id();
        dev.steward.report.ReportModel taken = reports.model(id, null, dev.steward.report.ReportFilter.NONE,
                done.inventory()).orElseThrow();
        dev.steward.report.ReportModel loaded = reports.model(id, null, dev.steward.report.ReportFilter.NONE).orElseThrow();
        assertThat(comparable(taken)).isEqualTo(comparable(loaded));
        assertThat(taken.ownership().agents()).as("the sample's agents are in the model").isNotEmpty();

        // The inventory in force a year earlier differs from the run's: taking it would show in the model.
        Evidence other = loader.inventory(AS_OF.minus(Duration.ofDays(365)), WINDOW_START.minus(Duration.ofDays(365)));
        assertThat(other.agents().keySet()).isNotEqualTo(done.inventory().agents().keySet());
        dev.steward.report.ReportModel notTaken = reports.model(id, null, dev.steward.report.ReportFilter.NONE, other)
                .orElseThrow();
        assertThat(comparable(notTaken)).isEqualTo(comparable(loaded));

        AssessmentService.Assessed again = assessments.assess(later, Duration.between(WINDOW_START, AS_OF), "test", true);
        assertThat(again.created()).isFalse();
        assertThat(again.inventory()).isNull();
    }

    /** A model's content with its row streams read into lists (the model streams agents and findings lazily). */
    private static List<Object> comparable(dev.steward.report.ReportModel m) {
        List<Object> rows = new ArrayList<>();
        m.ownership().agents().forEach(rows::add);
        m.ownership().byOwner().forEach(rows::add);
        m.gaps().findings().forEach(rows::add);
        var o = m.ownership();
        var g = m.gaps();
        return List.of(o.headlines(), o.owners(), o.agentCount(), g.frameworks(), g.bySeverity(), g.findingCount(),
                g.topRisks(), g.recommendations(), g.controls(), g.appendix(), rows, m.meta().asOf(), m.meta().windowStart());
    }
}
