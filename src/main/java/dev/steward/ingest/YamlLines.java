package dev.steward.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a UTF-8 YAML document into lines of characters for {@link FastYaml}, numbered as SnakeYAML numbers them
 * (LF and CR LF end a line). Whatever the fast reader must not judge makes it give up ({@link FastYaml.GiveUp}) at
 * that line: a tab, a lone CR, a character SnakeYAML refuses or treats as a line break (NEL, LS, PS) or as a byte
 * order mark, malformed UTF-8, a line longer than {@link #MAX_LINE} bytes (or the configured line limit), a document longer than the size limit, and
 * any failure of the input (a decompression guard, say): the full parser then meets it at the same place.
 *
 * <p>The input is read {@link #CHUNK} bytes at a time, below the 64 KiB buffer that {@link BoundedInput} puts over a
 * decompressing stream, so its guards see the same reads whoever reads above them. {@link #frontier()} says how far
 * the input has been read without failure.
 */
final class YamlLines {

    /** Bytes asked of the input at a time. */
    static final int CHUNK = 32 * 1024;
    /** The longest line read here, in bytes (and never longer than the configured line limit). */
    static final int MAX_LINE = 256 * 1024;

    private final InputStream in;
    private final long maxBytes;
    private final int maxLine;
    private final byte[] buf = new byte[MAX_LINE + 2 * CHUNK];
    private int start;
    private int end;
    private boolean eof;
    private long bufferOffset;
    private long frontier;
    private long number;
    private long lineEnd;
    private char[] chars = new char[1024];
    private int length;
    private CharsetDecoder decoder;

    /** {@code maxBytes}: the document size limit; {@code maxLineBytes}: the line limit (longer lines give up). */
    YamlLines(InputStream in, long maxBytes, int maxLineBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.maxLine = Math.min(MAX_LINE, maxLineBytes);
    }

    /** The characters of the current line (without its line break); valid until the next {@link #next()}. */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /** The current line's number, from 1. */
    long number() {
        return number;
    }

    /** The byte offset just past the current line and its line break. */
    long lineEnd() {
        return lineEnd;
    }

    /** Bytes read from the input without failure so far. */
    long frontier() {
        return frontier;
    }

    /** True once the whole input has been read. */
    boolean exhausted() {
        return eof;
    }

    /** Moves to the next line; false at the end of the document. */
    boolean next() {
        while (true) {
            for (int i = start; i < end; i++) {
                if (buf[i] == '\n') {
                    tooLong(i - start);
                    decode(start, i, true);
                    lineEnd = bufferOffset + i + 1;
                    start = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (start == end) {
                    return false;
                }
                tooLong(end - start);
                decode(start, end, false);
                lineEnd = bufferOffset + end;
                start = end;
                return true;
            }
            tooLong(end - start);
            fill();
        }
    }

    private void tooLong(int bytes) {
        if (bytes > maxLine) {
            throw new FastYaml.GiveUp("line longer than " + maxLine + " bytes", number + 1);
        }
    }

    private void fill() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            bufferOffset += start;
            end -= start;
            start = 0;
        }
        int want = (int) Math.min(buf.length - end, CHUNK);
        long budget = maxBytes - frontier;
        try {
            if (budget <= 0) {
                if (in.read() >= 0) {
                    throw new FastYaml.GiveUp("document at the size limit", number + 1);
                }
                eof = true;
                return;
            }
            int n = in.read(buf, end, (int) Math.min(want, budget));
            if (n < 0) {
                eof = true;
            } else {
                end += n;
                frontier += n;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FastYaml.GiveUp g) {
                throw g;
            }
            throw new FastYaml.GiveUp("input failed: " + e.getMessage(), number + 1);
        }
    }

    private void decode(int from, int to, boolean hadLineFeed) {
        number++;
        if (to > from && buf[to - 1] == '\r') {
            if (!hadLineFeed) {
                throw new FastYaml.GiveUp("carriage return at the end of the document", number);
            }
            to--;
        }
        int n = to - from;
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] out = chars;
        for (int i = 0; i < n; i++) {
            byte b = buf[from + i];
            if (b >= 0x20 && b < 0x7f) {
                out[i] = (char) b;
            } else if (b < 0) {
                length = i + decodeRest(from + i, to, i);
                return;
            } else {
                throw new FastYaml.GiveUp("control character " + (int) b, number);
            }
        }
        length = n;
    }

    /** Decodes non-ASCII text strictly into {@link #chars} from {@code at}; returns how many chars it wrote. */
    private int decodeRest(int from, int to, int at) {
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        int max = to - from;
        if (chars.length < at + max) {
            char[] bigger = new char[at + max];
            System.arraycopy(chars, 0, bigger, 0, at);
            chars = bigger;
        }
        CharBuffer out = CharBuffer.wrap(chars, at, max);
        decoder.reset();
        try {
            var result = decoder.decode(ByteBuffer.wrap(buf, from, max), out, true);
            if (result.isError()) {
                result.throwException();
            }
            result = decoder.flush(out);
            if (result.isError()) {
                result.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new FastYaml.GiveUp("malformed UTF-8", number);
        }
        int written = out.position() - at;
        for (int i = at; i < at + written; i++) {
            char c = chars[i];
            if (c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029
                    || c >= 0xe000 && c <= 0xfffd && c != 0xfeff) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < at + written && Character.isLowSurrogate(chars[i + 1])) {
                i++;
                continue;
            }
            throw new FastYaml.GiveUp("character U+" + Integer.toHexString(c) + " left to the full parser", number);
        }
        return written;
    }
}
