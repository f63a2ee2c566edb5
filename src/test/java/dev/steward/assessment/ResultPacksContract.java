package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ingest.IngestService;
import dev.steward.testing.AssessmentFixture;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Where a run's result packs live (ADR 10), on every supported database: under the key of the attempt that stored
 * them, named by the run row; packs of attempts that never became a run are deleted, never read.
 */
abstract class ResultPacksContract {

    @Inject
    IngestService ingest;

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentStore store;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ResultPacks packs;

    /**
     * A run's packs are committed ahead of it under a key of its attempt, which the run row names; the attempt's note
     * is gone with the run's transaction. A later attempt deletes the packs of attempts noted long ago whose run never
     * came, keeps those of recent attempts and those a run names.
     */
    @Test
    @ActivateRequestContext
    void packsLiveUnderTheKeyTheirRunNamesAndAbandonedAttemptsLoseTheirs() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        Instant asOf = Instant.parse("2030-04-02T00:00:00Z");
        String id = assessments.assess(asOf, Duration.ofDays(90), "test").run().id();
        String key = single("SELECT result_packs FROM assessment_run WHERE id = ?", id);
        assertThat(key).startsWith(id + "@").hasSize(id.length() + 17);
        assertThat(count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", key)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM assessment_attempt WHERE run_id = ?", id)).as("no note left").isZero();
        long packsOfRun = count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", key);

        Instant now = Instant.now();
        String dead = "dead-" + UUID.randomUUID() + "@0";
        String recent = "recent-" + UUID.randomUUID() + "@0";
        note(dead, now.minus(Duration.ofDays(30)));
        note(recent, now.minusSeconds(5));
        note(key, now.minus(Duration.ofDays(30)));
        pack(dead);
        pack(recent);
        String next = packs.begin("next-" + UUID.randomUUID(), now);

        assertThat(count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", dead)).as("dead").isZero();
        assertThat(count("SELECT COUNT(*) FROM assessment_attempt WHERE pack_key = ?", dead)).isZero();
        assertThat(count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", recent)).as("maybe running")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", key)).as("a run names them")
                .isEqualTo(packsOfRun);
        assertThat(count("SELECT COUNT(*) FROM assessment_attempt WHERE pack_key = ?", key)).isZero();
        assertThat(count("SELECT COUNT(*) FROM assessment_attempt WHERE pack_key = ?", next)).isEqualTo(1);
        List<StoredResult> read = new ArrayList<>();
        store.results(id, null, read::add);
        assertThat(read).as("the run reads back whole").hasSize(
                (int) assessments.get(id).orElseThrow().summary().totals().results().total());

        packs.abandon(recent);
        packs.abandon(next);
        assertThat(count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", recent)).isZero();
        assertThat(count("SELECT COUNT(*) FROM assessment_attempt WHERE pack_key IN (?, ?)", recent, next)).isZero();
    }

    long count(String sql, String... args) throws Exception {
        return Long.parseLong(single(sql, args));
    }

    String single(String sql, String... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (java.sql.ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(sql).isTrue();
                return r.getString(1);
            }
        }
    }

    private void note(String key, Instant startedAt) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO assessment_attempt (pack_key, run_id, started_at) VALUES (?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, key.substring(0, key.indexOf('@')));
            s.setObject(3, java.time.OffsetDateTime.ofInstant(startedAt, java.time.ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    private void pack(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO"
                + " assessment_result_pack (run_id, pack, first_seq, last_seq, result_count, body)"
                + " VALUES (?, 0, 0, 0, 1, ?)")) {
            s.setString(1, key);
            s.setBytes(2, new byte[] {1, 2, 3});
            s.executeUpdate();
        }
    }
}
