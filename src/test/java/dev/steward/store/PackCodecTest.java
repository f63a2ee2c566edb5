package dev.steward.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class PackCodecTest {

    /** What a pack's content looks like: repeated words and ids with digits, plus some random bytes. */
    private static byte[] content(Random random, int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; ) {
            byte[] word = random.nextInt(4) == 0 ? new byte[] {(byte) random.nextInt(256)}
                    : ("agent-" + random.nextInt(500) + " owner is active; ").getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(word.length, size - i);
            System.arraycopy(word, 0, out, i, n);
            i += n;
        }
        return out;
    }

    /** A body as the encoders wrote it before Zstandard: deflated at the fastest level, zlib header included. */
    private static byte[] deflated(byte[] content) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(content);
            d.finish();
            byte[] out = new byte[content.length + 1024];
            int n = 0;
            while (!d.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += d.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            d.end();
        }
    }

    @Test
    void packsRoundTripAsZstandardFramesOfAnySize() {
        Random random = new Random(11);
        try (PackCodec.Compressor compressor = new PackCodec.Compressor()) {
            for (int size : new int[] {0, 1, 2, 100, 4096, 65_537, 1 << 20}) {
                byte[] content = content(random, size);
                PackBytes.Out out = new PackBytes.Out(16);
                out.bytes(content, 0, content.length);
                byte[] body = out.compress(compressor);
                assertThat(PackCodec.zstd(body)).as("size %d", size).isTrue();
                assertThat(PackCodec.expand(body)).as("size %d", size).isEqualTo(content);
                // a part of a buffer is that part only
                assertThat(PackCodec.expand(compressor.compress(content, 0, size / 2)))
                        .isEqualTo(Arrays.copyOf(content, size / 2));
            }
        }
    }

    @Test
    void repetitiveContentIsCompressed() {
        byte[] content = "check OWN-2 agent-00001 owner p-1 is active\n".repeat(2000)
                .getBytes(StandardCharsets.US_ASCII);
        try (PackCodec.Compressor compressor = new PackCodec.Compressor()) {
            assertThat(compressor.compress(content, 0, content.length).length).isLessThan(content.length / 20);
        }
    }

    @Test
    void packsDeflatedByEarlierVersionsStillRead() {
        Random random = new Random(12);
        for (int size : new int[] {0, 1, 100, 70_000}) {
            byte[] content = content(random, size);
            byte[] old = deflated(content);
            assertThat(PackCodec.zstd(old)).isFalse();
            assertThat(PackCodec.expand(old)).as("size %d", size).isEqualTo(content);
        }
    }

    @Test
    void aDamagedOrForeignPackIsAnErrorNotShortContent() {
        byte[] content = content(new Random(13), 50_000);
        byte[] body;
        try (PackCodec.Compressor compressor = new PackCodec.Compressor()) {
            body = compressor.compress(content, 0, content.length);
        }
        byte[] cut = Arrays.copyOf(body, body.length - 10);
        assertThatThrownBy(() -> PackCodec.expand(cut)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pack");
        // a flipped bit in the middle of the data fails the frame's checksum (or its decoding) instead of changing it
        byte[] flipped = body.clone();
        flipped[body.length / 2] ^= 0x10;
        assertThatThrownBy(() -> PackCodec.expand(flipped)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pack");
        // the magic number and nothing else
        assertThatThrownBy(() -> PackCodec.expand(Arrays.copyOf(body, 4))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("content size");
        // neither a Zstandard frame nor deflate data
        assertThatThrownBy(() -> PackCodec.expand("not a pack".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not deflated data");
        byte[] deflatedCut = deflated(content);
        assertThatThrownBy(() -> PackCodec.expand(Arrays.copyOf(deflatedCut, deflatedCut.length / 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ends early");
    }
}
