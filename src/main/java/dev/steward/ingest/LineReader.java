package dev.steward.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines (LF or CRLF) from a stream with a bounded buffer: a line longer than the limit is an
 * {@link IngestException} naming the file and line, never an unbounded allocation. Tracks the 1-based line number.
 */
public final class LineReader {

    private final String name;
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private byte[] line = new byte[256];
    private long lineNumber;
    /** Where {@link #read} found the current line. */
    private byte[] bytes;
    private int from;
    private int length;

    public LineReader(String name, InputStream in, int maxLineBytes) {
        this.name = name;
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line without its terminator, or null at the end. Scans the buffer for the line feed and copies whole
     * runs (a line inside the buffer becomes a string without any copy of its own): per-byte copying was a fifth of
     * the decision reader's time.
     */
    public String next() throws IOException {
        return read() ? new String(bytes, from, length, StandardCharsets.UTF_8) : null;
    }

    /**
     * The next line's bytes without its terminator (a copy of its own, so it can travel to another thread), or null
     * at the end: for parsers that read UTF-8 themselves, without a string in between.
     */
    public byte[] nextBytes() throws IOException {
        return read() ? Arrays.copyOfRange(bytes, from, from + length) : null;
    }

    /** Finds the next line: sets {@code bytes}, {@code from} and {@code length}; false at the end. */
    private boolean read() throws IOException {
        int n = 0;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            int end = start;
            while (end < len && buf[end] != '\n') {
                end++;
            }
            int run = end - start;
            if (n + run > maxLineBytes) {
                throw new IngestException(name + ":" + (lineNumber + 1) + ": line longer than " + maxLineBytes
                        + " bytes (steward.ingest.max-line-bytes)");
            }
            if (end < len && n == 0) {
                pos = end + 1;
                lineNumber++;
                bytes = buf;
                from = start;
                length = run > 0 && buf[end - 1] == '\r' ? run - 1 : run;
                return true;
            }
            if (n + run > line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, n + run)));
            }
            System.arraycopy(buf, start, line, n, run);
            n += run;
            if (end < len) {
                pos = end + 1;
                break;
            }
            pos = len;
        }
        lineNumber++;
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        bytes = line;
        from = 0;
        length = n;
        return true;
    }

    /** Number of the line last returned by {@link #next()}. */
    public long lineNumber() {
        return lineNumber;
    }
}
