package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ingest.IngestService;
import dev.steward.security.AccessScope;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Where a run's result packs and findings live (ADR 10 and 12), on every supported database: under the key of the
 * attempt that stored them, named by the run row; those of attempts that never became a run are deleted, never read.
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
     * A run's packs and findings are committed ahead of it under a key of its attempt, which the run row names; the
     * attempt's note is gone with the run's transaction. A later attempt deletes the packs and findings of attempts
     * noted long ago whose run never came, keeps those of recent attempts and those a run names.
     */
    @Test
    @ActivateRequestContext
    void packsAndFindingsLiveUnderTheKeyTheirRunNamesAndAbandonedAttemptsLoseTheirs() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        Instant asOf = Instant.parse("2030-04-02T00:00:00Z");
        String id = assessments.assess(asOf, Duration.ofDays(90), "test").run().id();
        String key = single("SELECT result_packs FROM assessment_run WHERE id = ?", id);
        assertThat(key).startsWith(id + "@").hasSize(id.length() + 17);
        assertThat(count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", key)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", id)).isZero();
        assertThat(single("SELECT findings_key FROM assessment_run WHERE id = ?", id)).isEqualTo(key);
        long findings = count("SELECT finding_count FROM assessment_run WHERE id = ?", id);
        assertThat(findings).as("the fixture has findings").isPositive();
        assertThat(count("SELECT COUNT(*) FROM assessment_result WHERE run_id = ?", key)).isEqualTo(findings);
        assertThat(count("SELECT COUNT(*) FROM assessment_result WHERE run_id = ?", id)).isZero();
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
        finding(dead);
        finding(recent);
        String next = packs.begin("next-" + UUID.randomUUID(), now);

        assertThat(count("SELECT COUNT(*) FROM assessment_result_pack WHERE run_id = ?", dead)).as("dead").isZero();
        assertThat(count("SELECT COUNT(*) FROM assessment_result WHERE run_id = ?", dead)).as("dead").isZero();
        assertThat(count("SELECT COUNT(*) FROM assessment_result WHERE run_id = ?", recent)).as("maybe running")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM assessment_result WHERE run_id = ?", key)).as("a run names them")
                .isEqualTo(findings);
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
        assertThat(count("SELECT COUNT(*) FROM assessment_result WHERE run_id = ?", recent)).isZero();
        assertThat(count("SELECT COUNT(*) FROM assessment_attempt WHERE pack_key IN (?, ?)", recent, next)).isZero();
    }

    /**
     * A run stored before V16 has its findings under its own id and no findings key: every read of its findings (the
     * pages, their count, the stream, the diff's, the merged results and a manager's FAIL counts) finds the same as
     * for a run of today. The run of today is turned into one of then by moving its rows; in between, with the rows
     * moved and the key still named, the reads find nothing, so it is the key that they follow.
     */
    @Test
    @ActivateRequestContext
    void aRunStoredBeforeFindingsHadAKeyReadsThemUnderItsId() throws Exception {
        AssessmentFixture f = new AssessmentFixture();
        f.ingestAll(ingest);
        String id = assessments.assess(Instant.parse("2030-04-03T00:00:00Z"), Duration.ofDays(90), "test").run().id();
        String key = single("SELECT findings_key FROM assessment_run WHERE id = ?", id);
        List<String> today = reads(id, f.team());
        assertThat(today.get(1)).as("findings counted").isNotEqualTo("0");

        update("UPDATE assessment_result SET run_id = ? WHERE run_id = ?", id, key);
        assertThat(store.countFindings(id, AssessmentStore.FindingFilter.NONE)).as("the key is followed").isZero();
        update("UPDATE assessment_run SET findings_key = NULL WHERE id = ?", id);
        assertThat(reads(id, f.team())).isEqualTo(today);
    }

    /** What each read of a run's findings gives, as text. */
    private List<String> reads(String id, String team) {
        Map<String, List<String>> controls = assessments.summary(id).orElseThrow().controlsByEvaluation();
        List<String> streamed = new ArrayList<>();
        store.streamFindings(id, controls, x -> streamed.add(AssessmentJson.write(x)));
        List<StoredResult> results = new ArrayList<>();
        store.results(id, null, results::add);
        return List.of(AssessmentJson.write(store.findings(id, AssessmentStore.FindingFilter.NONE, controls, 0, 1000)),
                String.valueOf(store.countFindings(id, AssessmentStore.FindingFilter.NONE)),
                String.join("\n", streamed),
                String.valueOf(store.priorFindings(id)), String.valueOf(results),
                AssessmentJson.write(assessments.controls(id, null, AccessScope.teams(List.of(team))).orElseThrow()));
    }

    private void update(String sql, String... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            assertThat(s.executeUpdate()).as(sql).isPositive();
        }
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

    private void finding(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO"
                + " assessment_result (run_id, seq, check_id, variant, subject_type, subject_id, result, severity,"
                + " weight, finding, reason, evidence) VALUES (?, 0, 'OWN-1', '', 'AGENT', 'a', 'FAIL', 'HIGH', 1,"
                + " TRUE, 'r', '[]')")) {
            s.setString(1, key);
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
