package dev.steward.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the results of one run on the caller's (transactional) connection. Findings (FAIL, PARTIAL,
 * INSUFFICIENT_EVIDENCE) become one assessment_result row each, written in JDBC batches of multi-row INSERTs
 * ({@value #ROWS} rows a statement: H2 and PostgreSQL both insert several times faster than row by row), because they
 * are filtered, paged and diffed by SQL. Every other result (PASS, NOT_APPLICABLE: about 98 % of a large run) goes into
 * a {@link ResultPack} of {@value ResultPack#RESULTS} results, one assessment_result_pack row each: no evidence JSON, no
 * per-result row and index entry. A pack holds a contiguous run of seqs in increasing order: results come in run order,
 * or in blocks that are each in run order, each ended with {@link #endBlock()} (a sharded assessment writes one
 * evaluation of one shard at a time); packs are read back ordered by their first seq.
 *
 * <p>Packs are encoded and compressed on one background thread, at most {@value #QUEUED} packs ahead of the caller; the
 * caller inserts each finished pack on its connection, in pack order, as soon as it is ready (the connection is only
 * ever used by the caller). An encoding failure surfaces on the caller's next write, {@link #endBlock()} or
 * {@link #close()} and fails the run, whose transaction then stores nothing.
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
    /** Packs submitted to the encoder and not yet inserted, at most this many. */
    static final int QUEUED = 3;

    /** Only ever used on the encoder thread. */
    private final ResultPack.Encoder pack = new ResultPack.Encoder();
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steward-result-packs");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Queued> queued = new ArrayDeque<>();
    private AssessedResult[] packResults = new AssessedResult[ResultPack.RESULTS];
    private int[] packSeqs = new int[ResultPack.RESULTS];
    private int packCount;
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
                if (packCount > 0 && seq <= packSeqs[packCount - 1]) {
                    throw new IllegalStateException("results of a pack must come in run order: seq " + seq + " after "
                            + packSeqs[packCount - 1]);
                }
                packResults[packCount] = r;
                packSeqs[packCount++] = seq;
                if (packCount >= ResultPack.RESULTS) {
                    submitPack();
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
            if (packCount > 0) {
                submitPack();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a result pack of run " + runId, e);
        }
    }

    /** A pack handed to the encoder: its row's columns and the body to come. */
    private record Queued(int pack, int first, int last, int count, Future<byte[]> body) {
    }

    /** Hands the pack being filled to the encoder, then inserts the packs that are ready (waiting when too many are). */
    private void submitPack() throws SQLException {
        AssessedResult[] results = packResults;
        int[] seqs = packSeqs;
        int count = packCount;
        Future<byte[]> body = encoder.submit(() -> {
            for (int k = 0; k < count; k++) {
                pack.add(seqs[k], results[k]);
            }
            return pack.finish();
        });
        queued.add(new Queued(packs++, seqs[0], seqs[count - 1], count, body));
        packResults = new AssessedResult[ResultPack.RESULTS];
        packSeqs = new int[ResultPack.RESULTS];
        packCount = 0;
        while (!queued.isEmpty() && (queued.size() > QUEUED || queued.peek().body().isDone())) {
            insertPack(queued.poll());
        }
    }

    private void insertPack(Queued q) throws SQLException {
        byte[] body;
        try {
            body = q.body().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pack " + q.pack() + " of run " + runId + " was encoded", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot encode result pack " + q.pack() + " of run " + runId + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        packInsert.setString(1, runId);
        packInsert.setInt(2, q.pack());
        packInsert.setInt(3, q.first());
        packInsert.setInt(4, q.last());
        packInsert.setInt(5, q.count());
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
        if (packCount > 0) {
            submitPack();
        }
        while (!queued.isEmpty()) {
            insertPack(queued.poll());
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
            for (Queued q : queued) {
                q.body().cancel(false);
            }
            queued.clear();
            encoder.submit(pack::close);
            encoder.shutdown();
            insert.close();
            multi.close();
            packInsert.close();
        }
    }
}
