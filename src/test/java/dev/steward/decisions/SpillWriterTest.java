package dev.steward.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.store.PackBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shard files' writer ({@link SpillWriter}) and the spills that hand it their full buffers ({@link ShardSpill}):
 * every byte reaches its file in the order given, across many more buffers than wait at once; buffers come back
 * empty for reuse; a failed write fails the next call and nothing is written after it.
 */
class SpillWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writesEveryBufferToItsFileInOrder() throws IOException {
        Random random = new Random(5);
        List<ByteArrayOutputStream> files = new ArrayList<>();
        List<ByteArrayOutputStream> expected = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            files.add(new ByteArrayOutputStream());
            expected.add(new ByteArrayOutputStream());
        }
        Set<PackBytes.Out> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        try (SpillWriter writer = new SpillWriter(64)) {
            PackBytes.Out buffer = new PackBytes.Out(64);
            for (int n = 0; n < 20 * SpillWriter.IN_FLIGHT; n++) {
                int f = random.nextInt(files.size());
                for (int b = 0, len = 1 + random.nextInt(60); b < len; b++) {
                    int value = random.nextInt(256);
                    buffer.writeByte(value);
                    expected.get(f).write(value);
                }
                seen.add(buffer);
                buffer = writer.write(files.get(f), buffer);
                assertThat(buffer.size()).as("a buffer to fill starts empty").isZero();
            }
            writer.drain();
            // written buffers are reused: about as many as wait at once, not one per write
            assertThat(seen.size()).isLessThanOrEqualTo(SpillWriter.IN_FLIGHT + 2);
        }
        for (int f = 0; f < files.size(); f++) {
            assertThat(files.get(f).toByteArray()).as("file %d", f).isEqualTo(expected.get(f).toByteArray())
                    .isNotEmpty();
        }
    }

    @Test
    void aShardSpillsItsFullBuffersThroughTheWriterAndWritesTheRestWhenClosed() throws IOException {
        Path file = tmp.resolve("shard-0");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (SpillWriter writer = new SpillWriter(ShardSpill.capacity(16))) {
            ShardSpill spill = new ShardSpill(Files.newOutputStream(file), 16, writer);
            for (int i = 0; i < 10_000; i++) {
                spill.bytes.writeByte(i % 251);
                expected.write(i % 251);
                spill.spillWhenFull();
                assertThat(spill.bytes.size()).isLessThan(16);
            }
            writer.drain();
            spill.close();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    }

    @Test
    void aFailedWriteFailsTheNextCallAndNothingIsWrittenAfterIt() throws IOException {
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        try (SpillWriter writer = new SpillWriter(16)) {
            PackBytes.Out buffer = new PackBytes.Out(16);
            buffer.writeByte(1);
            buffer = writer.write(failing, buffer);
            assertThatThrownBy(writer::drain).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot write a decision shard").hasMessageContaining("disk full");
            buffer.writeByte(2);
            PackBytes.Out next = buffer;
            assertThatThrownBy(() -> writer.write(after, next)).isInstanceOf(IOException.class)
                    .hasMessageContaining("disk full");
        }
        assertThat(after.size()).isZero();
    }
}
