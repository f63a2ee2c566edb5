package dev.steward.assessment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Writes findings.json: a JSON array with one finding object per line, in run order (check catalog order, default
 * variant first, subject id), each serialized by {@link AssessmentJson} (fields in {@link Finding} order, UTF-8, LF
 * line ends, a final newline). The same findings always give the same bytes; one line per finding keeps the file
 * diffable and greppable. Findings are written as they come, so a run of any size streams through.
 */
public final class FindingsJson implements AutoCloseable {

    private static final byte[] FIRST = "\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEXT = ",\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n]\n".getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private long count;

    /** Starts the array on the stream; {@link #close()} ends it and flushes, leaving the stream open. */
    public FindingsJson(OutputStream out) {
        this.out = out;
        io(() -> out.write('['));
    }

    public void write(Finding finding) {
        io(() -> {
            out.write(count == 0 ? FIRST : NEXT);
            out.write(AssessmentJson.MAPPER.writeValueAsBytes(finding));
        });
        count++;
    }

    public long count() {
        return count;
    }

    @Override
    public void close() {
        io(() -> {
            out.write(END);
            out.flush();
        });
    }

    /** Writes all findings to the stream (left open) and returns how many were written. */
    public static long write(Iterator<Finding> findings, OutputStream out) {
        try (FindingsJson w = new FindingsJson(out)) {
            findings.forEachRemaining(w::write);
            return w.count();
        }
    }

    public static long write(Iterable<Finding> findings, OutputStream out) {
        return write(findings.iterator(), out);
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void io(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
