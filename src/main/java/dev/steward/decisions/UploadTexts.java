package dev.steward.decisions;

import dev.steward.store.PackBytes;
import dev.steward.store.PackCodec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * The texts of one upload's daily packs of version 2 (table decision_text_pack): agents, credentials, tools, actions,
 * scopes, environments and chains, each stored once for the upload and numbered from 0 in the order the packs first
 * used them. A pack of version 2 lists the numbers of the texts it uses ({@link DailyPack}), so a window's scan looks
 * each text up once per upload instead of once per pack (at 10M decisions 427k lookups instead of 21M).
 *
 * <p>Read, the texts are kept undecoded, as UTF-8 bytes in one buffer ({@link #buffer()}, {@link #offsets()},
 * {@link #lengths()}), and decoded on first use ({@link #text}).
 */
final class UploadTexts {

    static final String INSERT = "INSERT INTO decision_text_pack (upload_id, part, first_text, text_count, data)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String PARTS = "SELECT part, first_text, text_count, data FROM decision_text_pack"
            + " WHERE upload_id = ? ORDER BY part";

    private final long upload;
    private final byte[] buffer;
    private final int[] offsets;
    private final int[] lengths;
    private final int size;
    private final String[] decoded;

    private UploadTexts(long upload, byte[] buffer, int[] offsets, int[] lengths, int size) {
        this.upload = upload;
        this.buffer = buffer;
        this.offsets = offsets;
        this.lengths = lengths;
        this.size = size;
        this.decoded = new String[size];
    }

    long upload() {
        return upload;
    }

    /** Texts of the upload. */
    int size() {
        return size;
    }

    /** Every text's UTF-8 bytes: text i is {@code buffer()[offsets()[i], offsets()[i] + lengths()[i])}. */
    byte[] buffer() {
        return buffer;
    }

    int[] offsets() {
        return offsets;
    }

    int[] lengths() {
        return lengths;
    }

    /** Text i, decoded on first use: one string per text however many packs name it. */
    String text(int i) {
        String s = decoded[checked(i)];
        if (s == null) {
            s = new String(buffer, offsets[i], lengths[i], StandardCharsets.UTF_8);
            decoded[i] = s;
        }
        return s;
    }

    /** {@code i}, when the upload has a text of that number; else an error that names the upload. */
    int checked(int i) {
        if (i < 0 || i >= size) {
            throw new IllegalStateException("a daily decision pack of upload " + upload + " names text " + i
                    + ", and the upload has " + size);
        }
        return i;
    }

    /** The stored texts of an upload (none when it has no packs of version 2). */
    static UploadTexts load(Connection c, long upload) throws SQLException {
        Builder texts = new Builder(upload);
        try (PreparedStatement s = c.prepareStatement(PARTS)) {
            s.setLong(1, upload);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    texts.add(r.getInt(1), r.getInt(2), r.getInt(3), r.getBytes(4));
                }
            }
        }
        return texts.build();
    }

    /** An upload's texts from its parts, in part order (as stored: number, first text, count and compressed body). */
    static final class Builder {
        private final long upload;
        private byte[] buffer = new byte[1 << 12];
        private int used;
        private int[] offsets = new int[1 << 10];
        private int[] lengths = new int[1 << 10];
        private int size;
        private int parts;

        Builder(long upload) {
            this.upload = upload;
        }

        void add(int part, int first, int count, byte[] body) {
            if (part != parts || first != size) {
                throw new IllegalStateException("the texts of upload " + upload + " are damaged: part " + part
                        + " starts at text " + first + ", expected part " + parts + " at text " + size);
            }
            PackBytes.In in = new PackBytes.In(PackCodec.expand(body));
            int n = in.varInt();
            if (n != count) {
                throw new IllegalStateException("the texts of upload " + upload + " are damaged: part " + part
                        + " holds " + n + " texts, its row says " + count);
            }
            if (size + n > offsets.length) {
                int grown = Math.max(size + n, 2 * offsets.length);
                offsets = Arrays.copyOf(offsets, grown);
                lengths = Arrays.copyOf(lengths, grown);
            }
            for (int i = 0; i < n; i++) {
                int length = in.skipText();
                if (length < 0) {
                    throw new IllegalStateException("the texts of upload " + upload + " are damaged: text "
                            + (size + i) + " of part " + part + " is null");
                }
                if (used + length > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(used + length, 2 * buffer.length));
                }
                System.arraycopy(in.buffer(), in.position() - length, buffer, used, length);
                offsets[size + i] = used;
                lengths[size + i] = length;
                used += length;
            }
            size += n;
            parts++;
        }

        UploadTexts build() {
            return new UploadTexts(upload, buffer, offsets, lengths, size);
        }
    }

    /**
     * The texts of the uploads a scan meets, loaded when a pack of version 2 first needs them; packs come upload after
     * upload, so one upload's texts are held at a time.
     */
    static final class Cache {
        private final LongFunction<UploadTexts> loader;
        private UploadTexts last;

        Cache(LongFunction<UploadTexts> loader) {
            this.loader = loader;
        }

        UploadTexts of(long upload) {
            if (last == null || last.upload != upload) {
                last = null;
                last = loader.apply(upload);
            }
            return last;
        }
    }

    /**
     * Numbers an upload's texts as its packs are written and hands out the texts not yet stored as parts. Not
     * thread-safe.
     */
    static final class Writer {
        /**
         * Texts an upload numbers at most; its packs after that keep dictionaries of their own (version 1), so that
         * an upload of many distinct texts holds no more than this many in memory.
         */
        static final int MAX_TEXTS = 1 << 20;

        private final PackBytes.Dictionary texts = new PackBytes.Dictionary();
        private final int maxTexts;
        private int stored;
        private int parts;

        Writer() {
            this(MAX_TEXTS);
        }

        Writer(int maxTexts) {
            this.maxTexts = maxTexts;
        }

        /** The number of a (non-null) text, numbered now when new. */
        int number(String text) {
            return texts.reference(text) - 1;
        }

        /** Texts numbered so far. */
        int size() {
            return texts.size();
        }

        /** Whether a pack of {@code texts} more texts at most may still be numbered. */
        boolean room(int texts) {
            return size() + texts <= maxTexts;
        }

        /** Whether texts were numbered since the last part. */
        boolean pending() {
            return texts.size() > stored;
        }

        /** Parts handed out so far: the next part's number. */
        int parts() {
            return parts;
        }

        /** The number of the next part's first text. */
        int stored() {
            return stored;
        }

        /** The compressed part of the texts numbered since the last one; they count as stored afterwards. */
        byte[] part(PackCodec.Compressor compressor) {
            PackBytes.Out out = new PackBytes.Out(1 << 16);
            texts.writeTo(out, stored);
            stored = texts.size();
            parts++;
            return out.compress(compressor);
        }
    }
}
