package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cache hands out one instance per text and never a string whose characters differ from what was asked. */
class TextCacheTest {

    private static String lookUp(TextCache cache, String text) {
        char[] buf = ("<" + text + ">").toCharArray();
        String found = cache.find(buf, 1, text.length());
        if (found == null) {
            found = new String(buf, 1, text.length());
            cache.put(found);
        }
        return found;
    }

    @Test
    void aRepeatedTextIsTheSameInstanceAndAMissIsNull() {
        TextCache cache = new TextCache(8);
        char[] prod = "prod".toCharArray();
        assertThat(cache.find(prod, 0, 4)).isNull();
        String first = lookUp(cache, "prod");
        assertThat(lookUp(cache, "prod")).isSameAs(first);
        assertThat(cache.find(prod, 0, 4)).isSameAs(first);
        // a prefix, a longer text and an empty one are other texts
        assertThat(cache.find(prod, 0, 3)).isNull();
        assertThat(lookUp(cache, "production")).isEqualTo("production").isNotSameAs(first);
        assertThat(lookUp(cache, "")).isEmpty();
    }

    @Test
    void aSmallTableFullOfCollisionsOnlyEverAnswersWithTheRightText() {
        TextCache cache = new TextCache(2);
        Map<String, Integer> hits = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // texts with equal hashes too: "Aa" and "BB" hash alike, so do their concatenations
            String text = switch (random.nextInt(4)) {
                case 0 -> "Aa" + (random.nextBoolean() ? "BB" : "Aa");
                case 1 -> "BB" + (random.nextBoolean() ? "Aa" : "BB");
                default -> "tool-" + random.nextInt(50);
            };
            char[] buf = text.toCharArray();
            String found = cache.find(buf, 0, buf.length);
            if (found != null) {
                assertThat(found).isEqualTo(text);
                hits.merge(text, 1, Integer::sum);
            } else {
                cache.put(new String(buf));
            }
        }
        assertThat(hits).isNotEmpty();
    }
}
