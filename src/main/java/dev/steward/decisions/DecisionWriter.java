package dev.steward.decisions;

import dev.steward.ingest.DecisionLine;
import dev.steward.store.StringListConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the decisions of one upload with JDBC batches, and folds them into per-day aggregates kept in a bounded map
 * that is flushed to {@code decision_daily} whenever it reaches its key limit (readers sum rows of the same key, so a
 * flush never loses or double counts). The connection is committed every {@code commitEvery} rows: the upload stays
 * PENDING, and so invisible to every reader, until its status flips to COMMITTED. On PostgreSQL raw rows and
 * aggregates go through COPY ({@link PgCopy}); elsewhere through multi-row INSERT batches.
 */
public final class DecisionWriter implements AutoCloseable {

    /** Rows per multi-row INSERT: both H2 and PostgreSQL insert several times faster than with one row each. */
    private static final int ROWS_PER_STATEMENT = 50;
    private static final int COLUMNS = 21;
    private static final String INSERT_DECISION = "INSERT INTO decision (upload_id, id, decided_at, agent, credential,"
            + " on_behalf_of, tool, action, resource, scope, allowed, policy, reason, trigger_ref, approval, risk,"
            + " environment, interactive, user_agent, source_file, source_line) VALUES ";
    private static final String ROW = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_DAILY = "INSERT INTO decision_daily (upload_id, day_utc, agent, credential, tool,"
            + " action, scope, environment, allowed, on_behalf_of, decision_count, with_policy, complete, human,"
            + " high_risk, approved, high_risk_approved, first_at, last_at)";
    private static final int DAILY_COLUMNS = 19;

    private record Key(LocalDate day, String agent, String credential, String tool, String action, String scope,
            String environment, boolean allowed, List<String> onBehalfOf) {
    }

    private static final class Counts {
        long count, withPolicy, complete, human, highRisk, approved, highRiskApproved;
        Instant first, last;
    }

    private final Connection connection;
    private final long uploadId;
    private final int batchSize;
    private final int flushKeys;
    private final Pattern browser;
    /** Rows per COPY chunk on PostgreSQL. */
    private static final int COPY_ROWS = 10_000;
    private final PgCopy copy;
    private final PgCopy copyDaily;
    private final PreparedStatement multiRow;
    private final PreparedStatement single;
    private final DecisionLine[] buffer = new DecisionLine[ROWS_PER_STATEMENT];
    private int buffered;
    private final Map<Key, Counts> daily = new HashMap<>();
    private final int commitEvery;
    private int pending;
    private long sinceCommit;
    private volatile long written;

    public DecisionWriter(Connection connection, long uploadId, int batchSize, int flushKeys, Pattern browser,
            int commitEvery) throws SQLException {
        this.connection = connection;
        this.commitEvery = commitEvery;
        this.uploadId = uploadId;
        this.batchSize = batchSize;
        this.flushKeys = flushKeys;
        this.browser = browser;
        this.copy = PgCopy.forConnection(connection, PgCopy.DECISIONS);
        this.copyDaily = PgCopy.forConnection(connection, PgCopy.DAILY);
        this.multiRow = connection.prepareStatement(INSERT_DECISION + String.join(",", java.util.Collections.nCopies(ROWS_PER_STATEMENT, ROW)));
        this.single = connection.prepareStatement(INSERT_DECISION + ROW);
    }

    public void write(DecisionLine d) throws SQLException {
        if (copy != null) {
            copyRow(d);
            if (copy.buffered() >= COPY_ROWS) {
                copy.flush();
                sinceCommit += COPY_ROWS;
                if (sinceCommit >= commitEvery) {
                    connection.commit();
                    sinceCommit = 0;
                }
            }
            aggregate(d);
            written++;
            return;
        }
        buffer[buffered++] = d;
        if (buffered == ROWS_PER_STATEMENT) {
            bind(multiRow, buffer, ROWS_PER_STATEMENT);
            multiRow.addBatch();
            buffered = 0;
            if (++pending >= Math.max(1, batchSize / ROWS_PER_STATEMENT)) {
                multiRow.executeBatch();
                sinceCommit += (long) pending * ROWS_PER_STATEMENT;
                pending = 0;
                if (sinceCommit >= commitEvery) {
                    connection.commit();
                    sinceCommit = 0;
                }
            }
        }
        aggregate(d);
        written++;
    }

    private void copyRow(DecisionLine d) {
        copy.number(uploadId).text(d.id()).instant(d.time()).text(d.agent()).text(d.credential())
                .text(d.onBehalfOf().isEmpty() ? null : StringListConverter.write(d.onBehalfOf())).text(d.tool())
                .text(d.action()).text(d.resource()).text(d.scope()).bool(d.allowed()).text(d.policy()).text(d.reason())
                .text(d.trigger()).text(d.approval()).text(d.risk()).text(d.environment()).bool(d.interactive())
                .text(d.userAgent()).text(d.file()).number(d.line()).endRow();
    }

    private void bind(PreparedStatement s, DecisionLine[] rows, int count) throws SQLException {
        for (int r = 0; r < count; r++) {
            DecisionLine d = rows[r];
            int o = r * COLUMNS;
            s.setLong(o + 1, uploadId);
            s.setString(o + 2, d.id());
            s.setObject(o + 3, d.time().atOffset(ZoneOffset.UTC));
            s.setString(o + 4, d.agent());
            s.setString(o + 5, d.credential());
            s.setString(o + 6, d.onBehalfOf().isEmpty() ? null : StringListConverter.write(d.onBehalfOf()));
            s.setString(o + 7, d.tool());
            s.setString(o + 8, d.action());
            s.setString(o + 9, d.resource());
            s.setString(o + 10, d.scope());
            s.setBoolean(o + 11, d.allowed());
            s.setString(o + 12, d.policy());
            s.setString(o + 13, d.reason());
            s.setString(o + 14, d.trigger());
            s.setString(o + 15, d.approval());
            s.setString(o + 16, d.risk());
            s.setString(o + 17, d.environment());
            if (d.interactive() == null) {
                s.setNull(o + 18, Types.BOOLEAN);
            } else {
                s.setBoolean(o + 18, d.interactive());
            }
            s.setString(o + 19, d.userAgent());
            s.setString(o + 20, d.file());
            s.setLong(o + 21, d.line());
        }
    }

    private void aggregate(DecisionLine d) throws SQLException {
        Key key = new Key(d.time().atOffset(ZoneOffset.UTC).toLocalDate(), d.agent(), d.credential(), d.tool(),
                d.action(), d.scope(), d.environment(), d.allowed(), d.onBehalfOf());
        Counts c = daily.computeIfAbsent(key, k -> new Counts());
        c.count++;
        boolean highRisk = d.risk() != null && (d.risk().equalsIgnoreCase("high") || d.risk().equalsIgnoreCase("critical"));
        boolean approved = d.approval() != null;
        if (d.policy() != null) {
            c.withPolicy++;
        }
        if (d.tool() != null && d.action() != null && d.resource() != null && d.trigger() != null) {
            c.complete++;
        }
        if (Boolean.TRUE.equals(d.interactive()) || (d.userAgent() != null && browser.matcher(d.userAgent()).find())) {
            c.human++;
        }
        if (highRisk) {
            c.highRisk++;
        }
        if (approved) {
            c.approved++;
        }
        if (highRisk && approved) {
            c.highRiskApproved++;
        }
        if (c.first == null || d.time().isBefore(c.first)) {
            c.first = d.time();
        }
        if (c.last == null || d.time().isAfter(c.last)) {
            c.last = d.time();
        }
        if (daily.size() >= flushKeys) {
            flushDaily();
        }
    }

    private void flushDaily() throws SQLException {
        if (copyDaily != null) {
            for (Map.Entry<Key, Counts> e : daily.entrySet()) {
                Key k = e.getKey();
                Counts c = e.getValue();
                copyDaily.number(uploadId).date(k.day()).text(k.agent()).text(k.credential()).text(k.tool())
                        .text(k.action()).text(k.scope()).text(k.environment()).bool(k.allowed())
                        .text(StringListConverter.write(k.onBehalfOf())).number(c.count).number(c.withPolicy)
                        .number(c.complete).number(c.human).number(c.highRisk).number(c.approved)
                        .number(c.highRiskApproved).instant(c.first).instant(c.last).endRow();
                if (copyDaily.buffered() >= COPY_ROWS) {
                    copyDaily.flush();
                }
            }
            copyDaily.flush();
            daily.clear();
            connection.commit();
            return;
        }
        List<Map.Entry<Key, Counts>> rows = new java.util.ArrayList<>(daily.entrySet());
        String values = " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        String many = INSERT_DAILY + " VALUES " + String.join(",", java.util.Collections.nCopies(ROWS_PER_STATEMENT, values.substring(8)));
        int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        try (PreparedStatement multi = connection.prepareStatement(many);
                PreparedStatement one = connection.prepareStatement(INSERT_DAILY + values)) {
            int statements = 0;
            for (int i = 0; i < full; i += ROWS_PER_STATEMENT) {
                for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
                    bindDaily(multi, r * DAILY_COLUMNS, rows.get(i + r));
                }
                multi.addBatch();
                if (++statements % Math.max(1, batchSize / ROWS_PER_STATEMENT) == 0) {
                    multi.executeBatch();
                }
            }
            multi.executeBatch();
            for (int i = full; i < rows.size(); i++) {
                bindDaily(one, 0, rows.get(i));
                one.addBatch();
            }
            one.executeBatch();
        }
        daily.clear();
        connection.commit();
    }

    private void bindDaily(PreparedStatement s, int o, Map.Entry<Key, Counts> e) throws SQLException {
        Key k = e.getKey();
        Counts c = e.getValue();
        s.setLong(o + 1, uploadId);
        s.setObject(o + 2, k.day());
        s.setString(o + 3, k.agent());
        s.setString(o + 4, k.credential());
        s.setString(o + 5, k.tool());
        s.setString(o + 6, k.action());
        s.setString(o + 7, k.scope());
        s.setString(o + 8, k.environment());
        s.setBoolean(o + 9, k.allowed());
        s.setString(o + 10, StringListConverter.write(k.onBehalfOf()));
        s.setLong(o + 11, c.count);
        s.setLong(o + 12, c.withPolicy);
        s.setLong(o + 13, c.complete);
        s.setLong(o + 14, c.human);
        s.setLong(o + 15, c.highRisk);
        s.setLong(o + 16, c.approved);
        s.setLong(o + 17, c.highRiskApproved);
        s.setObject(o + 18, c.first.atOffset(ZoneOffset.UTC));
        s.setObject(o + 19, c.last.atOffset(ZoneOffset.UTC));
    }

    /** Decisions written so far. */
    public long written() {
        return written;
    }

    /** Sends what is still batched; call before commit. */
    public void finish() throws SQLException {
        if (copy != null) {
            copy.flush();
        }
        if (pending > 0) {
            multiRow.executeBatch();
            pending = 0;
        }
        for (int r = 0; r < buffered; r++) {
            bind(single, new DecisionLine[] {buffer[r]}, 1);
            single.addBatch();
        }
        if (buffered > 0) {
            single.executeBatch();
            buffered = 0;
        }
        flushDaily();
    }

    @Override
    public void close() throws SQLException {
        multiRow.close();
        single.close();
    }
}
