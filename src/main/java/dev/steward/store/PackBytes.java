package dev.steward.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte-level toolkit of the stored packs (decision packs, daily decision packs, assessment result packs): a
 * growable buffer that writes unsigned LEB128 varints, zig-zag longs, big-endian doubles and length-prefixed UTF-8
 * texts without the per-byte locking and virtual calls of the JDK's streams, its reader and a per-pack string
 * dictionary. How packs are compressed is {@link PackCodec}.
 */
public final class PackBytes {

    private PackBytes() {
    }

    /** A growable byte buffer, written front to back. */
    public static final class Out {
        /** Texts longer than this are encoded by the JDK, not through {@link #chars}. */
        private static final int MAX_SCRATCH = 1 << 16;

        private byte[] buf;
        private int size;
        /** Scratch of {@link #text}: the chars of the text being written. */
        private char[] chars = new char[128];

        public Out(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        public int size() {
            return size;
        }

        public void reset() {
            size = 0;
        }

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        public void writeByte(int b) {
            room(1);
            buf[size++] = (byte) b;
        }

        /** Unsigned LEB128: seven bits a byte, small numbers take one byte. */
        public void varLong(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        /** A double as its IEEE 754 bits, big-endian (as {@link java.io.DataOutput#writeDouble} writes it). */
        public void writeDouble(double d) {
            room(8);
            long v = Double.doubleToLongBits(d);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
        }

        public void zigZag(long v) {
            varLong((v << 1) ^ (v >> 63));
        }

        /**
         * A text in place: varint 0 for null, else UTF-8 length + 1, then the bytes (exactly what
         * {@code s.getBytes(UTF_8)} gives). An ASCII text (ids, names, nearly every reason and detail) is copied through
         * a scratch char array ({@link String#getChars}, a bulk copy) without an intermediate byte array: the result
         * packs of a 10M-decision run write about 1.4 GB of text, and reading it char by char with
         * {@link String#charAt} took about 1.5 times as long, and every text of 127 chars or more was encoded into an
         * array of its own (262 MB of a cold run's allocations).
         */
        public void text(String s) {
            if (s == null) {
                varLong(0);
                return;
            }
            int n = s.length();
            if (n > MAX_SCRATCH) {
                utf8(s);
                return;
            }
            if (chars.length < n) {
                chars = new char[Math.max(n, 2 * chars.length)];
            }
            char[] c = chars;
            s.getChars(0, n, c, 0);
            room(n + 10);
            int start = size;
            varLong(n + 1L);
            byte[] b = buf;
            int at = size;
            for (int i = 0; i < n; i++) {
                char ch = c[i];
                if (ch >= 0x80) {
                    size = start;
                    utf8(s);
                    return;
                }
                b[at + i] = (byte) ch;
            }
            size = at + n;
        }

        private void utf8(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varLong(b.length + 1L);
            bytes(b, 0, b.length);
        }

        public void bytes(byte[] b, int from, int length) {
            room(length);
            System.arraycopy(b, from, buf, size, length);
            size += length;
        }

        public void writeTo(Out other) {
            other.bytes(buf, 0, size);
        }

        /** Writes the content to a stream (one bulk write). */
        public void writeTo(java.io.OutputStream o) throws java.io.IOException {
            o.write(buf, 0, size);
        }

        /** The content compressed as a stored pack ({@link PackCodec}). */
        public byte[] compress(PackCodec.Compressor compressor) {
            return compressor.compress(buf, 0, size);
        }
    }

    /** Reads what {@link Out} wrote. */
    public static final class In {
        private final byte[] buf;
        private int pos;

        public In(byte[] buf) {
            this.buf = buf;
        }

        public int readByte() {
            if (pos >= buf.length) {
                throw new IllegalStateException("a pack ends inside a record");
            }
            return buf[pos++] & 0xFF;
        }

        public long varLong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = readByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
        }

        public int varInt() {
            return (int) varLong();
        }

        /** A double written by {@link Out#writeDouble}. */
        public double readDouble() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | readByte();
            }
            return Double.longBitsToDouble(v);
        }

        public long zigZag() {
            long v = varLong();
            return (v >>> 1) ^ -(v & 1);
        }

        public String text() {
            int n = skipText();
            return n < 0 ? null : new String(buf, pos - n, n, StandardCharsets.UTF_8);
        }

        /**
         * Skips a text written by {@link Out#text} without decoding it: returns its length in UTF-8 bytes, which end at
         * {@link #position()}, or -1 for null.
         */
        public int skipText() {
            int n = varInt();
            if (n == 0) {
                return -1;
            }
            if (pos + n - 1 > buf.length) {
                throw new IllegalStateException("a pack ends inside a text");
            }
            pos += n - 1;
            return n - 1;
        }

        /** Where the next read starts in {@link #buffer()}. */
        public int position() {
            return pos;
        }

        /** The bytes read (not a copy: not to be changed). */
        public byte[] buffer() {
            return buf;
        }

        /** A dictionary reference: 0 is null, else index + 1. */
        public String ref(String[] texts) {
            int i = varInt();
            return i == 0 ? null : texts[i - 1];
        }
    }

    /**
     * The texts of one pack, each written once; records refer to them by index. An open-addressing table with a mixed
     * hash: ids that share a prefix and differ in their digits (agent-00123, cred-00123) made a HashMap's buckets
     * collide into trees, the writer's largest cost.
     */
    public static final class Dictionary {
        private String[] keys = new String[1 << 12];
        private int[] values = new int[1 << 12];
        private final List<String> texts = new ArrayList<>();

        /** Writes a reference to s: 0 for null, else its index + 1. */
        public void ref(Out out, String s) {
            out.varLong(reference(s));
        }

        /** The reference to s, adding it when new: 0 for null, else its index + 1. */
        public int reference(String s) {
            if (s == null) {
                return 0;
            }
            int mask = keys.length - 1;
            int h = s.hashCode() * 0x9E3779B9;
            int i = (h ^ (h >>> 15)) & mask;
            for (String k = keys[i]; k != null; k = keys[i]) {
                if (k.equals(s)) {
                    return values[i] + 1;
                }
                i = (i + 1) & mask;
            }
            int index = texts.size();
            texts.add(s);
            keys[i] = s;
            values[i] = index;
            if (texts.size() * 2 > keys.length) {
                grow();
            }
            return index + 1;
        }

        /** Texts so far. */
        public int size() {
            return texts.size();
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != null) {
                    int h = oldKeys[j].hashCode() * 0x9E3779B9;
                    int i = (h ^ (h >>> 15)) & mask;
                    while (keys[i] != null) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        public void writeTo(Out out) {
            writeTo(out, 0);
        }

        /** Writes texts {@code from} to the last as {@link #writeTo(Out)} writes them all: their count, then each. */
        public void writeTo(Out out, int from) {
            out.varLong(texts.size() - from);
            for (int i = from, n = texts.size(); i < n; i++) {
                out.text(texts.get(i));
            }
        }

        public void clear() {
            Arrays.fill(keys, null);
            texts.clear();
        }

        public static String[] read(In in) {
            String[] texts = new String[in.varInt()];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = in.text();
            }
            return texts;
        }
    }
}
