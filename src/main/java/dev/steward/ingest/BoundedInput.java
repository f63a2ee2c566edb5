package dev.steward.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens one input file safely: transparently gunzips it (detected by its magic bytes, whatever its name), skips a
 * UTF-8 byte-order mark, and enforces the decompressed-size and compression-ratio limits so a gzip bomb ends in an
 * {@link IngestException} naming the file and the limit instead of filling memory or disk.
 */
public final class BoundedInput {

    /** Below this many decompressed bytes the ratio is not judged (tiny files compress oddly). */
    private static final long RATIO_GRACE_BYTES = 1L << 20;

    private BoundedInput() {
    }

    public static InputStream open(String name, InputStream raw, IngestConfig limits) throws IOException {
        CountingStream compressed = new CountingStream(new BufferedInputStream(raw, 1 << 16));
        PushbackInputStream probe = new PushbackInputStream(compressed, 3);
        byte[] head = probe.readNBytes(2);
        if (head.length > 0) {
            probe.unread(head);
        }
        InputStream content = probe;
        boolean gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        if (gzip) {
            content = new DecompressionGuard(name, new GZIPInputStream(probe, 1 << 16), compressed, limits);
        }
        return skipBom(new BufferedInputStream(content, 1 << 16));
    }

    private static InputStream skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        return in;
    }

    /** Counts bytes read through it. */
    static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Stops decompression past the configured size or ratio. */
    static final class DecompressionGuard extends FilterInputStream {
        private final String name;
        private final CountingStream compressed;
        private final IngestConfig limits;
        private long produced;

        DecompressionGuard(String name, InputStream in, CountingStream compressed, IngestConfig limits) {
            super(in);
            this.name = name;
            this.compressed = compressed;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                produced += n;
                if (produced > limits.maxDecompressedBytes()) {
                    throw new IngestException(name + ": decompressed size exceeds " + limits.maxDecompressedBytes()
                            + " bytes (steward.ingest.max-decompressed-bytes); is it a gzip bomb?");
                }
                if (produced > RATIO_GRACE_BYTES && produced > limits.maxCompressionRatio() * Math.max(1, compressed.count)) {
                    throw new IngestException(name + ": compression ratio exceeds " + limits.maxCompressionRatio()
                            + ":1 after " + produced + " bytes (steward.ingest.max-compression-ratio); is it a gzip bomb?");
                }
            }
            return n;
        }
    }
}
