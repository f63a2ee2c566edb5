package dev.steward.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The decision evidence's sorted distinct lists are what the TreeSet they replace gave. */
class RulesSortDistinctTest {

    @Test
    void sortsAndDropsRepeatsLikeATreeSet() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<String> values = new ArrayList<>();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                values.add("cred-" + random.nextInt(6) + (random.nextBoolean() ? "" : "b"));
            }
            List<String> expected = new ArrayList<>(new TreeSet<>(values));
            Rules.sortDistinct(values);
            assertThat(values).isEqualTo(expected);
        }
    }

    @Test
    void keepsSmallListsAsTheyAre() {
        List<String> one = new ArrayList<>(List.of("b"));
        Rules.sortDistinct(one);
        assertThat(one).containsExactly("b");
        List<String> two = new ArrayList<>(List.of("b", "a", "b", "a"));
        Rules.sortDistinct(two);
        assertThat(two).containsExactly("a", "b");
    }
}
