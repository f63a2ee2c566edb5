package dev.steward.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.evidence.DecisionAggregate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The loops that replaced the checks' streams: {@link Rules#filter} keeps what a stream filter keeps, in order, and
 * hands back the subject's own list itself when everything passes (its evidence summary is then shared);
 * {@link Rules#distinct} gives the sorted non-null values, with few or many distinct ones.
 */
class RulesFilterTest {

    private static List<DecisionAggregate> decisions(Random random, int n) {
        return decisions(random, n, 4);
    }

    private static List<DecisionAggregate> decisions(Random random, int n, int tools) {
        List<DecisionAggregate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DecisionBuilder d = new DecisionBuilder("agent-" + random.nextInt(3), null).count(1 + random.nextInt(5));
            if (random.nextInt(4) > 0) {
                // a new String each time: equal values are not always the same instance
                d.tool(new String("tool-" + random.nextInt(tools)));
            }
            list.add(random.nextBoolean() ? d.build() : d.denied().build());
        }
        return list;
    }

    @Test
    void filterKeepsWhatAStreamKeepsInOrder() {
        Random random = new Random(3);
        List<Predicate<DecisionAggregate>> tests = List.of(DecisionAggregate::allowed, d -> d.tool() != null,
                d -> d.count() > 2, d -> false, d -> true);
        for (int round = 0; round < 300; round++) {
            List<DecisionAggregate> list = decisions(random, random.nextInt(9));
            for (Predicate<DecisionAggregate> keep : tests) {
                List<DecisionAggregate> expected = list.stream().filter(keep).toList();
                List<DecisionAggregate> kept = Rules.filter(list, keep);
                assertThat(kept).isEqualTo(expected);
                if (expected.size() == list.size()) {
                    assertThat(kept).as("all pass: the list itself").isSameAs(list);
                } else {
                    assertThat(kept).isNotSameAs(list);
                }
            }
        }
    }

    @Test
    void distinctGivesTheSortedNonNullValues() {
        Random random = new Random(4);
        for (int round = 0; round < 200; round++) {
            List<DecisionAggregate> list = decisions(random, random.nextInt(12));
            TreeSet<String> expected = new TreeSet<>();
            list.stream().map(DecisionAggregate::tool).filter(t -> t != null).forEach(expected::add);
            assertThat(Rules.distinct(list, DecisionAggregate::tool)).containsExactlyElementsOf(expected);
        }
        // more distinct values than the repeats are looked for among before they reach the sort
        for (int round = 0; round < 100; round++) {
            List<DecisionAggregate> list = decisions(random, random.nextInt(200), 1 + random.nextInt(60));
            TreeSet<String> expected = new TreeSet<>();
            list.stream().map(DecisionAggregate::tool).filter(t -> t != null).forEach(expected::add);
            assertThat(Rules.distinct(list, DecisionAggregate::tool)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aValueIsAddedUnlessAShortListHoldsIt() {
        List<String> values = new ArrayList<>(List.of("b", "a"));
        Rules.addUnlessSeen(values, new String("b"));
        Rules.addUnlessSeen(values, "c");
        assertThat(values).containsExactly("b", "a", "c");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Rules.addUnlessSeen(many, "v" + (i % 20));
        }
        // the first 20 are distinct; once past the scanned length a repeat is added and left to the sort
        assertThat(many.subList(0, 20)).doesNotHaveDuplicates();
        assertThat(many).hasSizeGreaterThan(20);
        Rules.sortDistinct(many);
        assertThat(many).hasSize(20).isSorted();
    }
}
