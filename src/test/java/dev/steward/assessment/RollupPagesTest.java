package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A roll-up a page at a time: each order, the key filter, and pages that cover every entry once. */
class RollupPagesTest {

    private static RollupEntry entry(String key, Double score, long fail, long partial) {
        return new RollupEntry(key, score, score == null ? null : 1.0, new ResultCounts(3, partial, fail, 0, 1),
                new SeverityCounts(fail, 0, 0, 0));
    }

    private static final List<RollupEntry> ENTRIES = List.of(
            entry("p-carol", 0.9, 1, 0),
            entry("p-ann", 0.4, 5, 0),
            entry("(none)", null, 0, 0),
            entry("p-bob", 0.4, 5, 2),
            entry("p-dan", 1.0, 0, 0),
            entry("p-eve", 0.7, 1, 0));

    private static List<String> keys(RollupPages.Sort sort, int page, int size) {
        return RollupPages.slice(ENTRIES, sort, null, page, size).items().stream().map(RollupEntry::key).toList();
    }

    @Test
    void failuresFirstThenFindingsThenKey() {
        assertThat(keys(RollupPages.Sort.FAILURES, 0, 10))
                .containsExactly("p-bob", "p-ann", "p-carol", "p-eve", "(none)", "p-dan");
    }

    @Test
    void lowestScoreFirstUnscoredLast() {
        assertThat(keys(RollupPages.Sort.SCORE, 0, 10))
                .containsExactly("p-ann", "p-bob", "p-eve", "p-carol", "p-dan", "(none)");
    }

    @Test
    void byKey() {
        assertThat(keys(RollupPages.Sort.KEY, 0, 10))
                .containsExactly("(none)", "p-ann", "p-bob", "p-carol", "p-dan", "p-eve");
    }

    @Test
    void pagesCutTheOrderAndCountEveryEntry() {
        RollupPages.Slice second = RollupPages.slice(ENTRIES, RollupPages.Sort.FAILURES, null, 1, 4);
        assertThat(second.items()).extracting(RollupEntry::key).containsExactly("(none)", "p-dan");
        assertThat(second.total()).isEqualTo(6);
        RollupPages.Slice past = RollupPages.slice(ENTRIES, RollupPages.Sort.FAILURES, null, 5, 4);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(6);
    }

    @Test
    void aKeyGivesItsEntryOnlyOrNone() {
        RollupPages.Slice one = RollupPages.slice(ENTRIES, RollupPages.Sort.SCORE, "(none)", 0, 10);
        assertThat(one.items()).containsExactly(ENTRIES.get(2));
        assertThat(one.total()).isEqualTo(1);
        RollupPages.Slice none = RollupPages.slice(ENTRIES, RollupPages.Sort.SCORE, "p-zed", 0, 10);
        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
    }

    /** Random roll-ups with many ties: the pages of every size, in order, are the whole roll-up sorted, each once. */
    @Test
    void pagesConcatenatedAreTheWholeRollupInOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<RollupEntry> entries = new ArrayList<>();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                Double score = random.nextInt(5) == 0 ? null : random.nextInt(4) / 4.0;
                entries.add(entry("k" + i, score, random.nextInt(3), random.nextInt(3)));
            }
            for (RollupPages.Sort sort : RollupPages.Sort.values()) {
                int size = 1 + random.nextInt(9);
                List<RollupEntry> paged = new ArrayList<>();
                for (int page = 0; page * size < n; page++) {
                    paged.addAll(RollupPages.slice(entries, sort, null, page, size).items());
                }
                assertThat(paged).hasSize(n);
                assertThat(new HashSet<>(paged)).containsExactlyInAnyOrderElementsOf(entries);
                assertThat(paged).isSortedAccordingTo(expected(sort));
            }
        }
    }

    /** Each order written out again, independently of {@link RollupPages.Sort}. */
    private static Comparator<RollupEntry> expected(RollupPages.Sort sort) {
        Comparator<RollupEntry> byKey = Comparator.comparing(RollupEntry::key);
        return switch (sort) {
            case FAILURES -> (a, b) -> a.results().fail() != b.results().fail()
                    ? Long.compare(b.results().fail(), a.results().fail())
                    : a.results().findings() != b.results().findings()
                            ? Long.compare(b.results().findings(), a.results().findings()) : byKey.compare(a, b);
            case SCORE -> (a, b) -> {
                if (a.score() == null || b.score() == null) {
                    return a.score() == b.score() ? byKey.compare(a, b) : a.score() == null ? 1 : -1;
                }
                int c = Double.compare(a.score(), b.score());
                return c != 0 ? c : byKey.compare(a, b);
            };
            case KEY -> byKey;
        };
    }
}
