package dev.steward.decisions;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk-loads rows into one PostgreSQL table with {@code COPY ... FROM STDIN (FORMAT csv)}, PostgreSQL's bulk-load path,
 * in chunks: the caller appends a row's fields in the column order of the statement, ends the row, and flushes. In
 * CSV format an unquoted empty field is NULL and every text value is quoted, so empty strings and NULLs stay distinct.
 * Used for raw decisions and for their per-day aggregates, the two row kinds one decision upload writes.
 */
final class PgCopy {

    static final String DECISIONS = "COPY decision (upload_id, id, decided_at, agent, credential, on_behalf_of, tool,"
            + " action, resource, scope, allowed, policy, reason, trigger_ref, approval, risk, environment, interactive,"
            + " user_agent, source_file, source_line) FROM STDIN (FORMAT csv)";
    static final String DAILY = "COPY decision_daily (upload_id, day_utc, agent, credential, tool, action, scope,"
            + " environment, allowed, on_behalf_of, decision_count, with_policy, complete, human, high_risk, approved,"
            + " high_risk_approved, first_at, last_at) FROM STDIN (FORMAT csv)";

    private final CopyManager copy;
    private final String sql;
    private final StringBuilder buf = new StringBuilder(1 << 20);
    private boolean first = true;
    private int rows;

    private PgCopy(CopyManager copy, String sql) {
        this.copy = copy;
        this.sql = sql;
    }

    /** A COPY writer for {@code sql} when the connection is PostgreSQL's, else null. */
    static PgCopy forConnection(Connection c, String sql) throws SQLException {
        if (!c.isWrapperFor(PGConnection.class)) {
            return null;
        }
        return new PgCopy(c.unwrap(PGConnection.class).getCopyAPI(), sql);
    }

    /** Rows ended and not yet flushed. */
    int buffered() {
        return rows;
    }

    PgCopy text(String v) {
        separate();
        if (v != null) {
            buf.append('"');
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"') {
                    buf.append('"');
                }
                buf.append(c);
            }
            buf.append('"');
        }
        return this;
    }

    PgCopy number(long v) {
        separate();
        buf.append(v);
        return this;
    }

    PgCopy bool(Boolean v) {
        separate();
        if (v != null) {
            buf.append(v ? 't' : 'f');
        }
        return this;
    }

    PgCopy instant(Instant v) {
        separate();
        buf.append(DateTimeFormatter.ISO_INSTANT.format(v));
        return this;
    }

    PgCopy date(LocalDate v) {
        separate();
        buf.append(v);
        return this;
    }

    void endRow() {
        buf.append('\n');
        first = true;
        rows++;
    }

    private void separate() {
        if (!first) {
            buf.append(',');
        }
        first = false;
    }

    void flush() throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(buf.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of " + rows + " rows failed: " + sql, e);
        }
        buf.setLength(0);
        rows = 0;
    }
}
