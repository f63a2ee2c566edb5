package dev.steward.decisions;

import dev.steward.store.PackBytes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Writes the shard files' full buffers ({@link ShardSpill}) on a thread of its own, in the order they are given, so
 * that the window's router goes on routing while the bytes go to the files. At 10M decisions the router wrote 44k
 * buffers of 8 KiB, 1.3 s of its time in the write calls while the other core had room. At most {@value #IN_FLIGHT}
 * buffers wait to be written; a written buffer is reset and given back for the next one to fill. A failed write is
 * kept and thrown by the next {@link #write} or by {@link #drain}; nothing is written after it.
 */
final class SpillWriter implements AutoCloseable {

    /** Full buffers waiting for the writer at most (at 500 shards, 8 KiB each). */
    static final int IN_FLIGHT = 64;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steward-shard-writer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore room = new Semaphore(IN_FLIGHT);
    private final ConcurrentLinkedQueue<PackBytes.Out> free = new ConcurrentLinkedQueue<>();
    private final int capacity;
    private volatile IOException failed;

    /** @param capacity the size of a new buffer, as a {@link ShardSpill}'s own */
    SpillWriter(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues {@code full} to be written to {@code file} after every buffer queued before it, and returns an empty
     * buffer to fill instead (one written before, or a new one). {@code full} belongs to the writer from now on.
     */
    PackBytes.Out write(OutputStream file, PackBytes.Out full) throws IOException {
        rethrow();
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing decision shards");
        }
        try {
            thread.execute(() -> {
                try {
                    if (failed == null) {
                        full.writeTo(file);
                    }
                } catch (IOException e) {
                    failed = e;
                } finally {
                    full.reset();
                    free.add(full);
                    room.release();
                }
            });
        } catch (RuntimeException e) {
            room.release();
            throw e;
        }
        PackBytes.Out next = free.poll();
        return next != null ? next : new PackBytes.Out(capacity);
    }

    /** Waits until every buffer queued is written; throws the first write's failure, if any. */
    void drain() throws IOException {
        try {
            room.acquire(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing decision shards");
        }
        room.release(IN_FLIGHT);
        rethrow();
    }

    private void rethrow() throws IOException {
        IOException e = failed;
        if (e != null) {
            throw new IOException("cannot write a decision shard: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the writer once the buffer it is writing is written, so that nothing writes to the files once this
     * returns (they are closed or deleted next); buffers not yet written are dropped.
     */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the decision shard writer did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
