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
public final class FindingsJson {

    private FindingsJson() {
    }

    /** Writes the findings to the stream (left open) and returns how many were written. */
    public static long write(Iterator<Finding> findings, OutputStream out) {
        try {
            long n = 0;
            out.write('[');
            while (findings.hasNext()) {
                out.write(n == 0 ? "\n".getBytes(StandardCharsets.UTF_8) : ",\n".getBytes(StandardCharsets.UTF_8));
                out.write(AssessmentJson.MAPPER.writeValueAsBytes(findings.next()));
                n++;
            }
            out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long write(Iterable<Finding> findings, OutputStream out) {
        return write(findings.iterator(), out);
    }
}
