package dev.steward.decisions;

import dev.steward.store.PackBytes;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A shard's file being written: rows go into a buffer ({@link PackBytes}: unsigned varints, most counts and ids
 * take one to three bytes; the JDK's data streams locked and made a virtual call per byte) that goes to the file
 * in one write whenever it holds 64 KiB.
 */
final class ShardSpill {
    private static final int SPILL_AT = 1 << 16;
    final PackBytes.Out bytes = new PackBytes.Out(SPILL_AT + 256);
    private final OutputStream file;
    private boolean closed;

    ShardSpill(OutputStream file) {
        this.file = file;
    }

    void spillWhenFull() throws IOException {
        if (bytes.size() >= SPILL_AT) {
            bytes.writeTo(file);
            bytes.reset();
        }
    }

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
     * Writes one row to each shard in {@code shards} (bits; none = shard 0), flagged as owned by the first of them:
     * a byte 1 owned or 0, each key field as varint + 1, a byte allowed, the seven counts, then first and last
     * decision time each as a byte present and, when present, varint epoch seconds and nanoseconds.
     */
    static void route(ShardSpill[] out, long shards, int[] key, boolean allowed, long[] counts, boolean hasFirst,
            long firstSecond, long firstNano, boolean hasLast, long lastSecond, long lastNano) throws IOException {
        if (shards == 0) {
            shards = 1;
        }
        int owner = Long.numberOfTrailingZeros(shards);
        for (int k = owner; k < out.length; k++) {
            if ((shards & (1L << k)) != 0) {
                PackBytes.Out o = out[k].bytes;
                o.writeByte(k == owner ? 1 : 0);
                for (int v : key) {
                    o.varLong(v + 1L);
                }
                o.writeByte(allowed ? 1 : 0);
                for (long n : counts) {
                    o.varLong(n);
                }
                time(o, hasFirst, firstSecond, firstNano);
                time(o, hasLast, lastSecond, lastNano);
                out[k].spillWhenFull();
            }
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
