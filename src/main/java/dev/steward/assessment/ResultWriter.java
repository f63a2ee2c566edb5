package dev.steward.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;

/**
 * Writes the results of one run on the caller's (transactional) connection. Findings (FAIL, PARTIAL,
 * INSUFFICIENT_EVIDENCE) become one assessment_result row each, written in JDBC batches of multi-row INSERTs
 * ({@value #ROWS} rows a statement: H2 and PostgreSQL both insert several times faster than row by row), because they
 * are filtered, paged and diffed by SQL. Every other result (PASS, NOT_APPLICABLE: about 98 % of a large run) goes into
 * a {@link ResultPack} of {@value ResultPack#RESULTS} results, one assessment_result_pack row each: no evidence JSON, no
 * per-result row and index entry. A pack holds a contiguous run of seqs in increasing order: results come in run order,
 * or in blocks that are each in run order, each ended with {@link #endBlock()} (a sharded assessment writes one
 * evaluation of one shard at a time); packs are read back ordered by their first seq.
 */
public final class ResultWriter implements AutoCloseable {

    static final String FINDING_COLUMNS = "check_id, variant, subject_type, subject_id, result, score, severity,"
            + " weight, owner_id, team, manager, environment, reason, evidence";
    private static final int ROWS = 50;
    private static final int COLUMNS = 17;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final PreparedStatement insert;
    private final PreparedStatement multi;
    private final PreparedStatement packInsert;
    private final ResultPack.Encoder pack = new ResultPack.Encoder();
    private final String runId;
    private final int batchSize;
    private final AssessedResult[] buffer = new AssessedResult[ROWS];
    private final int[] seqs = new int[ROWS];
    private int buffered;
    private int pending;
    private int packs;
    private long written;
    private long findings;

    ResultWriter(Connection c, String runId, int batchSize) throws SQLException {
        String into = "INSERT INTO assessment_result (run_id, seq, " + FINDING_COLUMNS + ", finding) VALUES ";
        this.insert = c.prepareStatement(into + ROW);
        this.multi = c.prepareStatement(into + String.join(", ", Collections.nCopies(ROWS, ROW)));
        this.packInsert = c.prepareStatement("INSERT INTO assessment_result_pack (run_id, pack, first_seq, last_seq,"
                + " result_count, body) VALUES (?, ?, ?, ?, ?, ?)");
        this.runId = runId;
        this.batchSize = batchSize;
    }

    /** Writes a result at the next run-order position. */
    public void write(AssessedResult r) {
        write(r, Math.toIntExact(written));
    }

    /**
     * Writes a result at the given run-order position: after the previous one's, unless {@link #endBlock()} was called
     * in between and the new block's seqs do not interleave with another block's.
     */
    public void write(AssessedResult r, int seq) {
        written++;
        try {
            if (!r.result().finding()) {
                pack.add(seq, r);
                if (pack.count() >= ResultPack.RESULTS) {
                    writePack();
                }
                return;
            }
            findings++;
            buffer[buffered] = r;
            seqs[buffered++] = seq;
            if (buffered < ROWS) {
                return;
            }
            for (int k = 0; k < ROWS; k++) {
                bind(multi, k * COLUMNS, buffer[k], seqs[k]);
            }
            multi.addBatch();
            buffered = 0;
            if (++pending * ROWS >= batchSize) {
                multi.executeBatch();
                pending = 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store result " + seq + " of run " + runId, e);
        }
    }

    /** Ends a block of results in run order: the next result may start anywhere that no other block covers. */
    public void endBlock() {
        try {
            if (pack.count() > 0) {
                writePack();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a result pack of run " + runId, e);
        }
    }

    private void writePack() throws SQLException {
        int first = pack.firstSeq();
        int last = pack.lastSeq();
        int count = pack.count();
        byte[] body = pack.finish();
        packInsert.setString(1, runId);
        packInsert.setInt(2, packs++);
        packInsert.setInt(3, first);
        packInsert.setInt(4, last);
        packInsert.setInt(5, count);
        packInsert.setBytes(6, body);
        packInsert.executeUpdate();
    }

    private void bind(PreparedStatement s, int offset, AssessedResult r, int seq) throws SQLException {
        int i = offset + 1;
        s.setString(i++, runId);
        s.setInt(i++, seq);
        s.setString(i++, r.checkId());
        s.setString(i++, r.variant());
        s.setString(i++, r.subjectType().name());
        s.setString(i++, r.subjectId());
        s.setString(i++, r.result().name());
        if (r.score() == null) {
            s.setNull(i++, Types.DOUBLE);
        } else {
            s.setDouble(i++, r.score());
        }
        s.setString(i++, r.severity().name());
        s.setInt(i++, r.weight());
        s.setString(i++, r.owner());
        s.setString(i++, r.team());
        s.setString(i++, r.manager());
        s.setString(i++, r.environment());
        s.setString(i++, r.reason());
        s.setString(i++, AssessmentJson.write(r.evidence()));
        s.setBoolean(i, r.result().finding());
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            multi.executeBatch();
            pending = 0;
        }
        for (int k = 0; k < buffered; k++) {
            bind(insert, 0, buffer[k], seqs[k]);
            insert.addBatch();
        }
        if (buffered > 0) {
            insert.executeBatch();
            buffered = 0;
        }
        if (pack.count() > 0) {
            writePack();
        }
    }

    /** Results written so far, findings and packed results. */
    public long written() {
        return written;
    }

    public long findings() {
        return findings;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            pack.close();
            insert.close();
            multi.close();
            packInsert.close();
        }
    }
}
