package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.ingest.IngestService;
import dev.steward.testing.AssessmentFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
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
}
