package dev.steward.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A pack's filter never misses a text it holds, and says "may" for few that it does not. */
class PackFilterTest {

    @Test
    void everyTextAddedIsFoundAndFewOthersAre() {
        Random random = new Random(42);
        for (int size : new int[] {1, 7, 100, 5000}) {
            PackFilter f = new PackFilter(size);
            List<byte[]> added = new ArrayList<>();
            // texts side by side in one buffer, as a pack's dictionary holds them
            byte[] buf = new byte[size * 40];
            int at = 0;
            for (int i = 0; i < size; i++) {
                byte[] t = ("agent-" + random.nextInt(1_000_000) + (i % 3 == 0 ? "-é☃" : "")).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(t, 0, buf, at, t.length);
                f.add(buf, at, t.length);
                at += t.length;
                added.add(t);
            }
            assertThat(added).allSatisfy(t -> assertThat(f.mightContain(t)).isTrue());
            int yes = 0;
            for (int i = 0; i < 10_000; i++) {
                if (f.mightContain(("cred-" + i).getBytes(StandardCharsets.UTF_8))) {
                    yes++;
                }
            }
            assertThat(yes).as("false positives of 10,000 absent texts, %d held", size).isLessThan(size == 1 ? 2_000 : 500);
            assertThat(f.mightContain(null)).isFalse();
        }
        assertThat(new PackFilter(0).mightContain("x".getBytes(StandardCharsets.UTF_8))).as("an empty pack names nothing")
                .isFalse();
    }
}
