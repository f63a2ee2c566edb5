package dev.steward.decisions;

import dev.steward.evidence.DecisionAggregate;
import dev.steward.store.StringListConverter;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the per-day decision aggregates of an observation window, summed over uploads and flushes so each key
 * appears once. The window is taken in whole UTC days: [day of windowStart, day of asOf), so an as-of at midnight
 * (the default for periods) is exact.
 */
@ApplicationScoped
public class DecisionAggregates {

    private static final String KEY = "d.day_utc, d.agent, d.credential, d.tool, d.action, d.scope, d.environment,"
            + " d.allowed, d.on_behalf_of";
    private static final String QUERY = "SELECT " + KEY + ", SUM(d.decision_count), SUM(d.with_policy), SUM(d.complete),"
            + " SUM(d.human), SUM(d.high_risk), SUM(d.approved), SUM(d.high_risk_approved), MIN(d.first_at), MAX(d.last_at)"
            + " FROM decision_daily d JOIN upload u ON u.id = d.upload_id AND u.status = 'COMMITTED'"
            + " WHERE d.day_utc >= ? AND d.day_utc < ? GROUP BY " + KEY + " ORDER BY " + KEY;

    private final AgroalDataSource dataSource;

    public DecisionAggregates(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<DecisionAggregate> window(Instant windowStart, Instant asOf) {
        LocalDate from = firstDay(windowStart);
        LocalDate to = endDay(asOf);
        List<DecisionAggregate> out = new ArrayList<>();
        Dedup dedup = new Dedup();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setObject(1, from);
            s.setObject(2, to);
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new DecisionAggregate(dedup.day(r.getObject(1, LocalDate.class)), dedup.text(r.getString(2)),
                            dedup.text(r.getString(3)), dedup.text(r.getString(4)), dedup.text(r.getString(5)),
                            dedup.text(r.getString(6)), dedup.text(r.getString(7)), r.getBoolean(8),
                            dedup.chain(r.getString(9)), r.getLong(10), r.getLong(11), r.getLong(12),
                            r.getLong(13), r.getLong(14), r.getLong(15), r.getLong(16), instant(r.getObject(17, OffsetDateTime.class)),
                            instant(r.getObject(18, OffsetDateTime.class))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read decision aggregates", e);
        }
        return out;
    }

    /** A committed upload with aggregates in the window: probes the upload index instead of scanning the window. */
    private static final String IN_WINDOW = "u.status = 'COMMITTED' AND EXISTS (SELECT 1 FROM decision_daily d"
            + " WHERE d.upload_id = u.id AND d.day_utc >= ? AND d.day_utc < ?)";
    private static final String ROWS = "FROM decision_daily d JOIN upload u ON u.id = d.upload_id AND u.status = 'COMMITTED'"
            + " WHERE d.day_utc >= ? AND d.day_utc < ?";

    /**
     * An upper bound of the window's stored rows (before summing by key), cheap to read: the decisions of the committed
     * uploads that have rows in the window (an aggregate row holds at least one decision).
     */
    public long rows(Instant windowStart, Instant asOf) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(u.decision_count), 0) FROM upload u WHERE " + IN_WINDOW)) {
            s.setObject(1, firstDay(windowStart));
            s.setObject(2, endDay(asOf));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count decision aggregates", e);
        }
    }

    /**
     * The window split into {@code shards} shards by subject ({@link WindowShards}), in one pass over the stored rows
     * that sums nothing in the database: memory holds a dictionary of the window's distinct texts, never its rows.
     */
    public WindowShards shards(Instant windowStart, Instant asOf, dev.steward.evidence.Evidence inventory, int shards,
            java.nio.file.Path tmp) {
        try {
            WindowShards out;
            try (Connection c = dataSource.getConnection()) {
                boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
                out = new WindowShards(inventory, Math.max(1, Math.min(64, shards)), tmp, !postgres);
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("SELECT d.day_utc, d.agent, d.credential, d.tool, d.action,"
                        + " d.scope, d.environment, d.allowed, d.on_behalf_of, d.decision_count, d.with_policy, d.complete,"
                        + " d.human, d.high_risk, d.approved, d.high_risk_approved, d.first_at, d.last_at " + ROWS)) {
                    s.setObject(1, firstDay(windowStart));
                    s.setObject(2, endDay(asOf));
                    s.setFetchSize(10_000);
                    try (ResultSet r = s.executeQuery()) {
                        long[] counts = new long[7];
                        while (r.next()) {
                            for (int i = 0; i < 7; i++) {
                                counts[i] = r.getLong(10 + i);
                            }
                            out.add(r.getObject(1, LocalDate.class), r.getString(2), r.getString(3), r.getString(4),
                                    r.getString(5), r.getString(6), r.getString(7), r.getBoolean(8), r.getString(9), counts,
                                    instant(r.getObject(17, OffsetDateTime.class)), instant(r.getObject(18, OffsetDateTime.class)));
                        }
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(auto);
                }
            }
            out.finishWriting();
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read decision aggregates", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write decision shards", e);
        }
    }

    /**
     * Ids of the committed uploads that contribute aggregates to the window {@link #window} reads, in id order: the
     * decision inputs of an assessment.
     */
    public List<Long> uploadsInWindow(Instant windowStart, Instant asOf) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT u.id FROM upload u WHERE " + IN_WINDOW + " ORDER BY u.id")) {
            s.setObject(1, firstDay(windowStart));
            s.setObject(2, endDay(asOf));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decision uploads of the window", e);
        }
        return ids;
    }

    private static LocalDate firstDay(Instant windowStart) {
        return windowStart.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** First day after the window: the day of asOf, or the next one when asOf is not at midnight. */
    private static LocalDate endDay(Instant asOf) {
        LocalDate to = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
        return asOf.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() > 0 ? to.plusDays(1) : to;
    }

    /**
     * One instance per distinct value: the driver returns new strings and dates for every row, while a window holds
     * millions of aggregates over a few hundred thousand agents, credentials and tools and at most a few hundred days.
     * Sharing them cuts the window's memory by more than half.
     */
    private static final class Dedup {
        private final Map<String, String> texts = new HashMap<>();
        private final Map<LocalDate, LocalDate> days = new HashMap<>();
        private final Map<String, List<String>> chains = new HashMap<>();

        String text(String s) {
            return s == null ? null : texts.computeIfAbsent(s, k -> k);
        }

        LocalDate day(LocalDate d) {
            return d == null ? null : days.computeIfAbsent(d, k -> k);
        }

        List<String> chain(String serialized) {
            if (serialized == null) {
                return List.of();
            }
            return chains.computeIfAbsent(serialized, k -> List.copyOf(StringListConverter.read(k).stream().map(this::text).toList()));
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
