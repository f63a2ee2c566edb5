package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.decisions.DecisionAggregates;
import dev.steward.ingest.IngestService;
import dev.steward.testing.AssessmentFixture;
import dev.steward.work.HeavyWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web pages' model of the latest run is built once per run, filter and state of the store: a new run or a new
 * upload gives the next page a new model, and a manager's filter never gets the organisation's.
 */
@QuarkusTest
class PageModelCacheTest {

    @Inject
    ReportService reports;

    @Inject
    AssessmentService assessments;

    @Inject
    IngestService ingest;

    @Inject
    PageWarmer warmer;

    @Inject
    HeavyWork heavy;

    @Inject
    MeterRegistry metrics;

    @Inject
    DecisionAggregates decisions;

    @Test
    void thePagesModelIsKeptPerRunFilterAndUpload() {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        // an as-of of its own, so that the run is new and the latest whatever other tests stored
        Instant at = Instant.parse("2030-03-05T00:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(1, 80_000));
        String first = assessments.assess(at, null, "test").run().id();

        ReportModel all = reports.latestForPages(ReportFilter.NONE).orElseThrow();
        assertThat(all.meta().assessmentId()).isEqualTo(first);
        assertThat(reports.latestForPages(ReportFilter.NONE).orElseThrow()).as("kept for the next page").isSameAs(all);
        ReportFilter mine = ReportFilter.NONE.within(Set.of(f.team()));
        ReportModel scoped = reports.latestForPages(mine).orElseThrow();
        assertThat(scoped).isNotSameAs(all);
        assertThat(scoped.ownership().agents()).extracting(AgentRow::team).containsOnly(f.team());
        assertThat(reports.latestForPages(mine).orElseThrow()).isSameAs(scoped);

        String second = assessments.assess(at.plusSeconds(1), null, "test").run().id();
        ReportModel next = reports.latestForPages(ReportFilter.NONE).orElseThrow();
        assertThat(next).isNotSameAs(all);
        assertThat(next.meta().assessmentId()).isEqualTo(second);

        f.ingest(ingest, "later-" + f.s + ".yaml", f.inventory(true));
        ReportModel afterUpload = reports.latestForPages(ReportFilter.NONE).orElseThrow();
        assertThat(afterUpload).as("an upload may change the inventory the run's report reads").isNotSameAs(next);
        assertThat(afterUpload.meta().assessmentId()).isEqualTo(second);
    }

    @Test
    void theWarmerBuildsTheModelTheFirstPageThenFinds() throws Exception {
        String run = newLatestRun();
        long builds = builds();

        ReportModel warmed = warmer.warm().get(2, TimeUnit.MINUTES).orElseThrow();
        assertThat(warmed.meta().assessmentId()).isEqualTo(run);
        assertThat(builds()).as("the warmer built the model").isEqualTo(builds + 1);
        ReportModel page = reports.latestForPages(ReportFilter.NONE).orElseThrow();
        assertThat(page == warmed).as("the page has the warmed model").isTrue();
        assertThat(builds()).as("the page found it built").isEqualTo(builds + 1);

        // and the decision packs' filters: the first agent page reads by them, not every pack of the window
        double all = subjectReads("all");
        double filtered = subjectReads("filtered");
        String agent = warmed.ownership().agents().iterator().next().id();
        decisions.windowOf(warmed.meta().windowStart(), warmed.meta().asOf(), agent, null);
        assertThat(subjectReads("all")).as("no full read after the warm-up").isEqualTo(all);
        assertThat(subjectReads("filtered")).isEqualTo(filtered + 1);
    }

    @Test
    void theWarmUpGivesWayToHeavyWork() throws Exception {
        String run = newLatestRun();
        long builds = builds();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> next;
            try (HeavyWork.Permit running = heavy.acquire("a test's assessment")) {
                // heavy work runs: the warm-up leaves its steps out rather than build beside it or queue behind it
                assertThat(warmer.warm().get(2, TimeUnit.MINUTES).map(m -> m.meta().assessmentId())).isEmpty();
                next = other.submit(() -> heavy.acquire("the next assessment").close());
                awaitWaiting(1);
                assertThat(warmer.warm().get(2, TimeUnit.MINUTES).map(m -> m.meta().assessmentId())).isEmpty();
                assertThat(builds()).as("nothing built beside heavy work").isEqualTo(builds);
            }
            next.get(1, TimeUnit.MINUTES);
            assertThat(heavy.waiting()).isZero();
        } finally {
            other.shutdownNow();
        }
        assertThat(warmer.warm().get(2, TimeUnit.MINUTES).orElseThrow().meta().assessmentId()).isEqualTo(run);
        assertThat(builds()).as("built once the permit was free").isEqualTo(builds + 1);
    }

    private void awaitWaiting(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (heavy.waiting() < n) {
            assertThat(System.nanoTime()).as("%d waiting for the heavy-work permit", n).isLessThan(until);
            Thread.sleep(5);
        }
    }

    @Test
    void pagesAskingAtOnceWaitForOneBuild() throws Exception {
        String run = newLatestRun();
        long builds = builds();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pages = Executors.newFixedThreadPool(3);
        try {
            List<Future<ReportModel>> asked = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                asked.add(pages.submit(() -> {
                    go.await();
                    return inRequest(() -> reports.latestForPages(ReportFilter.NONE).orElseThrow());
                }));
            }
            go.countDown();
            ReportModel first = asked.get(0).get(2, TimeUnit.MINUTES);
            assertThat(first.meta().assessmentId()).isEqualTo(run);
            for (Future<ReportModel> f : asked) {
                assertThat(f.get(2, TimeUnit.MINUTES) == first).as("every page has the one model built").isTrue();
            }
            assertThat(builds()).as("three pages at once, one build").isEqualTo(builds + 1);
        } finally {
            pages.shutdownNow();
        }
    }

    @Test
    void aDownloadOfTheLatestRunIsThePagesModelStampedAnew() throws Exception {
        String older = newLatestRun();
        String run = newLatestRun();
        ReportModel page = reports.latestForPages(ReportFilter.NONE).orElseThrow();
        long builds = builds();

        for (String asked : Arrays.asList(null, "", run)) {
            ReportModel download = reports.download(asked, null, ReportFilter.NONE).orElseThrow();
            assertThat(download.ownership() == page.ownership() && download.gaps() == page.gaps())
                    .as("the download of %s reads the pages' model", asked).isTrue();
            assertThat(download.meta().assessmentId()).isEqualTo(run);
            assertThat(download.meta().generatedAt()).isAfterOrEqualTo(page.meta().generatedAt());
        }
        assertThat(builds()).as("no model built for the downloads").isEqualTo(builds);
        // the very report a model built afresh gives, but for the time it was made
        ReportModel fresh = reports.model(run, null, ReportFilter.NONE).orElseThrow();
        for (ReportKind kind : ReportKind.values()) {
            assertThat(stampless(kind, reports.download(null, null, ReportFilter.NONE).orElseThrow()))
                    .isEqualTo(stampless(kind, fresh));
        }

        ReportModel framework = reports.download(null, "owasp-nhi-2025", ReportFilter.NONE).orElseThrow();
        assertThat(framework.meta().framework()).isEqualTo("owasp-nhi-2025");
        assertThat(framework.gaps()).isNotSameAs(page.gaps());
        ReportModel earlier = reports.download(older, null, ReportFilter.NONE).orElseThrow();
        assertThat(earlier.meta().assessmentId()).isEqualTo(older);
        assertThat(earlier.gaps()).isNotSameAs(page.gaps());
        assertThat(builds()).as("another framework or run is built afresh, not as the pages' model").isEqualTo(builds);
    }

    /** The JSON report without the time it was made. */
    private String stampless(ReportKind kind, ReportModel model) {
        var out = new ByteArrayOutputStream();
        reports.write(kind, ReportFormat.JSON, model, out);
        String json = out.toString(StandardCharsets.UTF_8);
        String stamp = model.meta().generatedAt().toString();
        assertThat(json).as("the JSON report says when it was made").contains(stamp);
        return json.replace(stamp, "(generated)");
    }

    private String newLatestRun() {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        Instant at = Instant.parse("2031-03-05T00:00:00Z")
                .plusSeconds(ThreadLocalRandom.current().nextInt(1, 8_000_000));
        return assessments.assess(at, null, "test").run().id();
    }

    private long builds() {
        // registered when the report service is first used
        Timer builds = metrics.find("steward.pages.model.build").timer();
        return builds == null ? 0 : builds.count();
    }

    private double subjectReads(String packs) {
        return metrics.get("steward.decisions.subject.reads").tag("packs", packs).counter().count();
    }

    private static <T> T inRequest(Callable<T> work) throws Exception {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            return work.call();
        } finally {
            request.terminate();
        }
    }
}
