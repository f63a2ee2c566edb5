package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckCatalog;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.ingest.IngestService;
import dev.steward.mapping.MappingRegistry;
import dev.steward.testing.AssessmentFixture;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What assessment runs promise, on every supported database (H2 and PostgreSQL subclasses): the same inputs give the
 * same run and byte-identical findings, equal to what the engine computes in memory; every result is stored; one
 * changed record changes exactly the findings it should, and the diff says so. Each test uses its own as-of instant
 * and subject ids, so tests sharing a database do not disturb each other.
 */
abstract class AssessmentContract {

    @Inject
    IngestService ingest;

    @Inject
    AssessmentService assessments;

    @Inject
    EvidenceLoader evidence;

    @Inject
    CheckCatalog catalog;

    @Inject
    MappingRegistry mappings;

    @Inject
    AssessmentSettings settings;

    @Inject
    AgroalDataSource dataSource;

    byte[] findingsJson(String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(assessments.writeFindings(id, out)).isPresent();
        return out.toByteArray();
    }

    @Inject
    AssessmentStore store;

    /** Every stored result of a run through the store's reader, one text per result with every field and its seq. */
    List<String> storedResults(String id) {
        List<String> out = new ArrayList<>();
        store.results(id, null, r -> out.add(r.seq() + " " + AssessmentJson.write(r.result())));
        return out;
    }

    @ActivateRequestContext
    List<String> inMemoryResults(Instant asOf, Duration window) {
        List<String> out = new ArrayList<>();
        new Assessor(catalog, mappings.current(), settings.checks(), settings.thresholds())
                .assess(evidence.load(asOf, asOf.minus(window)), r -> out.add(out.size() + " " + AssessmentJson.write(
                        new AssessedResult(r.checkId(), r.variant(), r.subjectType(), r.subjectId(), r.result(), r.score(),
                                r.severity(), r.weight(), r.reason(), r.owner(), r.team(), r.manager(), r.environment(),
                                r.evidence(), List.of()))));
        return out;
    }

    @ActivateRequestContext
    byte[] inMemoryFindings(String id, Instant asOf, Duration window) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FindingsJson writer = new FindingsJson(out)) {
            new Assessor(catalog, mappings.current(), settings.checks(), settings.thresholds())
                    .assess(evidence.load(asOf, asOf.minus(window)), r -> {
                        if (r.result().finding()) {
                            writer.write(Finding.of(id, r));
                        }
                    });
        }
        return out.toByteArray();
    }

    @Test
    @ActivateRequestContext
    void theSameInputsGiveTheSameRunAndByteIdenticalFindings() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        Instant asOf = Instant.parse("2030-03-01T00:00:00Z");

        AssessmentService.Assessed first = assessments.assess(asOf, Duration.ofDays(90), "test");
        AssessmentService.Assessed again = assessments.assess(asOf, Duration.ofDays(90), "test");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(first.millisByCheck()).as("the time of every evaluation of the run made here")
                .containsOnlyKeys(first.run().summary().checks().stream()
                        .map(c -> c.checkId() + "|" + c.variant()).toList())
                .allSatisfy((evaluation, millis) -> assertThat(millis).isNotNegative());
        assertThat(again.millisByCheck()).as("a stored run evaluated nothing").isEmpty();
        assertThat(again.run().id()).isEqualTo(first.run().id());
        byte[] bytes = findingsJson(first.run().id());
        assertThat(findingsJson(again.run().id())).isEqualTo(bytes);
        assertThat(inMemoryFindings(first.run().id(), asOf, Duration.ofDays(90)))
                .as("stored findings equal the engine's output byte for byte").isEqualTo(bytes);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("\"checkId\":\"INV-1\",\"variant\":\"default\",\"subjectType\":\"principal\",\"subjectId\":\""
                + f.shadow() + "\"");
        assertThat(text).contains("\"subjectId\":\"" + f.keyB() + "\",\"result\":\"FAIL\"");

        AssessmentSummary s = first.run().summary();
        List<String> stored = storedResults(s.id());
        assertThat((long) stored.size()).as("PASS and NOT_APPLICABLE are stored too").isEqualTo(s.totals().results().total())
                .isGreaterThan(s.totals().findings());
        assertThat(stored).as("every stored result, every field, equals the engine's output in run order")
                .isEqualTo(inMemoryResults(asOf, Duration.ofDays(90)));
        assertThat(stored).anyMatch(r -> r.contains("\"result\":\"PASS\""))
                .anyMatch(r -> r.contains("\"result\":\"NOT_APPLICABLE\""));
        assertThat(s.inputs()).extracting(InputRef::contentHash).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
        assertThat(s.windowStart()).isEqualTo(asOf.minus(Duration.ofDays(90)));
        assertThat(s.mappingVersion()).isEqualTo(mappings.current().mappingVersion());
        assertThat(s.frameworks()).hasSize(mappings.current().frameworks().size());
        assertThat(s.recommendations()).filteredOn(r -> r.team().equals(f.team())).singleElement()
                .extracting(TeamRecommendation::recommendation).isEqualTo(Recommendation.MAINTAIN);
        assertThat(s.rollups().teams()).extracting(RollupEntry::key).contains(f.team(), "ops-" + f.s);
    }

    @Inject
    dev.steward.work.HeavyWork heavy;

    /**
     * An assessment to compute waits while another heavy job holds the permit (two at once ran a 1 GiB service out of
     * memory), then runs; one whose run is stored already does not wait.
     */
    @Test
    @ActivateRequestContext
    void anAssessmentWaitsForTheRunningHeavyJob() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        Instant asOf = Instant.parse("2030-05-01T00:00:00Z");
        Instant stored = Instant.parse("2030-05-02T00:00:00Z");
        String storedId = assessments.assess(stored, Duration.ofDays(90), "test").run().id();
        java.util.concurrent.atomic.AtomicReference<AssessmentService.Assessed> done = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread second = new Thread(() -> {
            io.quarkus.arc.ManagedContext request = io.quarkus.arc.Arc.container().requestContext();
            request.activate();
            try {
                done.set(assessments.assess(asOf, Duration.ofDays(90), "test"));
            } catch (Throwable t) {
                failed.set(t);
            } finally {
                request.terminate();
            }
        }, "second-assessment");
        try (dev.steward.work.HeavyWork.Permit permit = heavy.acquire("a test's heavy job")) {
            second.start();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (heavy.waiting() == 0 && second.isAlive() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(failed.get()).isNull();
            assertThat(heavy.waiting()).as("the second assessment waits for the permit").isEqualTo(1);
            assertThat(done.get()).isNull();
            assertThat(assessments.assess(stored, Duration.ofDays(90), "test").run().id())
                    .as("a stored run is found without the permit").isEqualTo(storedId);
        }
        second.join(Duration.ofMinutes(2).toMillis());
        assertThat(failed.get()).isNull();
        assertThat(done.get()).isNotNull();
        assertThat(done.get().created()).isTrue();
        assertThat(done.get().run().summary().asOf()).isEqualTo(asOf);
    }

    @Test
    @ActivateRequestContext
    void aDepartedOwnerChangesExactlyTheFindingsItShould() {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        Instant asOf = Instant.parse("2030-03-02T00:00:00Z");
        AssessmentService.Assessed before = assessments.assess(asOf, Duration.ofDays(90), "test");

        f.ingest(ingest, "inventory-v2-" + f.s + ".yaml", f.inventory(true));
        AssessmentService.Assessed after = assessments.assess(asOf, Duration.ofDays(90), "test");

        assertThat(after.created()).isTrue();
        assertThat(after.run().id()).isNotEqualTo(before.run().id());
        RunDiff d = after.run().diff();
        assertThat(d.previousId()).isEqualTo(before.run().id());
        assertThat(d.newFindings()).extracting(RunDiff.FindingChange::checkId, RunDiff.FindingChange::subjectId,
                RunDiff.FindingChange::previousResult, RunDiff.FindingChange::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("OWN-2", f.botA(), null, Result.FAIL),
                        org.assertj.core.groups.Tuple.tuple("LIF-1", f.keyA(), null, Result.FAIL));
        assertThat(d.counts()).extracting(RunDiff.Counts::newFindings, RunDiff.Counts::resolved, RunDiff.Counts::regressed,
                RunDiff.Counts::improved, RunDiff.Counts::changed).containsExactly(2L, 0L, 0L, 0L, 0L);
        assertThat(d.controls()).as("controls mapping OWN-2 or LIF-1 lose score").isNotEmpty()
                .allSatisfy(c -> assertThat(c.delta() == null || c.delta() <= 0).isTrue());
        assertThat(after.run().summary().recommendations()).filteredOn(r -> r.team().equals(f.team())).singleElement()
                .satisfies(r -> {
                    assertThat(r.recommendation()).isEqualTo(Recommendation.GOVERNANCE_FIRST);
                    assertThat(r.checks()).containsExactly("OWN-2", "LIF-1");
                });
        List<String> controls = new ArrayList<>(mappings.current().controlsForCheck("OWN-2"));
        assertThat(assessments.findings(after.run().id(), new AssessmentStore.FindingFilter("OWN-2", null, null, null, null,
                null, null), 0, 100).orElseThrow()).filteredOn(x -> x.subjectId().equals(f.botA())).singleElement()
                .satisfies(x -> {
                    assertThat(x.controls()).isEqualTo(controls);
                    assertThat(x.owner()).isEqualTo("p-dora-" + f.s);
                    assertThat(x.manager()).isEqualTo("p-boss-" + f.s);
                    assertThat(x.reason()).contains("departed 2030-01-20");
                });
        // one agent's and one credential's findings, read as such: the run's own, in run order
        String run = after.run().id();
        Map<String, List<String>> byEvaluation = after.run().summary().controlsByEvaluation();
        List<String> all = new ArrayList<>();
        store.streamFindings(run, byEvaluation, x -> all.add(x.checkId() + " " + x.subjectId() + " " + x.reason()));
        List<String> some = new ArrayList<>();
        store.streamFindings(run, byEvaluation, null, java.util.Set.of(f.botA(), f.keyA()),
                x -> some.add(x.checkId() + " " + x.subjectId() + " " + x.reason()));
        assertThat(some).isEqualTo(all.stream().filter(t -> t.split(" ")[1].equals(f.botA()) || t.split(" ")[1].equals(f.keyA()))
                .toList()).anySatisfy(t -> assertThat(t).startsWith("OWN-2 " + f.botA() + " "))
                .anySatisfy(t -> assertThat(t).startsWith("LIF-1 " + f.keyA() + " "));
        assertThat(store.streamFindings(run, byEvaluation, java.util.Set.of("OWN-2"), java.util.Set.of(f.botA(), f.keyA()),
                x -> { })).as("with a check too").isEqualTo(1);
        assertThat(store.streamFindings(run, byEvaluation, null, java.util.Set.of(), x -> { })).isZero();
        // a team's findings, and beside them those of another team's credential
        List<Finding> every = new ArrayList<>();
        store.streamFindings(run, byEvaluation, every::add);
        List<String> pay = new ArrayList<>();
        java.util.Set<String> none = java.util.Set.of();
        store.streamTeamFindings(run, byEvaluation, java.util.Set.of(f.team()), none, x -> pay.add(key(x)));
        assertThat(pay).isEqualTo(every.stream().filter(x -> f.team().equals(x.team())).map(AssessmentContract::key)
                .toList())
                .contains("OWN-2|default|" + f.botA() + "|FAIL", "LIF-1|default|" + f.keyA() + "|FAIL")
                .noneMatch(k -> k.contains("|" + f.keyB() + "|"));
        List<String> payAndKeyB = new ArrayList<>();
        store.streamTeamFindings(run, byEvaluation, java.util.Set.of(f.team()), java.util.Set.of(f.keyB()),
                x -> payAndKeyB.add(key(x)));
        assertThat(payAndKeyB).isEqualTo(every.stream()
                .filter(x -> f.team().equals(x.team()) || x.subjectId().equals(f.keyB()))
                .map(AssessmentContract::key).toList()).anyMatch(k -> k.contains("|" + f.keyB() + "|"));
        List<String> once = new ArrayList<>();
        store.streamTeamFindings(run, byEvaluation, java.util.Set.of(f.team()), java.util.Set.of(f.keyA(), f.keyB()),
                x -> once.add(key(x)));
        assertThat(once).as("a subject of the teams is read once").isEqualTo(payAndKeyB);
        assertThat(store.streamTeamFindings(run, byEvaluation, none, java.util.Set.of(f.keyB()), x -> { }))
                .isEqualTo(every.stream().filter(x -> x.subjectId().equals(f.keyB())).count()).isPositive();
        assertThat(store.streamTeamFindings(run, byEvaluation, none, none, x -> { })).isZero();
    }

    @Test
    @ActivateRequestContext
    void pagesOfFindingsAreTheRunsFindingsInRunOrderWhateverTheFilter() {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        String run = assessments.assess(Instant.parse("2030-03-03T00:00:00Z"), Duration.ofDays(90), "test").run().id();
        Map<String, List<String>> byEvaluation = assessments.summary(run).orElseThrow().controlsByEvaluation();
        List<Finding> all = new ArrayList<>();
        store.streamFindings(run, byEvaluation, all::add);
        assertThat(all).hasSizeGreaterThan(6);
        String someCheck = all.get(all.size() / 2).checkId();
        List<AssessmentStore.FindingFilter> filters = List.of(AssessmentStore.FindingFilter.NONE,
                new AssessmentStore.FindingFilter(someCheck, null, null, null, null, null, null),
                new AssessmentStore.FindingFilter(null, null, null, f.team(), null, null, Result.FAIL),
                new AssessmentStore.FindingFilter(null, null, null, "ops-" + f.s, null, null, null));
        for (AssessmentStore.FindingFilter filter : filters) {
            List<String> expected = all.stream().filter(x -> matches(filter, x)).map(AssessmentContract::key).toList();
            List<String> paged = new ArrayList<>();
            for (int page = 0; ; page++) {
                List<Finding> items = assessments.findings(run, filter, page, 3).orElseThrow();
                items.forEach(x -> paged.add(key(x)));
                if (items.size() < 3) {
                    break;
                }
            }
            assertThat(paged).as("pages of three, %s", filter).isEqualTo(expected);
            assertThat(store.countFindings(run, filter)).isEqualTo(expected.size());
        }
        assertThat(assessments.findings(run, AssessmentStore.FindingFilter.NONE, 0, 1000).orElseThrow())
                .as("controls and every field, as the stream reads them").usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(all);
    }

    /**
     * A run of more packs than one query fetches ({@link PackCursor#BATCH}) reads back whole and once, in seq order
     * whatever order its packs were written in; a read for a team keeps that team's results.
     */
    @Test
    void aRunOfManyPacksReadsBackWholeInRunOrder() throws Exception {
        String run = "packs-" + UUID.randomUUID();
        int packs = PackCursor.BATCH * 2 + 5;
        List<StoredResult> expected = new ArrayList<>();
        ResultPack.Encoder encoder = new ResultPack.Encoder();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO"
                + " assessment_result_pack (run_id, pack, first_seq, last_seq, result_count, body)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            // pack k holds seqs 3k and 3k + 1 (a gap after each, as a finding row leaves one); the last written first
            for (int k = packs - 1; k >= 0; k--) {
                for (int i = 0; i < 2; i++) {
                    StoredResult r = new StoredResult(3 * k + i, new AssessedResult("OWN-1", "default",
                            SubjectType.AGENT, "agent-" + k + "-" + i, Result.PASS, 1.0, Severity.HIGH, 2,
                            "reason " + k, "p-" + k, "team-" + k % 3, null, "prod", List.of(), List.of()));
                    encoder.add(r.seq(), r.result());
                    expected.add(r);
                }
                insert.setString(1, run);
                insert.setInt(2, packs - 1 - k);
                insert.setInt(3, 3 * k);
                insert.setInt(4, 3 * k + 1);
                insert.setInt(5, 2);
                insert.setBytes(6, encoder.finish());
                insert.executeUpdate();
            }
        } finally {
            encoder.close();
        }
        expected.sort(java.util.Comparator.comparingInt(StoredResult::seq));

        List<StoredResult> read = new ArrayList<>();
        assertThat(store.results(run, null, read::add)).isEqualTo(expected.size());
        assertThat(read).isEqualTo(expected);
        List<StoredResult> ofTeam = new ArrayList<>();
        store.results(run, java.util.Set.of("team-2"), ofTeam::add);
        assertThat(ofTeam).hasSize(2 * (packs / 3)).isEqualTo(expected.stream()
                .filter(r -> "team-2".equals(r.result().team())).toList());
    }

    private static boolean matches(AssessmentStore.FindingFilter filter, Finding x) {
        return (filter.checkId() == null || filter.checkId().equals(x.checkId()))
                && (filter.team() == null || filter.team().equals(x.team()))
                && (filter.result() == null || filter.result() == x.result());
    }

    private static String key(Finding x) {
        return x.checkId() + "|" + x.variant() + "|" + x.subjectId() + "|" + x.result();
    }
}
