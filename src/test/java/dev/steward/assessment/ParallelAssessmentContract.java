package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.check.CheckCatalog;
import dev.steward.decisions.DecisionAggregates;
import dev.steward.decisions.WindowShards;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.UploadGrouping;
import dev.steward.mapping.MappingRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks evaluated on two threads store exactly what one thread stores: sample-data/ assessed shard by shard (many
 * small shards) with a parallelism of 1 and of 2 gives the same stored results (read back through the store, every
 * field, in seq order), the same results in run order for the diff, and the same scores, controls, roll-ups and
 * recommendations; the same holds for the one-pass engine. An exception inside a check on a worker thread fails the
 * run with the check's id in the message and leaves no stored run, result or pack behind. Either way the run's
 * threads end with it.
 */
abstract class ParallelAssessmentContract {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant WINDOW_START = Instant.parse("2026-08-03T00:00:00Z");
    /** An as-of no other test assesses (the PostgreSQL database is shared by the test classes of its profile). */
    private static final Instant FAILING_AS_OF = Instant.parse("2026-10-31T12:34:56Z");
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

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
    ResultPacks packs;

    @Inject
    AssessmentSettings settings;

    @Inject
    CheckCatalog catalog;

    @Inject
    MappingRegistry mappings;

    @Inject
    AssessmentStore store;

    @Inject
    AgroalDataSource dataSource;

    private void ingestSampleData() {
        for (var files : UploadGrouping.of(List.of(Path.of("sample-data")), limits).uploads()) {
            ingest.ingest(new IngestRequest(files, "auto", null, null, "sample-data", "test", null, null));
        }
    }

    private Assessor assessor() {
        return new Assessor(catalog, mappings.current(), settings.checks(), settings.thresholds());
    }

    /** What a sharded run with the given parallelism stores (under its own run id) and hands on in run order. */
    private record Sharded(List<StoredResult> stored, List<AssessedResult> inOrder, List<String> outcome) {
    }

    private Sharded sharded(int parallelism) {
        Evidence inventory = loader.inventory(AS_OF, WINDOW_START);
        String runId = "parallel-" + parallelism;
        List<AssessedResult> inOrder = new ArrayList<>();
        Outcome outcome;
        try (WindowShards shards = aggregates.shards(WINDOW_START, AS_OF, inventory, 8, TMP)) {
            assertThat(shards.count()).as("many shards").isEqualTo(8);
            outcome = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection();
                        ResultWriter writer = packs.writer(runId, runId, 1000)) {
                    return new ShardedAssessment(assessor(), parallelism).run(inventory, shards, writer,
                            InOrder.of(inOrder::add), TMP);
                }
            });
        }
        List<StoredResult> stored = new ArrayList<>();
        store.results(runId, null, stored::add);
        return new Sharded(stored, inOrder, json(outcome));
    }

    private static List<String> json(Outcome o) {
        return List.of(AssessmentJson.write(o.checks()), AssessmentJson.write(o.controls()),
                AssessmentJson.write(o.frameworks()), AssessmentJson.write(o.rollups()),
                AssessmentJson.write(o.recommendations()), AssessmentJson.write(o.revocationLatency()),
                AssessmentJson.write(o.totals()));
    }

    @Test
    void twoThreadsStoreWhatOneThreadStores() throws InterruptedException {
        ingestSampleData();
        Sharded one = sharded(1);
        Sharded two = sharded(2);
        assertThat(one.stored()).as("the sample gives many results").hasSizeGreaterThan(3_000);
        assertThat(one.stored()).extracting(StoredResult::seq).as("seq 0..n-1").isSorted().doesNotHaveDuplicates()
                .endsWith(one.stored().size() - 1);
        assertThat(two.stored()).hasSameSizeAs(one.stored());
        for (int i = 0; i < one.stored().size(); i++) {
            assertThat(two.stored().get(i)).as("stored result %d", i).isEqualTo(one.stored().get(i));
        }
        assertThat(two.inOrder()).as("results in run order for the diff").isEqualTo(one.inOrder());
        assertThat(two.outcome()).isEqualTo(one.outcome());

        Evidence whole = loader.load(AS_OF, WINDOW_START);
        List<AssessedResult> onePass = new ArrayList<>();
        List<AssessedResult> onePassParallel = new ArrayList<>();
        Outcome sequential = assessor().assess(whole, onePass::add, 1);
        Outcome parallel = assessor().assess(whole, onePassParallel::add, 2);
        assertThat(onePassParallel).isEqualTo(onePass);
        // the diff's thread gets every result of the sharded run in run order, as the one-pass run hands them on
        // (without reason and evidence, which the diff does not read)
        assertThat(one.inOrder()).extracting(AssessedResult::key, AssessedResult::result, AssessedResult::score,
                AssessedResult::weight, AssessedResult::owner, AssessedResult::team, AssessedResult::environment)
                .containsExactlyElementsOf(onePass.stream().map(a -> org.assertj.core.groups.Tuple.tuple(a.key(), a.result(),
                        a.score(), a.weight(), a.owner(), a.team(), a.environment())).toList());
        assertThat(json(parallel)).isEqualTo(json(sequential)).isEqualTo(one.outcome());
        assertThat(threadsLeft()).as("the workers, the pack encoder, the shard reader and the diff's reader are gone")
                .isEmpty();
    }

    /** Threads of finished runs still alive after a grace period (they stop asynchronously once shut down). */
    private static List<String> threadsLeft() throws InterruptedException {
        for (int i = 0; i < 250 && !stewardThreads().isEmpty(); i++) {
            Thread.sleep(20);
        }
        return stewardThreads();
    }

    private static List<String> stewardThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("steward-assess-") || n.equals("steward-result-packs")
                        || n.equals("steward-shard-reader") || n.equals("steward-diff"))
                .toList();
    }

    @Test
    void aCheckThatThrowsOnAWorkerFailsTheRunAndStoresNothing() throws Exception {
        ingestSampleData();
        long[] before = counts();
        List<dev.steward.check.Check> checks = new ArrayList<>(CheckCatalog.allChecks());
        checks.add(new ExplodingCheck());
        QuarkusMock.installMockForType(CheckCatalog.of(checks), CheckCatalog.class);
        ExplodingCheck.armed = true;
        try {
            assertThatThrownBy(() -> assessments.assess(FAILING_AS_OF, Duration.between(WINDOW_START, AS_OF), "test"))
                    .hasMessageContaining(ExplodingCheck.ID)
                    .hasMessageContaining("the exploding check exploded");
        } finally {
            ExplodingCheck.armed = false;
        }
        assertThat(ExplodingCheck.thread).as("it threw on a worker").startsWith("steward-assess-");
        assertThat(counts()).as("runs, result rows and packs").containsExactly(before);
        assertThat(assessments.list(0, 1000)).extracting(AssessmentStore.RunListItem::asOf).doesNotContain(FAILING_AS_OF);
        assertThat(threadsLeft()).as("a failed run's threads are gone too").isEmpty();
    }

    private long[] counts() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long[] out = new long[3];
            String[] tables = {"assessment_run", "assessment_result", "assessment_result_pack"};
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + tables[i])) {
                    r.next();
                    out[i] = r.getLong(1);
                }
            }
            return out;
        }
    }
}
