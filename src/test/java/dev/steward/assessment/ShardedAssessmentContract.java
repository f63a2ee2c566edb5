package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckCatalog;
import dev.steward.decisions.DecisionAggregates;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.UploadGrouping;
import dev.steward.mapping.MappingRegistry;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A window too large to hold is assessed shard by shard with exactly the outcome of one pass: sample-data/ is assessed
 * with {@code shard-rows} small enough to make several shards, and every stored result (in seq order, every column)
 * and every part of the summary equals what the one-pass {@link Assessor} gives on the whole evidence.
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
    AgroalDataSource dataSource;

    @Test
    void shardedRunStoresTheResultsAndSummaryOfOnePass() throws Exception {
        for (var files : UploadGrouping.of(List.of(Path.of("sample-data")), limits).uploads()) {
            ingest.ingest(new IngestRequest(files, "auto", null, null, "sample-data", "test", null, null));
        }
        assertThat(aggregates.rows(WINDOW_START, AS_OF)).as("enough rows for several shards").isGreaterThan(4 * 3000);

        Evidence whole = loader.load(AS_OF, WINDOW_START);
        List<AssessedResult> expected = new ArrayList<>();
        Outcome onePass = new Assessor(catalog, mappings.current(), settings.checks(), settings.thresholds())
                .assess(whole, expected::add);

        AssessmentRun run = assessments.assess(AS_OF, Duration.between(WINDOW_START, AS_OF), "test").run();

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
        assertThat(AssessmentJson.write(s.recommendations())).isEqualTo(AssessmentJson.write(onePass.recommendations()));
        assertThat(AssessmentJson.write(s.revocationLatency())).isEqualTo(AssessmentJson.write(onePass.revocationLatency()));
        assertThat(onePass.totals().findings()).as("the sample has findings to compare").isPositive();
    }

    private List<List<Object>> stored(String runId) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT seq, check_id, variant,"
                + " subject_type, subject_id, result, score, severity, weight, owner_id, team, manager, environment, reason,"
                + " evidence FROM assessment_result WHERE run_id = ? ORDER BY seq")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    row.add(r.getInt(1));
                    for (int i = 2; i <= 6; i++) {
                        row.add(r.getString(i));
                    }
                    double score = r.getDouble(7);
                    row.add(r.wasNull() ? null : score);
                    row.add(r.getString(8));
                    row.add(r.getInt(9));
                    for (int i = 10; i <= 15; i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
