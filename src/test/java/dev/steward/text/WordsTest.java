package dev.steward.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How counts and lists are written: what reasons, reports and messages say, word for word. */
class WordsTest {

    @Test
    void listsUpToMaxItemsAndCountsTheRest() {
        assertThat(Words.list(List.of(), 3)).isEqualTo("none");
        assertThat(Words.list(List.of("a"), 3)).isEqualTo("a");
        assertThat(Words.list(List.of("a", "b", "c"), 3)).isEqualTo("a, b, c");
        assertThat(Words.list(List.of("a", "b", "c", "d", "e"), 3)).isEqualTo("a, b, c and 2 more");
        assertThat(Words.list(new LinkedHashSet<>(List.of("z", "y")), 1)).isEqualTo("z and 1 more");
        assertThat(Words.list(List.of("a", "b"), 0)).isEqualTo(" and 2 more");
    }

    /** The list as it was written before it was built in one builder: a copy of the items and String.join. */
    @Test
    void writesWhatJoiningTheItemsWrote() {
        Random random = new Random(3);
        for (int round = 0; round < 2_000; round++) {
            List<String> items = new ArrayList<>();
            for (int i = random.nextInt(14); i > 0; i--) {
                items.add(random.nextInt(9) == 0 ? null : "item-" + random.nextInt(100));
            }
            int max = random.nextInt(12);
            String joined = items.isEmpty() ? "none" : items.size() <= max ? String.join(", ", items)
                    : String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
            assertThat(Words.list(items, max)).as("%s, max %d", items, max).isEqualTo(joined);
        }
    }

    @Test
    void countsInTheSingularForOneOnly() {
        assertThat(Words.count(1, "decision")).isEqualTo("1 decision");
        assertThat(Words.count(0, "decision")).isEqualTo("0 decisions");
        assertThat(Words.count(2, "person", "people")).isEqualTo("2 people");
    }
}
