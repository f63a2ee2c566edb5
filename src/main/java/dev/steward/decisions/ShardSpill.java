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
}
