package dev.steward.assessment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Where a run's result packs and findings live while it is computed and after: under a key of the attempt (the run id,
 * '@', 16 hex digits), inserted and committed ahead of the run's transaction ({@link ResultWriter}), which stores the
 * key in the run row (migrations V14 and V16 say why; ADR 10 and 12). An attempt is noted ({@code assessment_attempt})
 * before its first pack and the note is deleted in the run's transaction; a failed attempt deletes its packs, its
 * findings and its note ({@link #abandon}); an attempt noted more than {@link #STALE} beyond the transaction timeout
 * ago whose run never came (its process was killed) has them deleted when the next attempt begins. Two attempts at the
 * same run (two processes on one store) have keys of their own: one stores the run, the other fails on the run's id
 * and deletes its own. Reads find packs and findings through the run row only ({@link #key}, {@link #findingsKey}).
 */
@ApplicationScoped
public class ResultPacks {

    private static final Logger LOG = Logger.getLogger(ResultPacks.class);
    /** How long past the transaction timeout an attempt's note is kept before its packs count as abandoned. */
    static final Duration STALE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource dataSource;
    private final AssessmentConfig config;

    public ResultPacks(AgroalDataSource dataSource, AssessmentConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Notes a new attempt at run {@code runId} and returns its pack key, committed in a transaction of its own; first
     * deletes the packs and notes of attempts noted before {@code now} minus the transaction timeout and
     * {@link #STALE}.
     */
    public String begin(String runId, Instant now) {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String key = runId + "@" + HexFormat.of().formatHex(nonce);
        Instant before = now.minusSeconds(config.transactionTimeoutSeconds()).minus(STALE);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                for (String stale : stale(c, before)) {
                    LOG.infof("deleting the results of an abandoned assessment attempt %s", stale);
                    delete(c, stale);
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO assessment_attempt (pack_key, run_id, started_at) VALUES (?, ?, ?)")) {
                    s.setString(1, key);
                    s.setString(2, runId);
                    s.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    s.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot note an attempt at assessment " + runId, e);
            }
        });
        return key;
    }

    /** A writer of run {@code runId}'s results: packs and findings under {@code key}, committed ahead of the run. */
    public ResultWriter writer(String runId, String key, int batchSize) {
        return new ResultWriter(runId, key, dataSource, batchSize);
    }

    /** In the run's transaction, once its run row names the key: the attempt is a run now. */
    public void finish(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM assessment_attempt WHERE pack_key = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }

    /**
     * Deletes a failed attempt's packs, findings and note, in a transaction of its own; unless a run names the key (its
     * transaction committed after all), in which case only the note is deleted.
     */
    public void abandon(String key) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                delete(c, key);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot delete the results of assessment attempt " + key, e);
            }
        });
    }

    /** The key run {@code runId}'s packs are stored under: the one its row names, else its id (runs before V14). */
    static String key(Connection c, String runId) throws SQLException {
        return named(c, "result_packs", runId);
    }

    /** The key run {@code runId}'s findings are stored under: the one its row names, else its id (runs before V16). */
    static String findingsKey(Connection c, String runId) throws SQLException {
        return named(c, "findings_key", runId);
    }

    /** As {@link #findingsKey(Connection, String)}, on a connection of its own. */
    public String findingsKey(String runId) {
        try (Connection c = dataSource.getConnection()) {
            return findingsKey(c, runId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read where the findings of run " + runId + " are", e);
        }
    }

    private static String named(Connection c, String column, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM assessment_run WHERE id = ?")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                String key = r.next() ? r.getString(1) : null;
                return key != null ? key : runId;
            }
        }
    }

    private static List<String> stale(Connection c, Instant before) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT pack_key FROM assessment_attempt WHERE started_at < ?"
                + " ORDER BY pack_key")) {
            s.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(r.getString(1));
                }
            }
        }
        return keys;
    }

    private static void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement named = c.prepareStatement(
                "SELECT COUNT(*) FROM assessment_run WHERE result_packs = ? OR findings_key = ?")) {
            named.setString(1, key);
            named.setString(2, key);
            try (ResultSet r = named.executeQuery()) {
                r.next();
                if (r.getLong(1) == 0) {
                    for (String table : List.of("assessment_result_pack", "assessment_result")) {
                        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                            s.setString(1, key);
                            s.executeUpdate();
                        }
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM assessment_attempt WHERE pack_key = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }
}
