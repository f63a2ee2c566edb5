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
 * each, inserted in JDBC batches of multi-row INSERTs ({@value #ROWS} rows a statement: H2 and PostgreSQL both insert
 * several times faster than row by row), because they are filtered, paged and diffed by SQL. Every other result (PASS,
 * NOT_APPLICABLE: about 98 % of a large run) goes into a {@link ResultPack} of {@value ResultPack#RESULTS} results, one
 * assessment_result_pack row each: no evidence JSON, no per-result row and index entry. A pack holds a contiguous run
 * of seqs in increasing order: results come in run order, or in blocks that are each in run order, each ended with
 * {@link #endBlock()} (a sharded assessment writes one evaluation of one shard at a time); packs are read back ordered
 * by their first seq.
 *
 * <p>Both are stored on one background thread, under the attempt's key ({@link ResultPacks}) and on a connection of
 * that thread's own, committed every {@value #COMMIT_EVERY} packs or batches of findings and when the writer is
 * closed: ahead of the run's transaction, which stores the run row naming the key (ADR 10 and 12). H2 keeps an
 * uncommitted row marked as such and rewrites every page that holds one when the transaction commits; with the packs
 * in the run's transaction (as before 2026-12-04, afternoon) its commit read the run's 235 MB of packs back from the
 * file and wrote them again, about 3 s at 10M decisions, and with the findings in it (until 2026-12-04, night) its
 * commit read back the pages of their 95k rows, 1.1-1.5 s. The caller hands over a pack when it is full or its block
 * ends, and findings {@code batchSize} at a time; at most {@value #QUEUED} of these and {@value #QUEUED_RESULTS}
 * results wait for the background thread (a sharded run's blocks make packs of a few hundred results; with 3 packs
 * ahead the caller waited for the encoder about 1,500 times, 2 s of a 10M-decision run; a stored pack's arrays are
 * filled again). What an attempt committed is deleted by the caller when its run fails
 * ({@link ResultPacks#abandon}); until the run row names the key, no read finds it. An encoding or insert failure
 * surfaces on the caller's next write, {@link #endBlock()} or {@link #close()} and fails the run.
 */
public final class ResultWriter implements AutoCloseable {

    static final String FINDING_COLUMNS = "check_id, variant, subject_type, subject_id, result, score, severity,"
            + " weight, owner_id, team, manager, environment, reason, evidence";
    private static final int ROWS = 50;
    private static final int COLUMNS = 17;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Packs and batches of findings handed over and not yet stored: at most this many, holding so many results. */
    static final int QUEUED = 32;
    static final int QUEUED_RESULTS = 4 * ResultPack.RESULTS;
    /** Packs and batches of findings inserted between two commits of the background thread's connection. */
    static final int COMMIT_EVERY = 16;

    /**
     * Only ever used on the background thread: the pack encoder, the connection (opened by the first pack or batch of
     * findings), its inserts and what it has not committed.
     */
    private final ResultPack.Encoder pack = new ResultPack.Encoder();
    private final DataSource source;
    private Connection connection;
    private PreparedStatement packInsert;
    private PreparedStatement insert;
    private PreparedStatement multi;
    private int uncommitted;
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steward-result-packs");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Queued> queued = new ArrayDeque<>();
    /** Results of the packs and findings in {@link #queued}. */
    private int queuedResults;
    /** The arrays of stored packs, to fill again. */
    private final Deque<AssessedResult[]> freeResults = new ArrayDeque<>();
    private final Deque<int[]> freeSeqs = new ArrayDeque<>();
    private AssessedResult[] packResults = new AssessedResult[ResultPack.RESULTS];
    private int[] packSeqs = new int[ResultPack.RESULTS];
    private int packCount;
    private final String runId;
    private final String key;
    /** Findings handed over at a time; those not yet handed over. */
    private final int batchSize;
    private AssessedResult[] found;
    private int[] foundSeqs;
    private int foundCount;
    private int packs;
    private long written;
    private long findings;

    /**
     * @param key       what the packs and findings are stored under ({@link ResultPacks#begin})
     * @param source    where the background thread takes its connection from: outside the caller's transaction
     * @param batchSize findings handed to the background thread, and inserted in one JDBC batch, at a time
     */
    ResultWriter(String runId, String key, DataSource source, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not positive");
        }
        this.runId = runId;
        this.key = key;
        this.source = source;
        this.batchSize = batchSize;
        this.found = new AssessedResult[batchSize];
        this.foundSeqs = new int[batchSize];
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
        found[foundCount] = r;
        foundSeqs[foundCount++] = seq;
        if (foundCount >= batchSize) {
            submitFindings();
        }
    }

    /** Ends a block of results in run order: the next result may start anywhere that no other block covers. */
    public void endBlock() {
        if (packCount > 0) {
            submitPack();
        }
    }

    /**
     * A pack or a batch of findings handed to the background thread ({@code what}, for errors), stored once its future
     * is done; a pack's arrays are filled again.
     */
    private record Queued(String what, int results, Future<?> stored, AssessedResult[] resultArray, int[] seqArray) {
    }

    /** Hands the pack being filled to the background thread (waiting while too much is queued). */
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
        queued.add(new Queued("result pack " + number, count, stored, results, seqs));
        queuedResults += count;
        AssessedResult[] freeResults = this.freeResults.poll();
        packResults = freeResults != null ? freeResults : new AssessedResult[ResultPack.RESULTS];
        int[] freeSeqs = this.freeSeqs.poll();
        packSeqs = freeSeqs != null ? freeSeqs : new int[ResultPack.RESULTS];
        packCount = 0;
        drain();
    }

    /** Takes back what the background thread has stored, waiting while too much is queued ({@link #QUEUED}). */
    private void drain() {
        while (!queued.isEmpty() && (queued.size() > QUEUED || queuedResults > QUEUED_RESULTS
                || queued.peek().stored().isDone())) {
            stored(queued.poll());
        }
    }

    /** Hands the findings gathered so far to the background thread (waiting while too much is queued). */
    private void submitFindings() {
        AssessedResult[] results = found;
        int[] seqs = foundSeqs;
        int count = foundCount;
        Future<?> stored = encoder.submit(() -> {
            insertFindings(results, seqs, count);
            return null;
        });
        queued.add(new Queued("findings " + seqs[0] + " to " + seqs[count - 1], count, stored, null, null));
        queuedResults += count;
        found = new AssessedResult[batchSize];
        foundSeqs = new int[batchSize];
        foundCount = 0;
        drain();
    }

    /** Waits until a pack or batch of findings is stored, then keeps a pack's arrays to fill again. */
    private void stored(Queued done) {
        queuedResults -= done.results();
        await(done);
        if (done.resultArray() != null) {
            Arrays.fill(done.resultArray(), 0, done.results(), null);
            freeResults.add(done.resultArray());
            freeSeqs.add(done.seqArray());
        }
    }

    /** On the background thread: inserts a pack. */
    private void store(int number, int first, int last, int count, byte[] body) throws SQLException {
        connection();
        packInsert.setString(1, key);
        packInsert.setInt(2, number);
        packInsert.setInt(3, first);
        packInsert.setInt(4, last);
        packInsert.setInt(5, count);
        packInsert.setBytes(6, body);
        packInsert.executeUpdate();
        commitEvery();
    }

    /** On the background thread: inserts findings in one JDBC batch, {@value #ROWS} rows a statement. */
    private void insertFindings(AssessedResult[] results, int[] seqs, int count) throws SQLException {
        connection();
        int k = 0;
        for (; k + ROWS <= count; k += ROWS) {
            for (int j = 0; j < ROWS; j++) {
                bind(multi, j * COLUMNS, results[k + j], seqs[k + j]);
            }
            multi.addBatch();
        }
        if (k > 0) {
            multi.executeBatch();
        }
        for (; k < count; k++) {
            bind(insert, 0, results[k], seqs[k]);
            insert.addBatch();
        }
        if (count % ROWS != 0) {
            insert.executeBatch();
        }
        commitEvery();
    }

    /** On the background thread: opens its connection and statements on first use. */
    private void connection() throws SQLException {
        if (connection != null) {
            return;
        }
        connection = source.getConnection();
        connection.setAutoCommit(false);
        packInsert = connection.prepareStatement("INSERT INTO assessment_result_pack (run_id, pack, first_seq,"
                + " last_seq, result_count, body) VALUES (?, ?, ?, ?, ?, ?)");
        String into = "INSERT INTO assessment_result (run_id, seq, " + FINDING_COLUMNS + ", finding) VALUES ";
        insert = connection.prepareStatement(into + ROW);
        multi = connection.prepareStatement(into + String.join(", ", Collections.nCopies(ROWS, ROW)));
    }

    /** On the background thread: commits every {@value #COMMIT_EVERY} packs or batches of findings stored. */
    private void commitEvery() throws SQLException {
        if (++uncommitted >= COMMIT_EVERY) {
            connection.commit();
            uncommitted = 0;
        }
    }

    /** On the background thread: commits what is left and gives the connection back (rolled back after a failure). */
    private void release(boolean commit) throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } finally {
            connection.close();
            connection = null;
            packInsert = null;
            insert = null;
            multi = null;
        }
    }

    private void await(Queued q) {
        try {
            q.stored().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing " + q.what() + " of run " + runId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot store " + q.what() + " of run " + runId + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private void bind(PreparedStatement s, int offset, AssessedResult r, int seq) throws SQLException {
        int i = offset + 1;
        s.setString(i++, key);
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

    private void flush() {
        if (foundCount > 0) {
            submitFindings();
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
     * Stores what is buffered and commits it, then gives the background thread's connection back; when storing fails
     * here, what that connection had not committed is rolled back. Packs and findings committed by a run that fails
     * (here or anywhere before its own commit) are deleted by the caller ({@link ResultPacks#abandon}).
     */
    @Override
    public void close() {
        RuntimeException failed = null;
        try {
            flush();
        } catch (RuntimeException e) {
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
        try {
            await(new Queued("the last results", 0, released, null, null));
        } catch (RuntimeException e) {
            if (failed == null) {
                throw e;
            }
            failed.addSuppressed(e);
        }
        if (failed != null) {
            throw failed;
        }
    }
}
