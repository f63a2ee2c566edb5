package dev.steward.decisions;

import java.io.EOFException;
import java.io.IOException;

/**
 * A reader of a shard file that decodes rows straight out of a byte array: the buffer is refilled only between rows,
 * whenever less than the longest possible row is left in it, so decoding a varint is a bounds test and an array read
 * on locals. Reading byte by byte through a method that could refill the buffer (before 2026-11-30) cost about 7 ns
 * a varint, 4 % of the assessment at 10M decisions.
 */
final class ShardReader implements AutoCloseable {

    /** The most bytes a row takes ({@link ShardSpill#route}): four flags and 19 varints of at most 10 bytes each. */
    static final int MAX_ROW = 4 + 19 * 10;

    private final java.io.InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean eof;

    ShardReader(java.io.InputStream in) {
        this.in = in;
    }

    /** Whether another row starts here; keeps at least {@link #MAX_ROW} bytes in the buffer unless the file ends. */
    private boolean more() throws IOException {
        if (end - pos < MAX_ROW && !eof) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
            while (end < buf.length) {
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    eof = true;
                    break;
                }
                end += n;
            }
        }
        return pos < end;
    }

    /**
     * Reads every row of the file into {@code rows} (the layout {@link ShardSpill#route} writes), each text's
     * dictionary id turned into its rank in character order by {@code rank} ({@code -1} for null stays {@code -1}),
     * so keys sort by plain int compares.
     */
    void readAll(ShardRows rows, int[] rank) throws IOException {
        while (more()) {
            int row = rows.add(flag());
            rows.key(row, 0, (int) (var() - 1));
            for (int i = 1; i < 7; i++) {
                rows.key(row, i, ranked(rank));
            }
            int onBehalfOf = ranked(rank);
            rows.key(row, 7, flag() ? 1 : 0);
            rows.key(row, 8, onBehalfOf);
            for (int i = 0; i < 7; i++) {
                rows.count(row, i, var());
            }
            if (flag()) {
                rows.first(row, var(), var());
            }
            if (flag()) {
                rows.last(row, var(), var());
            }
        }
    }

    private int ranked(int[] rank) throws IOException {
        int id = (int) (var() - 1);
        return id < 0 ? -1 : rank[id];
    }

    private boolean flag() throws IOException {
        if (pos >= end) {
            throw truncated();
        }
        return buf[pos++] != 0;
    }

    private long var() throws IOException {
        byte[] b = buf;
        int p = pos;
        int e = end;
        if (p >= e) {
            throw truncated();
        }
        int x = b[p++];
        if (x >= 0) {
            pos = p;
            return x;
        }
        long v = x & 0x7F;
        for (int shift = 7; ; shift += 7) {
            if (p >= e) {
                throw truncated();
            }
            x = b[p++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                pos = p;
                return v;
            }
        }
    }

    private static EOFException truncated() {
        return new EOFException("decision shard ends inside a row");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
