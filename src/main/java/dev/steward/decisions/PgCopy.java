package dev.steward.decisions;

import dev.steward.ingest.DecisionLine;
import dev.steward.store.StringListConverter;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes raw decisions to PostgreSQL with {@code COPY ... FROM STDIN (FORMAT csv)}, PostgreSQL's bulk-load path, in
 * chunks of rows. In CSV format an unquoted empty field is NULL and every text value is quoted, so empty strings and
 * NULLs stay distinct.
 */
final class PgCopy {

    private static final String COPY = "COPY decision (upload_id, id, decided_at, agent, credential, on_behalf_of, tool,"
            + " action, resource, scope, allowed, policy, reason, trigger_ref, approval, risk, environment, interactive,"
            + " user_agent, source_file, source_line) FROM STDIN (FORMAT csv)";

    private final CopyManager copy;
    private final long uploadId;
    private final StringBuilder buf = new StringBuilder(1 << 20);
    private int rows;

    private PgCopy(CopyManager copy, long uploadId) {
        this.copy = copy;
        this.uploadId = uploadId;
    }

    /** A COPY writer when the connection is PostgreSQL's, else null. */
    static PgCopy forConnection(Connection c, long uploadId) throws SQLException {
        if (!c.isWrapperFor(PGConnection.class)) {
            return null;
        }
        return new PgCopy(c.unwrap(PGConnection.class).getCopyAPI(), uploadId);
    }

    int buffered() {
        return rows;
    }

    void add(DecisionLine d) {
        buf.append(uploadId).append(',');
        text(d.id());
        buf.append(DateTimeFormatter.ISO_INSTANT.format(d.time())).append(',');
        text(d.agent());
        text(d.credential());
        text(d.onBehalfOf().isEmpty() ? null : StringListConverter.write(d.onBehalfOf()));
        text(d.tool());
        text(d.action());
        text(d.resource());
        text(d.scope());
        buf.append(d.allowed() ? "t," : "f,");
        text(d.policy());
        text(d.reason());
        text(d.trigger());
        text(d.approval());
        text(d.risk());
        text(d.environment());
        buf.append(d.interactive() == null ? "" : d.interactive() ? "t" : "f").append(',');
        text(d.userAgent());
        text(d.file());
        buf.append(d.line()).append('\n');
        rows++;
    }

    private void text(String v) {
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
        buf.append(',');
    }

    void flush() throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            copy.copyIn(COPY, new StringReader(buf.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of " + rows + " decisions failed", e);
        }
        buf.setLength(0);
        rows = 0;
    }
}
