package dev.steward.store;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * How the stored packs (decision packs, daily decision packs, assessment result packs) are compressed: Zstandard at
 * level 1 since 2026-12-01, deflate at its fastest level before. Packs written by either are read by {@link #expand},
 * which tells them apart by the Zstandard frame's magic number (a deflate stream of ours starts with the zlib header
 * byte {@code 0x78}), so a store keeps every pack it holds.
 *
 * <p>Why: at the default benchmark scale an assessment compresses about 1.4 GB of PASS and NOT_APPLICABLE results
 * and reads about 0.6 GB of daily decision packs. On the 2-core VM of docs/benchmarks.md, deflate compressed those
 * result packs at about 180 MB/s and inflated the daily packs at about 300 MB/s; Zstandard level 1 compresses them at
 * about 530 MB/s and expands at about 1,100 MB/s, into packs about 12 % (results) and 2 % (decisions) smaller.
 */
public final class PackCodec {

    /** The first four bytes of a Zstandard frame (0xFD2FB528, little-endian). */
    private static final byte[] ZSTD_MAGIC = {(byte) 0x28, (byte) 0xB5, (byte) 0x2F, (byte) 0xFD};
    /** Largest pack content read: the largest array the JVM makes. */
    private static final long MAX_CONTENT = Integer.MAX_VALUE - 8;

    private PackCodec() {
    }

    /**
     * Compresses packs one at a time (a native Zstandard context at level 1, with the frame's checksum). Not
     * thread-safe; {@link #close} it.
     */
    public static final class Compressor implements AutoCloseable {
        private final ZstdCompressCtx ctx = new ZstdCompressCtx();
        /** Room for the largest frame so far, reused: a pack is compressed into it, then copied at its size. */
        private byte[] room = new byte[0];

        public Compressor() {
            ctx.setLevel(1);
            ctx.setChecksum(true);
        }

        /** One Zstandard frame of {@code b[from, from + length)}, its content size in its header. */
        public byte[] compress(byte[] b, int from, int length) {
            int bound = Math.toIntExact(Zstd.compressBound(length));
            if (room.length < bound) {
                room = new byte[bound];
            }
            int n = ctx.compressByteArray(room, 0, bound, b, from, length);
            return Arrays.copyOf(room, n);
        }

        /** Frees the native context. */
        @Override
        public void close() {
            ctx.close();
        }
    }

    /** Whether a stored pack is a Zstandard frame (else it is an older, deflated pack). */
    public static boolean zstd(byte[] body) {
        return body.length >= ZSTD_MAGIC.length && Arrays.equals(body, 0, ZSTD_MAGIC.length, ZSTD_MAGIC, 0,
                ZSTD_MAGIC.length);
    }

    /**
     * The content of a stored pack, Zstandard or deflated. A pack that is neither, is cut short or fails its checksum
     * is an {@link IllegalStateException} saying what is wrong.
     */
    public static byte[] expand(byte[] body) {
        return zstd(body) ? unzstd(body) : inflate(body);
    }

    private static byte[] unzstd(byte[] body) {
        long size = Zstd.getFrameContentSize(body);
        if (size < 0 || size > MAX_CONTENT) {
            throw new IllegalStateException("a pack's Zstandard frame has no usable content size ("
                    + (size < 0 ? Zstd.getErrorName(size) : size + " bytes") + ")");
        }
        try {
            byte[] out = Zstd.decompress(body, (int) size);
            if (out.length != size) {
                throw new IllegalStateException("a pack ends early: " + out.length + " of " + size + " bytes");
            }
            return out;
        } catch (ZstdException e) {
            throw new IllegalStateException("a pack is not valid Zstandard data: " + e.getMessage(), e);
        }
    }

    private static byte[] inflate(byte[] body) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            byte[] out = new byte[Math.max(1024, body.length * 6)];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a pack ends early");
                }
                size += n;
            }
            return size == out.length ? out : Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a pack is not deflated data", e);
        } finally {
            inflater.end();
        }
    }
}
