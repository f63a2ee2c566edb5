package dev.steward.ingest;

import dev.steward.decisions.DecisionWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the database side of a decision upload on its own thread, so parsing (the caller's thread) and writing overlap
 * on two cores. Decisions travel in batches through a small bounded queue, which keeps memory flat: a slow database
 * makes the reader wait. A failure on the writer thread is rethrown to the caller at its next hand-over.
 */
final class WriterThread implements AutoCloseable {

    private static final int BATCH = 1000;
    private static final List<DecisionLine> END = List.of();

    private final BlockingQueue<List<DecisionLine>> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile Throwable failure;
    private List<DecisionLine> batch = new ArrayList<>(BATCH);
    private boolean ended;

    WriterThread(DecisionWriter writer) {
        thread = new Thread(() -> {
            try {
                for (List<DecisionLine> b = queue.take(); b != END; b = queue.take()) {
                    writer.write(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException | RuntimeException | Error e) {
                failure = e;
                queue.clear();
            }
        }, "steward-decision-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void add(DecisionLine d) {
        batch.add(d);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Hands over what is left and waits until every decision is written; rethrows a writer failure. */
    void finish() {
        hand(batch);
        batch = new ArrayList<>(0);
        end();
        rethrow();
    }

    private void hand(List<DecisionLine> b) {
        rethrow();
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the decision writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing decisions to the writer", e);
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            while (thread.isAlive() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                queue.clear();
            }
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof SQLException e) {
            throw new IllegalStateException("cannot store decisions: " + e.getMessage(), e);
        }
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    /** Stops the thread (without writing what is still queued when it ends early); safe to call twice. */
    @Override
    public void close() {
        if (!ended) {
            queue.clear();
            end();
        }
    }
}
