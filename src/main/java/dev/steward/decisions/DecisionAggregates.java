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
import java.util.List;

/**
 * Reads the per-day decision aggregates of an observation window, summed over uploads and flushes so each key
 * appears once. The window is taken in whole UTC days: [day of windowStart, day of asOf), so an as-of at midnight
 * (the default for periods) is exact.
 */
@ApplicationScoped
public class DecisionAggregates {

    // columns qualified: upload has a scope column too
    private static final String QUERY = "SELECT d.day_utc, d.agent, d.credential, d.tool, d.action, d.scope,"
            + " d.environment, d.allowed, d.on_behalf_of, SUM(d.decision_count), SUM(d.with_policy), SUM(d.complete),"
            + " SUM(d.human), SUM(d.high_risk), SUM(d.approved), SUM(d.high_risk_approved), MIN(d.first_at), MAX(d.last_at)"
            + " FROM decision_daily d JOIN upload u ON u.id = d.upload_id AND u.status = 'COMMITTED'"
            + " WHERE d.day_utc >= ? AND d.day_utc < ?"
            + " GROUP BY d.day_utc, d.agent, d.credential, d.tool, d.action, d.scope, d.environment, d.allowed,"
            + " d.on_behalf_of";

    private final AgroalDataSource dataSource;

    public DecisionAggregates(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<DecisionAggregate> window(Instant windowStart, Instant asOf) {
        LocalDate from = windowStart.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate to = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
        if (asOf.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() > 0) {
            to = to.plusDays(1);
        }
        List<DecisionAggregate> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setObject(1, from);
            s.setObject(2, to);
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new DecisionAggregate(r.getObject(1, LocalDate.class), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getBoolean(8),
                            StringListConverter.read(r.getString(9)), r.getLong(10), r.getLong(11), r.getLong(12),
                            r.getLong(13), r.getLong(14), r.getLong(15), r.getLong(16), instant(r.getObject(17, OffsetDateTime.class)),
                            instant(r.getObject(18, OffsetDateTime.class))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read decision aggregates", e);
        }
        return out;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
