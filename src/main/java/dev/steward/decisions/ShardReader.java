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

    /**
     * Reads every row of the file into {@code rows} (the layout {@link ShardSpill#route} writes), each text's
     * dictionary id turned into its rank in character order by {@code rank} ({@code -1} for null stays {@code -1}),
     * so keys sort by plain int compares.
     */
    void readAll(ShardRows rows, int[] rank) throws IOException {
        while (more()) {
            int row = rows.add(readBoolean());
            rows.key(row, 0, (int) (var() - 1));
            for (int i = 1; i < 7; i++) {
                rows.key(row, i, ranked(rank));
            }
            int onBehalfOf = ranked(rank);
            rows.key(row, 7, readBoolean() ? 1 : 0);
            rows.key(row, 8, onBehalfOf);
            for (int i = 0; i < 7; i++) {
                rows.count(row, i, var());
            }
            if (readBoolean()) {
                rows.first(row, var(), var());
            }
            if (readBoolean()) {
                rows.last(row, var(), var());
            }
        }
    }

    private int ranked(int[] rank) throws IOException {
        int id = (int) (var() - 1);
        return id < 0 ? -1 : rank[id];
    }

    private long var() throws IOException {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
