package dev.steward.decisions;

import dev.steward.evidence.DecisionAggregate;
import dev.steward.store.StringListConverter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums stored aggregate rows (old rows and packs alike) by key, in Java, and lists the sums in the one order every
 * reader uses ({@link ShardKey#order}: day, then texts by character with nulls first), whichever database stored them.
 * Texts are dictionary-encoded while summing, so keys hash and compare as ints and every distinct text, day and chain
 * is one shared instance in the result.
 */
final class WindowSum implements DailyRow {

    private static final class Sum {
        final long[] counts = new long[7];
        Instant first;
        Instant last;
    }

    private final List<String> dict = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<ShardKey, Sum> sums = new HashMap<>();

    private int id(String s) {
        if (s == null) {
            return -1;
        }
        Integer known = ids.get(s);
        if (known == null) {
            known = dict.size();
            dict.add(s);
            ids.put(s, known);
        }
        return known;
    }

    @Override
    public void row(LocalDate day, String agent, String credential, String tool, String action, String scope,
            String environment, boolean allowed, String onBehalfOf, long[] counts, Instant firstAt, Instant lastAt) {
        ShardKey key = new ShardKey((int) day.toEpochDay(), id(agent), id(credential), id(tool), id(action), id(scope),
                id(environment), allowed, id(onBehalfOf));
        Sum s = sums.get(key);
        if (s == null) {
            s = new Sum();
            sums.put(key, s);
        }
        for (int i = 0; i < 7; i++) {
            s.counts[i] += counts[i];
        }
        s.first = s.first == null || (firstAt != null && firstAt.isBefore(s.first)) ? firstAt : s.first;
        s.last = s.last == null || (lastAt != null && lastAt.isAfter(s.last)) ? lastAt : s.last;
    }

    /** The summed aggregates in key order. */
    List<DecisionAggregate> aggregates() {
        Integer[] byText = new Integer[dict.size()];
        for (int i = 0; i < byText.length; i++) {
            byText[i] = i;
        }
        Arrays.sort(byText, Comparator.comparing(dict::get));
        int[] rank = new int[byText.length];
        for (int r = 0; r < byText.length; r++) {
            rank[byText[r]] = r;
        }
        List<ShardKey> keys = new ArrayList<>(sums.keySet());
        keys.sort(ShardKey.order(rank));
        Map<Integer, LocalDate> days = new HashMap<>();
        Map<Integer, List<String>> chains = new HashMap<>();
        List<DecisionAggregate> out = new ArrayList<>(keys.size());
        for (ShardKey key : keys) {
            Sum s = sums.get(key);
            out.add(new DecisionAggregate(days.computeIfAbsent(key.day(), LocalDate::ofEpochDay), text(key.agent()),
                    text(key.credential()), text(key.tool()), text(key.action()), text(key.scope()),
                    text(key.environment()), key.allowed(), chains.computeIfAbsent(key.onBehalfOf(), i -> i < 0 ? List.of()
                            : List.copyOf(StringListConverter.read(dict.get(i)).stream().map(this::shared).toList())),
                    s.counts[0], s.counts[1], s.counts[2], s.counts[3], s.counts[4], s.counts[5], s.counts[6], s.first,
                    s.last));
        }
        return out;
    }

    private String text(int id) {
        return id < 0 ? null : dict.get(id);
    }

    private String shared(String s) {
        Integer id = ids.get(s);
        return id == null ? s : dict.get(id);
    }
}
