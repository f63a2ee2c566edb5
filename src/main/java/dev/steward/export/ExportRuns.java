package dev.steward.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code export_run} table: the record of every period's export and the lock that makes it happen once. A claim
 * inserts the period's row before any work; the unique period makes a second replica's insert fail, so it skips. A
 * FAILED row, or a RUNNING row older than the stale limit (its exporter crashed), is claimed again by a conditional
 * update that only one replica can win. Plain JDBC in auto-commit: each statement is its own transaction.
 */
@ApplicationScoped
public class ExportRuns {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    /** Published, then deleted from disk by retention; the record keeps its hashes. */
    public static final String PURGED = "PURGED";

    private final AgroalDataSource dataSource;

    public ExportRuns(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row of export_run. */
    public record ExportRun(String period, String status, Instant startedAt, Instant finishedAt, String assessmentId,
            String manifestSha256, String previousSha256, Long sizeBytes, Integer fileCount, String location, String error,
            Instant purgedAt) {
    }

    /** Claims the period for this exporter; false when another has it (running or done). */
    public boolean claim(String period, Instant now, Instant staleBefore) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO export_run (period, status, started_at) VALUES (?, ?, ?)")) {
                ps.setString(1, period);
                ps.setString(2, RUNNING);
                ps.setObject(3, odt(now));
                ps.executeUpdate();
                return true;
            } catch (SQLException duplicate) {
                if (get(c, period).isEmpty()) {
                    throw duplicate;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE export_run SET status = ?, started_at = ?, finished_at = NULL,"
                    + " error = NULL WHERE period = ? AND (status = ? OR (status = ? AND started_at < ?))")) {
                ps.setString(1, RUNNING);
                ps.setObject(2, odt(now));
                ps.setString(3, period);
                ps.setString(4, FAILED);
                ps.setString(5, RUNNING);
                ps.setObject(6, odt(staleBefore));
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim export of " + period + ": " + e.getMessage(), e);
        }
    }

    public void done(String period, Instant now, String assessmentId, String manifestSha256, String previousSha256,
            long size, int files, String location) {
        update("UPDATE export_run SET status = ?, finished_at = ?, assessment_id = ?, manifest_sha256 = ?, previous_sha256 = ?,"
                + " size_bytes = ?, file_count = ?, location = ?, error = NULL WHERE period = ?",
                DONE, odt(now), assessmentId, manifestSha256, previousSha256, size, files, location, period);
    }

    public void failed(String period, Instant now, String error) {
        String e = error == null ? "unknown error" : error;
        update("UPDATE export_run SET status = ?, finished_at = ?, error = ? WHERE period = ?",
                FAILED, odt(now), e.length() > 4000 ? e.substring(0, 4000) : e, period);
    }

    /**
     * Marks a DONE period PURGED; false when it is not DONE (any more): only one replica wins, and only that one
     * deletes the bundle.
     */
    public boolean purged(String period, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE export_run SET status = ?, purged_at = ? WHERE period = ? AND status = ?")) {
                ps.setString(1, PURGED);
                ps.setObject(2, odt(now));
                ps.setString(3, period);
                ps.setString(4, DONE);
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the purge of " + period + ": " + e.getMessage(), e);
        }
    }

    public Optional<ExportRun> get(String period) {
        try (Connection c = dataSource.getConnection()) {
            return get(c, period);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every export, newest period first. */
    public List<ExportRun> list() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY period DESC");
                ResultSet rs = ps.executeQuery()) {
            List<ExportRun> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SELECT = "SELECT period, status, started_at, finished_at, assessment_id, manifest_sha256,"
            + " previous_sha256, size_bytes, file_count, location, error, purged_at FROM export_run";

    private static Optional<ExportRun> get(Connection c, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static ExportRun row(ResultSet rs) throws SQLException {
        long size = rs.getLong(8);
        boolean noSize = rs.wasNull();
        int files = rs.getInt(9);
        boolean noFiles = rs.wasNull();
        return new ExportRun(rs.getString(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class)),
                rs.getString(5), rs.getString(6), rs.getString(7), noSize ? null : size, noFiles ? null : files,
                rs.getString(10), rs.getString(11), instant(rs.getObject(12, OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record export: " + e.getMessage(), e);
        }
    }
}
