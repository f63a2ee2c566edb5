package dev.steward.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one evaluation (a check with a variant, {@code INV-1|default}) cost in the benchmark's assessment: the time it
 * took to evaluate its subjects and to attribute, store and keep its results, summed over the shards, in the first
 * run and in the same assessment again with its code compiled ({@code AssessmentService.Assessed#millisByCheck}).
 */
public record CheckCost(String evaluation, long firstMillis, long compiledMillis) {

    /** Most costly first (in the first run), then by name. */
    static final Comparator<CheckCost> COSTLIEST_FIRST = Comparator.comparingLong(CheckCost::firstMillis).reversed()
            .thenComparing(CheckCost::evaluation);

    /** One entry per evaluation of either run (0 in a run that did not evaluate it), {@link #COSTLIEST_FIRST}. */
    static List<CheckCost> of(Map<String, Long> first, Map<String, Long> compiled) {
        TreeSet<String> evaluations = new TreeSet<>(first.keySet());
        evaluations.addAll(compiled.keySet());
        List<CheckCost> costs = new ArrayList<>();
        for (String evaluation : evaluations) {
            costs.add(new CheckCost(evaluation, first.getOrDefault(evaluation, 0L),
                    compiled.getOrDefault(evaluation, 0L)));
        }
        costs.sort(COSTLIEST_FIRST);
        return List.copyOf(costs);
    }
}
