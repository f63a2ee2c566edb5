package dev.steward.report;

import dev.steward.assessment.Finding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A run's findings as an iterator over one streaming read ({@code AssessmentStore.streamFindings}), so every pass of
 * a report over its findings costs one query in run order. Reading page by page with LIMIT/OFFSET instead made each
 * page re-read and re-sort every finding before its offset: a report's passes grew with the square of the findings
 * (92k findings: 19 pages of 5,000, each reading up to all 92k rows). The read runs on its own thread and hands over
 * chunks of {@value #CHUNK} findings through a queue of {@value #QUEUED} chunks, so memory holds a few chunks
 * whatever the run's size. A reader that stops iterating leaves the producer waiting; after {@link #ABANDONED_MINUTES}
 * minutes without a taker it gives up, which ends its query and frees its connection.
 */
final class FindingStream implements Iterator<Finding> {

    static final int CHUNK = 500;
    private static final int QUEUED = 4;
    private static final long ABANDONED_MINUTES = 10;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Reads every finding of the run in run order into the consumer. */
    @FunctionalInterface
    interface Source {
        void stream(Consumer<Finding> consumer);
    }

    /** One hand-over: findings, or the end (with the failure of the read, if any). */
    private record Chunk(List<Finding> findings, RuntimeException failure, boolean end) {
    }

    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("nobody reads the findings any more", null, false, false);
        }
    }

    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED);
    private List<Finding> current = List.of();
    private int at;
    private boolean done;

    FindingStream(Source source) {
        Thread t = new Thread(() -> produce(source), "report-findings-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
    }

    private void produce(Source source) {
        RuntimeException failure = null;
        try {
            Batcher b = new Batcher();
            source.stream(b);
            b.send();
        } catch (Abandoned e) {
            return;
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            hand(new Chunk(List.of(), failure, true));
        } catch (Abandoned e) {
            // the reader is gone: nothing to tell
        }
    }

    /** Collects findings into chunks and hands each full one over. */
    private final class Batcher implements Consumer<Finding> {
        private List<Finding> chunk = new ArrayList<>(CHUNK);

        @Override
        public void accept(Finding f) {
            chunk.add(f);
            if (chunk.size() == CHUNK) {
                send();
            }
        }

        void send() {
            if (!chunk.isEmpty()) {
                hand(new Chunk(chunk, null, false));
                chunk = new ArrayList<>(CHUNK);
            }
        }
    }

    private void hand(Chunk c) {
        try {
            if (!queue.offer(c, ABANDONED_MINUTES, TimeUnit.MINUTES)) {
                throw new Abandoned();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
    }

    @Override
    public boolean hasNext() {
        while (at >= current.size()) {
            if (done) {
                return false;
            }
            Chunk c;
            try {
                c = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the findings", e);
            }
            if (c.end()) {
                done = true;
                if (c.failure() != null) {
                    throw c.failure();
                }
                return false;
            }
            current = c.findings();
            at = 0;
        }
        return true;
    }

    @Override
    public Finding next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.get(at++);
    }
}
