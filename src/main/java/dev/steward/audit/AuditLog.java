package dev.steward.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The append-only, hash-chained audit trail ({@code audit_event}). {@link #record} appends one entry in a transaction
 * of its own (so a failed upload is still audited, and a rollback of the caller's work never removes its entry);
 * appends lock the one {@code audit_head} row, so several replicas on one database still get gap-free seqs and an
 * unbroken chain. There is no code path that updates or deletes an entry; on PostgreSQL a trigger rejects both
 * (db/vendor/postgresql/V7_1), on H2 {@link #verify()} is the guard. Audit is a sink: it depends on no feature.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    static final int MAX_DETAIL = 4000;
    private static final int MAX_VALUE = 500;
    private static final int ATTEMPTS = 5;
    private static final String COLUMNS = "seq, occurred_at, actor, action, target, outcome, detail, prev_hash, hash";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.clock = Clock.systemUTC();
    }

    /** The last entry's seq and hash (seq 0 and the genesis hash for an empty trail). */
    public record Head(long seq, String hash) {
    }

    /** Appends an entry with no detail. */
    public AuditEvent record(String actor, AuditAction action, String target, AuditOutcome outcome) {
        return record(actor, action, target, outcome, Map.of());
    }

    /**
     * Appends an entry in its own transaction and returns it. {@code detail} becomes a small JSON object (keys sorted,
     * long values cut); callers never put a secret in it.
     */
    public AuditEvent record(String actor, AuditAction action, String target, AuditOutcome outcome, Map<String, ?> detail) {
        String who = cut(actor == null || actor.isBlank() ? "unknown" : actor, 200);
        String what = target == null ? null : cut(target, 500);
        String details = detail(detail);
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                AuditEvent e = QuarkusTransaction.requiringNew().call(() -> append(who, action, what, outcome, details));
                LOG.debugf("audit %d: %s %s %s %s", e.seq(), e.actor(), e.action(), e.target(), e.outcome());
                return e;
            } catch (RuntimeException e) {
                if (!(e.getCause() instanceof SQLException sql) || attempt == ATTEMPTS) {
                    throw new IllegalStateException("cannot append to the audit trail (" + action + " by " + who + "): "
                            + e.getMessage(), e);
                }
                last = sql;
                LOG.debugf("audit append attempt %d lost a race, retrying: %s", attempt, sql.getMessage());
            }
        }
        throw new IllegalStateException("cannot append to the audit trail", last);
    }

    private AuditEvent append(String actor, AuditAction action, String target, AuditOutcome outcome, String detail)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Head head;
            try (PreparedStatement p = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
                    ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("audit_head has no row; the V7 migration did not run");
                }
                head = new Head(r.getLong(1), r.getString(2));
            }
            long seq = head.seq() + 1;
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String hash = AuditChain.hash(seq, at, actor, action.name(), target, outcome.wire(), detail, head.hash());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_event (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, seq);
                p.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                p.setString(3, actor);
                p.setString(4, action.name());
                p.setString(5, target);
                p.setString(6, outcome.wire());
                p.setString(7, detail);
                p.setString(8, head.hash());
                p.setString(9, hash);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ?")) {
                p.setLong(1, seq);
                p.setString(2, hash);
                p.setLong(3, head.seq());
                if (p.executeUpdate() != 1) {
                    throw new SQLException("the audit head moved while locked");
                }
            }
            return new AuditEvent(seq, at, actor, action.name(), target, outcome.wire(), detail, head.hash(), hash);
        }
    }

    /** The current head. */
    public Head head() {
        return query("SELECT seq, hash FROM audit_head WHERE id = 1", List.of(), r -> new Head(r.getLong(1), r.getString(2)))
                .stream().findFirst().orElse(new Head(0, AuditChain.GENESIS));
    }

    /** The stored entry at {@code seq}, if any. */
    public java.util.Optional<AuditEvent> at(long seq) {
        return query("SELECT " + COLUMNS + " FROM audit_event WHERE seq = ?", List.of(seq), AuditLog::event).stream().findFirst();
    }

    /** One page of entries matching the filter, newest first. */
    public List<AuditEvent> page(AuditFilter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(size);
        args.add((long) page * size);
        return query("SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?", args,
                AuditLog::event);
    }

    /** How many entries match the filter. */
    public long count(AuditFilter filter) {
        List<Object> args = new ArrayList<>();
        return query("SELECT COUNT(*) FROM audit_event" + where(filter, args), args, r -> r.getLong(1)).get(0);
    }

    /** Every entry matching the filter, oldest first, to the consumer; returns how many. */
    public long stream(AuditFilter filter, Consumer<AuditEvent> consumer) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM audit_event" + where(filter, args) + " ORDER BY seq";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            p.setFetchSize(1000);
            long n = 0;
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    consumer.accept(event(r));
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /**
     * Recomputes the whole chain from seq 1 and reports the first broken entry; the head read before the entries is
     * where the chain must end (entries appended meanwhile are read too and only extend it).
     */
    public AuditVerification verify() {
        Head head = head();
        ChainVerifier v = new ChainVerifier(true);
        stream(new AuditFilter(null, null, null, null), e -> {
            if (e.seq() <= head.seq()) {
                v.accept(e);
            }
        });
        AuditVerification result = v.finish(head.seq(), head.hash());
        if (!result.ok()) {
            LOG.errorf("audit trail does not verify: %s", result.problem().message());
        }
        return result;
    }

    private static String where(AuditFilter f, List<Object> args) {
        StringBuilder w = new StringBuilder();
        if (f.action() != null) {
            w.append(" AND action = ?");
            args.add(f.action().name());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            w.append(" AND actor = ?");
            args.add(f.actor());
        }
        if (f.from() != null) {
            w.append(" AND occurred_at >= ?");
            args.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            w.append(" AND occurred_at < ?");
            args.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        return w.isEmpty() ? "" : " WHERE" + w.substring(4);
    }

    private static AuditEvent event(ResultSet r) throws SQLException {
        OffsetDateTime t = r.getObject(2, OffsetDateTime.class);
        return new AuditEvent(r.getLong(1), t == null ? null : t.toInstant(), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getString(9));
    }

    static String detail(Map<String, ?> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        Map<String, Object> safe = new TreeMap<>();
        detail.forEach((k, v) -> safe.put(k, v instanceof String s ? cut(s, MAX_VALUE) : v));
        try {
            String json = JSON.writeValueAsString(safe);
            return json.length() <= MAX_DETAIL ? json : JSON.writeValueAsString(Map.of("truncated", true,
                    "keys", String.join(",", safe.keySet())));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable: " + e.getMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    private static void bind(PreparedStatement p, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            p.setObject(i + 1, args.get(i));
        }
    }

    private <T> List<T> query(String sql, List<?> args, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            List<T> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(row.map(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail query failed: " + e.getMessage(), e);
        }
    }
}
