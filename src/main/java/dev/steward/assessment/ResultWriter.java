package dev.steward.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Writes the results of one run. Findings (FAIL, PARTIAL, INSUFFICIENT_EVIDENCE) become one assessment_result row
 * each on the caller's (transactional) connection, written in JDBC batches of multi-row INSERTs ({@value #ROWS} rows a
 * statement: H2 and PostgreSQL both insert several times faster than row by row), because they are filtered, paged and
 * diffed by SQL. Every other result (PASS, NOT_APPLICABLE: about 98 % of a large run) goes into a {@link ResultPack} of
 * {@value ResultPack#RESULTS} results, one assessment_result_pack row each: no evidence JSON, no per-result row and
 * index entry. A pack holds a contiguous run of seqs in increasing order: results come in run order, or in blocks that
 * are each in run order, each ended with {@link #endBlock()} (a sharded assessment writes one evaluation of one shard
 * at a time); packs are read back ordered by their first seq.
 *
 * <p>Packs are encoded, compressed and inserted on one background thread, at most {@value #QUEUED} packs and
 * {@value #QUEUED_RESULTS} results ahead of the caller (a sharded run's blocks make packs of a few hundred results;
 * with 3 packs ahead the caller waited for the encoder about 1,500 times, 2 s of a 10M-decision run; a stored pack's
 * arrays are filled again), under the run's pack key ({@link ResultPacks}) and on a connection of that thread's own,
 * committed every {@value #COMMIT_EVERY} packs and when the writer is closed: ahead of the run's transaction, which
 * stores the run row naming the key. H2 keeps an uncommitted row marked as such and rewrites every page that holds one
 * when the transaction commits; with the packs in the run's transaction (as before 2026-12-04) its commit read the
 * run's 235 MB of packs back from the file and wrote them again, about 3 s at 10M decisions. Committed packs of a run
 * that fails are deleted by the caller ({@link ResultPacks#abandon}); until the run row names them, no read finds them.
 * An encoding or insert failure surfaces on the caller's next write, {@link #endBlock()} or {@link #close()} and fails
 * the run.
 */
public final class ResultWriter implements AutoCloseable {

    static final String FINDING_COLUMNS = "check_id, variant, subject_type, subject_id, result, score, severity,"
            + " weight, owner_id, team, manager, environment, reason, evidence";
    private static final int ROWS = 50;
    private static final int COLUMNS = 17;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final PreparedStatement insert;
    private final PreparedStatement multi;
    /** Packs submitted to the encoder and not yet stored, at most this many, holding at most so many results. */
    static final int QUEUED = 32;
    static final int QUEUED_RESULTS = 4 * ResultPack.RESULTS;
    /** Packs inserted between two commits of the packs' connection. */
    static final int COMMIT_EVERY = 16;

    /** Only ever used on the encoder thread: the encoder, its connection (opened by its first pack), its insert. */
    private final ResultPack.Encoder pack = new ResultPack.Encoder();
    private final DataSource packSource;
    private Connection packConnection;
    private PreparedStatement packInsert;
    private int uncommitted;
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steward-result-packs");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Queued> queued = new ArrayDeque<>();
    /** Results of the packs in {@link #queued}. */
    private int queuedResults;
    /** The arrays of stored packs, to fill again. */
    private final Deque<AssessedResult[]> freeResults = new ArrayDeque<>();
    private final Deque<int[]> freeSeqs = new ArrayDeque<>();
    private AssessedResult[] packResults = new AssessedResult[ResultPack.RESULTS];
    private int[] packSeqs = new int[ResultPack.RESULTS];
    private int packCount;
    private final String runId;
    private final String packKey;
    private final int batchSize;
    private final AssessedResult[] buffer = new AssessedResult[ROWS];
    private final int[] seqs = new int[ROWS];
    private int buffered;
    private int pending;
    private int packs;
    private long written;
    private long findings;

    /**
     * @param c       the run's connection, for the findings
     * @param packKey what the packs are stored under ({@link ResultPacks#begin})
     * @param packs   where the encoder thread takes its connection from: outside the caller's transaction
     */
    ResultWriter(Connection c, String runId, String packKey, DataSource packs, int batchSize) throws SQLException {
        String into = "INSERT INTO assessment_result (run_id, seq, " + FINDING_COLUMNS + ", finding) VALUES ";
        this.insert = c.prepareStatement(into + ROW);
        this.multi = c.prepareStatement(into + String.join(", ", Collections.nCopies(ROWS, ROW)));
        this.runId = runId;
        this.packKey = packKey;
        this.packSource = packs;
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
        if (packCount > 0) {
            submitPack();
        }
    }

    /** A pack handed to the encoder thread, stored once its future is done. */
    private record Queued(int pack, int results, Future<?> stored, AssessedResult[] resultArray, int[] seqArray) {
    }

    /** Hands the pack being filled to the encoder thread (waiting while too many are queued). */
    private void submitPack() {
        AssessedResult[] results = packResults;
        int[] seqs = packSeqs;
        int count = packCount;
        int number = packs++;
        Future<?> stored = encoder.submit(() -> {
            for (int k = 0; k < count; k++) {
                pack.add(seqs[k], results[k]);
            }
            store(number, seqs[0], seqs[count - 1], count, pack.finish());
            return null;
        });
        queued.add(new Queued(number, count, stored, results, seqs));
        queuedResults += count;
        AssessedResult[] freeResults = this.freeResults.poll();
        packResults = freeResults != null ? freeResults : new AssessedResult[ResultPack.RESULTS];
        int[] freeSeqs = this.freeSeqs.poll();
        packSeqs = freeSeqs != null ? freeSeqs : new int[ResultPack.RESULTS];
        packCount = 0;
        while (!queued.isEmpty() && (queued.size() > QUEUED || queuedResults > QUEUED_RESULTS
                || queued.peek().stored().isDone())) {
            stored(queued.poll());
        }
    }

    /** Waits until a queued pack is stored, then keeps its arrays to fill again. */
    private void stored(Queued done) {
        queuedResults -= done.results();
        await(done);
        Arrays.fill(done.resultArray(), 0, done.results(), null);
        freeResults.add(done.resultArray());
        freeSeqs.add(done.seqArray());
    }

    /** On the encoder thread: inserts a pack on its own connection, committing every {@value #COMMIT_EVERY}. */
    private void store(int number, int first, int last, int count, byte[] body) throws SQLException {
        if (packConnection == null) {
            packConnection = packSource.getConnection();
            packConnection.setAutoCommit(false);
            packInsert = packConnection.prepareStatement("INSERT INTO assessment_result_pack (run_id, pack, first_seq,"
                    + " last_seq, result_count, body) VALUES (?, ?, ?, ?, ?, ?)");
        }
        packInsert.setString(1, packKey);
        packInsert.setInt(2, number);
        packInsert.setInt(3, first);
        packInsert.setInt(4, last);
        packInsert.setInt(5, count);
        packInsert.setBytes(6, body);
        packInsert.executeUpdate();
        if (++uncommitted >= COMMIT_EVERY) {
            packConnection.commit();
            uncommitted = 0;
        }
    }

    /** On the encoder thread: commits the last packs and gives the connection back (rolled back after a failure). */
    private void release(boolean commit) throws SQLException {
        if (packConnection == null) {
            return;
        }
        try {
            if (commit) {
                packConnection.commit();
            } else {
                packConnection.rollback();
            }
        } finally {
            packConnection.close();
            packConnection = null;
        }
    }

    private void await(Queued q) {
        try {
            q.stored().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pack " + q.pack() + " of run " + runId + " was stored",
                    e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot store result pack " + q.pack() + " of run " + runId + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
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
            stored(queued.poll());
        }
    }

    /** Results written so far, findings and packed results. */
    public long written() {
        return written;
    }

    public long findings() {
        return findings;
    }

    /**
     * Stores what is buffered and commits the packs, then gives the packs' connection back; when storing fails here,
     * what that connection had not committed is rolled back. Packs committed by a run that fails (here or anywhere
     * before its own commit) are deleted by the caller ({@link ResultPacks#abandon}).
     */
    @Override
    public void close() throws SQLException {
        Exception failed = null;
        try {
            flush();
        } catch (SQLException | RuntimeException e) {
            failed = e;
        }
        for (Queued q : queued) {
            q.stored().cancel(false);
        }
        queued.clear();
        queuedResults = 0;
        boolean commit = failed == null;
        Future<?> released = encoder.submit(() -> {
            try {
                release(commit);
            } finally {
                pack.close();
            }
            return null;
        });
        encoder.shutdown();
        insert.close();
        multi.close();
        try {
            await(new Queued(packs, 0, released, null, null));
        } catch (RuntimeException e) {
            if (failed == null) {
                throw e;
            }
            failed.addSuppressed(e);
        }
        if (failed instanceof SQLException e) {
            throw e;
        }
        if (failed != null) {
            throw (RuntimeException) failed;
        }
    }
}
