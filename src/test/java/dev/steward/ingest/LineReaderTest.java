package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines come out whole whatever the read boundaries: LF or CRLF, multi-byte UTF-8 and terminators split across reads. */
class LineReaderTest {

    /** A stream that hands out at most {@code chunk} bytes per read. */
    private static InputStream trickle(String text, int chunk) {
        ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return new InputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static List<String> lines(InputStream in, int max) throws IOException {
        LineReader r = new LineReader("f", in, max);
        List<String> out = new ArrayList<>();
        for (String l = r.next(); l != null; l = r.next()) {
            out.add(r.lineNumber() + ":" + l);
        }
        return out;
    }

    /** The same lines read as bytes ({@link LineReader#nextBytes()}), decoded here. */
    private static List<String> byteLines(InputStream in, int max) throws IOException {
        LineReader r = new LineReader("f", in, max);
        List<String> out = new ArrayList<>();
        for (byte[] l = r.nextBytes(); l != null; l = r.nextBytes()) {
            out.add(r.lineNumber() + ":" + new String(l, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void everyReadBoundaryGivesTheSameLines() throws IOException {
        String text = "{\"a\":\"ü€\"}\r\n\r\nsecond\n\nthird line without terminator";
        List<String> expected = List.of("1:{\"a\":\"ü€\"}", "2:", "3:second", "4:", "5:third line without terminator");
        for (int chunk = 1; chunk <= text.length() + 2; chunk++) {
            assertThat(lines(trickle(text, chunk), 100)).as("reads of %d bytes", chunk).isEqualTo(expected);
            assertThat(byteLines(trickle(text, chunk), 100)).as("bytes, reads of %d bytes", chunk).isEqualTo(expected);
        }
        assertThat(lines(trickle("", 4), 100)).isEmpty();
        assertThat(lines(trickle("x\n", 4), 100)).containsExactly("1:x");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithItsNumberAndOneAtTheLimitIsRead() throws IOException {
        String atLimit = "a".repeat(10);
        assertThat(lines(trickle(atLimit + "\n" + atLimit, 3), 10)).containsExactly("1:" + atLimit, "2:" + atLimit);
        for (int chunk : new int[] {3, 1 << 16}) {
            assertThatThrownBy(() -> lines(trickle("ok\n" + atLimit + "b\n", chunk), 10)).isInstanceOf(IngestException.class)
                    .hasMessage("f:2: line longer than 10 bytes (steward.ingest.max-line-bytes)");
        }
    }

    @Test
    void linesLongerThanTheReadBufferAreJoined() throws IOException {
        String big = "x".repeat(200_000);
        assertThat(lines(new ByteArrayInputStream((big + "\n" + big + "\r\n").getBytes(StandardCharsets.UTF_8)), 300_000))
                .containsExactly("1:" + big, "2:" + big);
        assertThat(byteLines(new ByteArrayInputStream((big + "\n" + big + "\r\n").getBytes(StandardCharsets.UTF_8)), 300_000))
                .containsExactly("1:" + big, "2:" + big);
    }
}
