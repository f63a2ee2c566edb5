package dev.steward.decisions;

import dev.steward.store.PackBytes;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A shard's file being written: rows go into a buffer ({@link PackBytes}: unsigned varints, most counts and ids
 * take one to three bytes; the JDK's data streams locked and made a virtual call per byte) that goes to the file
 * whenever it holds {@link WindowShards#fileBuffer 4 to 64 KiB}, written by the shards' {@link SpillWriter} while
 * this one fills another.
 */
final class ShardSpill {
    private final int spillAt;
    /** The buffer being filled; another one after each spill. */
    PackBytes.Out bytes;
    private final OutputStream file;
    private final SpillWriter writer;
    private boolean closed;

    /** @param spillAt bytes the buffer holds before they are written ({@link #capacity} its size) */
    ShardSpill(OutputStream file, int spillAt, SpillWriter writer) {
        this.file = file;
        this.spillAt = spillAt;
        this.writer = writer;
        this.bytes = new PackBytes.Out(capacity(spillAt));
    }

    /** A buffer's size for {@code spillAt}: room for the row that takes it past that. */
    static int capacity(int spillAt) {
        return spillAt + 256;
    }

    void spillWhenFull() throws IOException {
        if (bytes.size() >= spillAt) {
            bytes = writer.write(file, bytes);
        }
    }

    /** Writes what is left and closes the file; the writer must have {@link SpillWriter#drain drained} before. */
    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream f = file) {
            bytes.writeTo(f);
            bytes.reset();
        }
    }

    /**
     * Writes one row to each of the first {@code n} shards in {@code shards} (ascending, distinct; none = shard 0),
     * flagged as owned by the first of them: a byte 1 owned or 0, each key field as varint + 1, a byte allowed, the
     * seven counts, then first and last decision time each as a byte present and, when present, varint epoch seconds
     * and nanoseconds. The row is encoded once into {@code row} (scratch) and copied to each shard: most rows go to two
     * shards (their agent's and their credential's), and encoding each copy again was most of the router's writing.
     */
    static void route(ShardSpill[] out, PackBytes.Out row, int[] shards, int n, int[] key, boolean allowed,
            long[] counts, boolean hasFirst, long firstSecond, long firstNano, boolean hasLast, long lastSecond,
            long lastNano) throws IOException {
        row.reset();
        for (int v : key) {
            row.varLong(v + 1L);
        }
        row.writeByte(allowed ? 1 : 0);
        for (long c : counts) {
            row.varLong(c);
        }
        time(row, hasFirst, firstSecond, firstNano);
        time(row, hasLast, lastSecond, lastNano);
        for (int i = 0; i < Math.max(1, n); i++) {
            int k = n == 0 ? 0 : shards[i];
            PackBytes.Out o = out[k].bytes;
            o.writeByte(i == 0 ? 1 : 0);
            row.writeTo(o);
            out[k].spillWhenFull();
        }
    }

    private static void time(PackBytes.Out o, boolean present, long second, long nano) {
        o.writeByte(present ? 1 : 0);
        if (present) {
            o.varLong(second);
            o.varLong(nano);
        }
    }
}
