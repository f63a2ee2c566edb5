package dev.steward.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.store.PackBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A shard file reads back row for row as {@link ShardSpill#route} wrote it: every key field (texts through the rank
 * table), the owned flag, the seven counts and both times, for many rows whose varints take one to ten bytes, read
 * from a stream that hands out a few bytes at a time (so rows straddle every refill of the buffer). A file cut inside
 * a row is an error, not a short shard.
 */
class ShardReaderTest {

    private static final int TEXTS = 1000;

    private record Written(byte[] bytes, long[][] rows) {
    }

    /** n rows to one shard; per row: 8 key fields, allowed, 7 counts, first and last second and nano. */
    private static Written write(int n, long seed) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        // full buffers go to the file through the writer, as the router's do
        SpillWriter writer = new SpillWriter(ShardSpill.capacity(4096));
        ShardSpill[] out = {new ShardSpill(file, 4096, writer)};
        long[][] rows = new long[n][];
        for (int i = 0; i < n; i++) {
            int[] key = new int[8];
            key[0] = 20_000 + random.nextInt(90);
            for (int f = 1; f < 8; f++) {
                key[f] = random.nextInt(TEXTS + 1) - 1; // -1: null
            }
            long[] counts = new long[7];
            for (int c = 0; c < 7; c++) {
                // one byte up to ten: small counts, and now and then a huge one
                counts[c] = random.nextInt(4) == 0 ? random.nextLong() & Long.MAX_VALUE : random.nextInt(300);
            }
            boolean allowed = random.nextBoolean();
            boolean hasFirst = random.nextInt(5) > 0;
            boolean hasLast = random.nextInt(5) > 0;
            long firstSecond = 1_780_000_000L + random.nextInt(8_000_000);
            long firstNano = random.nextInt(1_000_000_000);
            long lastSecond = firstSecond + random.nextInt(86_400);
            long lastNano = random.nextInt(1_000_000_000);
            ShardSpill.route(out, new PackBytes.Out(256), new int[] {0}, 1, key, allowed, counts, hasFirst, firstSecond,
                    firstNano, hasLast, lastSecond, lastNano);
            long[] row = new long[8 + 1 + 7 + 6];
            for (int f = 0; f < 8; f++) {
                row[f] = key[f];
            }
            row[8] = allowed ? 1 : 0;
            System.arraycopy(counts, 0, row, 9, 7);
            row[16] = hasFirst ? 1 : 0;
            row[17] = hasFirst ? firstSecond * 1_000_000_000L + firstNano : 0;
            row[18] = hasLast ? 1 : 0;
            row[19] = hasLast ? lastSecond * 1_000_000_000L + lastNano : 0;
            rows[i] = row;
        }
        writer.drain();
        writer.close();
        out[0].close();
        return new Written(file.toByteArray(), rows);
    }

    /** A stream that hands out at most {@code chunk} bytes a read, as a file read may. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void readsBackEveryFieldOfEveryRowAcrossRefills() throws IOException {
        Written w = write(6000, 5);
        assertThat(w.bytes().length).as("several buffers' worth").isGreaterThan(4 * (1 << 16));
        // the ranks are a permutation, so a text's rank differs from its id
        int[] rank = new int[TEXTS];
        for (int i = 0; i < TEXTS; i++) {
            rank[i] = TEXTS - 1 - i;
        }
        for (int chunk : new int[] {7, 1000, 1 << 20}) {
            ShardRows rows = new ShardRows();
            try (ShardReader in = new ShardReader(trickle(w.bytes(), chunk))) {
                in.readAll(rows, rank);
            }
            assertThat(rows.size()).as("rows read in chunks of %d", chunk).isEqualTo(w.rows().length);
            for (int i = 0; i < rows.size(); i++) {
                long[] expected = w.rows()[i];
                assertThat(rows.own(i)).isTrue();
                assertThat(rows.key(i, 0)).as("day of row %d", i).isEqualTo((int) expected[0]);
                for (int f = 1; f < 7; f++) {
                    assertThat(rows.key(i, f)).as("field %d of row %d", f, i).isEqualTo(ranked(rank, expected[f]));
                }
                assertThat(rows.key(i, 7)).as("allowed of row %d", i).isEqualTo((int) expected[8]);
                assertThat(rows.key(i, 8)).as("chain of row %d", i).isEqualTo(ranked(rank, expected[7]));
                ShardSum sum = new ShardSum();
                rows.addTo(i, sum);
                assertThat(sum.counts).as("counts of row %d", i).containsExactly(Arrays.copyOfRange(expected, 9, 16));
                assertThat(sum.first()).as("first of row %d", i).isEqualTo(instant(expected[16], expected[17]));
                assertThat(sum.last()).as("last of row %d", i).isEqualTo(instant(expected[18], expected[19]));
            }
        }
    }

    @Test
    void aRowRoutedToSeveralShardsReadsTheSameInEachOwnedByTheFirstOnly() throws IOException {
        ByteArrayOutputStream[] files = new ByteArrayOutputStream[4];
        ShardSpill[] out = new ShardSpill[files.length];
        for (int k = 0; k < files.length; k++) {
            files[k] = new ByteArrayOutputStream();
            out[k] = new ShardSpill(files[k], 4096, null); // never full here
        }
        PackBytes.Out scratch = new PackBytes.Out(16);
        int[] key = {20_100, 3, 7, 1, 2, -1, 4, 5};
        long[] counts = {9, 8, 7, 6, 5, 4, Long.MAX_VALUE};
        ShardSpill.route(out, scratch, new int[] {1, 3}, 2, key, true, counts, true, 1_780_000_000L, 5, false, 0, 0);
        // a second row, shorter, through the same scratch: nothing of the first may be left in it
        int[] other = {20_101, 0, -1, -1, -1, -1, -1, -1};
        ShardSpill.route(out, scratch, new int[] {3}, 1, other, false, new long[7], false, 0, 0, true, 1_780_000_100L,
                0);
        for (ShardSpill o : out) {
            o.close();
        }
        assertThat(files[0].size()).isZero();
        assertThat(files[2].size()).isZero();
        ShardRows one = read(files[1].toByteArray());
        ShardRows three = read(files[3].toByteArray());
        assertThat(one.size()).isEqualTo(1);
        assertThat(three.size()).isEqualTo(2);
        assertThat(one.own(0)).as("owned by the first shard").isTrue();
        assertThat(three.own(0)).as("a copy in a later shard").isFalse();
        assertThat(three.own(1)).as("the second row's only shard").isTrue();
        for (ShardRows rows : new ShardRows[] {one, three}) {
            assertThat(rows.key(0, 0)).isEqualTo(20_100);
            assertThat(rows.key(0, 5)).isEqualTo(-1);
            assertThat(rows.key(0, 7)).as("allowed").isEqualTo(1);
            assertThat(rows.key(0, 8)).as("chain").isEqualTo(5);
            ShardSum sum = new ShardSum();
            rows.addTo(0, sum);
            assertThat(sum.counts).containsExactly(counts);
            assertThat(sum.first()).isEqualTo(Instant.ofEpochSecond(1_780_000_000L, 5));
            assertThat(sum.last()).isNull();
        }
        assertThat(three.key(1, 0)).isEqualTo(20_101);
        assertThat(three.key(1, 2)).isEqualTo(-1);
        ShardSum second = new ShardSum();
        three.addTo(1, second);
        assertThat(second.counts).containsOnly(0L);
        assertThat(second.first()).isNull();
        assertThat(second.last()).isEqualTo(Instant.ofEpochSecond(1_780_000_100L));
    }

    private static ShardRows read(byte[] file) throws IOException {
        ShardRows rows = new ShardRows();
        try (ShardReader in = new ShardReader(new ByteArrayInputStream(file))) {
            in.readAll(rows, identity());
        }
        return rows;
    }

    @Test
    void aFileCutInsideARowIsAnError() throws IOException {
        Written w = write(3000, 9);
        // a row takes at least 19 bytes, so each cut lands inside the last one
        for (int cut : new int[] {1, 2, 5, 18}) {
            byte[] truncated = Arrays.copyOf(w.bytes(), w.bytes().length - cut);
            assertThatThrownBy(() -> {
                try (ShardReader in = new ShardReader(trickle(truncated, 333))) {
                    in.readAll(new ShardRows(), identity());
                }
            }).as("cut %d bytes short", cut).isInstanceOf(EOFException.class).hasMessage("decision shard ends inside a row");
        }
    }

    @Test
    void anEmptyFileHasNoRows() throws IOException {
        ShardRows rows = new ShardRows();
        try (ShardReader in = new ShardReader(new ByteArrayInputStream(new byte[0]))) {
            in.readAll(rows, identity());
        }
        assertThat(rows.size()).isZero();
    }

    private static int ranked(int[] rank, long id) {
        return id < 0 ? -1 : rank[(int) id];
    }

    private static int[] identity() {
        int[] rank = new int[TEXTS];
        for (int i = 0; i < TEXTS; i++) {
            rank[i] = i;
        }
        return rank;
    }

    private static Instant instant(long present, long nanos) {
        return present == 0 ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L));
    }
}
