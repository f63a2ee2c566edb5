package dev.steward.decisions;

import java.io.EOFException;
import java.io.IOException;

/** A buffered reader of a shard file without the per-byte locking of the JDK's buffered streams. */
final class ShardReader implements AutoCloseable {
    private final java.io.InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;

    ShardReader(java.io.InputStream in) {
        this.in = in;
    }

    boolean more() throws IOException {
        if (pos < end) {
            return true;
        }
        end = in.read(buf);
        pos = 0;
        return end > 0;
    }

    int readUnsignedByte() throws IOException {
        if (!more()) {
            throw new EOFException("decision shard ends inside a row");
        }
        return buf[pos++] & 0xFF;
    }

    boolean readBoolean() throws IOException {
        return readUnsignedByte() != 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
