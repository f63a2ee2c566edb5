package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.RollupEntry;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.SourceAdapters;
import dev.steward.testing.SampleData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A report narrowed by team, manager, owner, environment or a manager's teams lists exactly the agents of the whole
 * report that the filter matches, with the same rows and headline count: the agents it skips without building their
 * rows ({@link ReportFilter#mayMatch}) are only those that could not match.
 */
@QuarkusTest
class FilteredRowsTest {

    @Inject
    ReportService reports;

    @Inject
    AssessmentService assessments;

    @Inject
    IngestService ingest;

    @Inject
    IngestConfig limits;

    @Inject
    SourceAdapters sources;

    @Test
    void aNarrowedReportHasTheWholeReportsMatchingRows() {
        // the sample data: 82 agents of several teams, managers and environments, some unowned
        String run = SampleData.ensure(ingest, limits, sources, assessments);
        List<AgentRow> all = rows(reports.model(run, null, ReportFilter.NONE).orElseThrow());
        assertThat(all).hasSizeGreaterThan(80);
        AgentRow some = all.stream().filter(r -> r.manager() != null && "prod".equals(r.environment())).findFirst()
                .orElseThrow();
        String other = all.stream().map(AgentRow::team).filter(t -> t != null && !t.equals(some.team())).findFirst()
                .orElseThrow();
        List<ReportFilter> filters = List.of(new ReportFilter(some.team(), null, null, null),
                new ReportFilter(null, some.manager(), null, null), new ReportFilter(null, null, some.owner(), null),
                new ReportFilter(null, null, null, some.environment()),
                new ReportFilter(null, null, RollupEntry.NONE, null),
                new ReportFilter(null, RollupEntry.NONE, null, null),
                new ReportFilter(null, some.manager(), null, some.environment()).within(Set.of(some.team(), other)),
                ReportFilter.NONE.within(Set.of(other)));
        for (ReportFilter filter : filters) {
            ReportModel narrowed = reports.model(run, null, filter).orElseThrow();
            List<AgentRow> expected = all.stream().filter(filter::matches).toList();
            assertThat(expected).as("%s matches some agents, not all", filter).isNotEmpty().hasSizeLessThan(all.size());
            assertThat(rows(narrowed)).as("%s", filter).isEqualTo(expected);
            assertThat(narrowed.ownership().headlines().get(0).value()).isEqualTo(expected.size());
        }
        assertThat(rows(reports.model(run, null, filters.get(0)).orElseThrow())).contains(some);
    }

    private static List<AgentRow> rows(ReportModel model) {
        List<AgentRow> out = new ArrayList<>();
        model.ownership().agents().forEach(out::add);
        return out;
    }
}
