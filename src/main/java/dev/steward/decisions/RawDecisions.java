package dev.steward.decisions;

import dev.steward.ingest.DecisionLine;
import dev.steward.store.PackReads;
import dev.steward.store.StringListConverter;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads raw decisions back, every field with its provenance (upload, source file and line), now that they are stored
 * as {@link DecisionPack}s rather than SQL rows: those of one upload (the raw-evidence download) and those of the
 * committed uploads in a time window (the auditor's sample). Stores ingested before packs keep {@code decision} rows;
 * they are read first, in insertion order, then packs in upload and pack order: storage order, stable across reads.
 */
@ApplicationScoped
public class RawDecisions {

    /** Receives decisions in storage order. */
    @FunctionalInterface
    public interface Visitor {
        void decision(long uploadId, DecisionLine decision) throws IOException;
    }

    private static final String COLUMNS = "d.upload_id, d.id, d.decided_at, d.agent, d.credential, d.on_behalf_of, d.tool,"
            + " d.action, d.resource, d.scope, d.allowed, d.policy, d.reason, d.trigger_ref, d.approval, d.risk,"
            + " d.environment, d.interactive, d.user_agent, d.source_file, d.source_line";
    /** One pack's body by its key: the packs are listed first, then read one at a time ({@link PackReads}). */
    private static final String BODY = "SELECT data FROM decision_pack WHERE upload_id = ? AND pack = ?";
    private static final String COMMITTED = " JOIN upload u ON u.id = %s.upload_id AND u.status = 'COMMITTED'";

    private final AgroalDataSource dataSource;

    public RawDecisions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every decision of one upload, in file order. */
    public void ofUpload(long uploadId, Visitor visitor) throws IOException {
        read("SELECT " + COLUMNS + " FROM decision d WHERE d.upload_id = ? ORDER BY d.pk",
                "SELECT p.upload_id, p.pack FROM decision_pack p WHERE p.upload_id = ? ORDER BY p.pack",
                s -> s.setLong(1, uploadId), null, null, visitor);
    }

    /** The decisions of committed uploads decided in [from, to), in storage order. */
    public void inWindow(Instant from, Instant to, Visitor visitor) throws IOException {
        read("SELECT " + COLUMNS + " FROM decision d" + COMMITTED.formatted("d")
                + " WHERE d.decided_at >= ? AND d.decided_at < ? ORDER BY d.pk",
                "SELECT p.upload_id, p.pack FROM decision_pack p" + COMMITTED.formatted("p")
                        + " WHERE p.max_decided_at >= ? AND p.min_decided_at < ? ORDER BY p.upload_id, p.pack",
                s -> {
                    s.setObject(1, from.atOffset(ZoneOffset.UTC));
                    s.setObject(2, to.atOffset(ZoneOffset.UTC));
                }, from, to, visitor);
    }

    private void read(String oldRows, String packs, PackReads.Binder binder, Instant from, Instant to, Visitor visitor)
            throws IOException {
        try (Connection c = dataSource.getConnection()) {
            // outside a transaction, open one so PostgreSQL streams by fetch size; inside one (JTA), use it
            boolean auto = c.getAutoCommit();
            if (auto) {
                c.setAutoCommit(false);
            }
            try {
                try (PreparedStatement s = c.prepareStatement(oldRows)) {
                    binder.bind(s);
                    s.setFetchSize(5000);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            visitor.decision(r.getLong(1), row(r));
                        }
                    }
                }
                PackReads.each(c, packs, binder, BODY, "decision_pack", (upload, pack, body) -> {
                    for (DecisionLine d : DecisionPack.decode(body)) {
                        if (from == null || (!d.time().isBefore(from) && d.time().isBefore(to))) {
                            visitor.decision(upload, d);
                        }
                    }
                });
            } finally {
                if (auto) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read decisions: " + e.getMessage(), e);
        }
    }

    private static DecisionLine row(ResultSet r) throws SQLException {
        Boolean interactive = r.getBoolean(18);
        if (r.wasNull()) {
            interactive = null;
        }
        return new DecisionLine(r.getString(2), r.getObject(3, OffsetDateTime.class).toInstant(), r.getString(4),
                r.getString(5), StringListConverter.read(r.getString(6)), r.getString(7), r.getString(8), r.getString(9),
                r.getString(10), r.getBoolean(11), r.getString(12), r.getString(13), r.getString(14), r.getString(15),
                r.getString(16), r.getString(17), interactive, r.getString(19), r.getString(20), r.getLong(21));
    }

    /** {@link #inWindow} for callers that cannot throw: the visitor's IOException arrives unchecked. */
    public void inWindowUnchecked(Instant from, Instant to, Visitor visitor) {
        try {
            inWindow(from, to, visitor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
