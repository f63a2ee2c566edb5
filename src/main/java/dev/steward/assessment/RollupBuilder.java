package dev.steward.assessment;

import dev.steward.check.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates default-variant results per team, owner, manager and environment ({@link RollupEntry}); entries come out
 * sorted by key. Hash maps while adding (millions of results; a tree map of 25k owners was 11 % of a 100k-agent
 * assessment's CPU), sorted once at the end.
 */
final class RollupBuilder {

    private final Map<String, Acc> teams = new HashMap<>();
    private final Map<String, Acc> owners = new HashMap<>();
    private final Map<String, Acc> managers = new HashMap<>();
    private final Map<String, Acc> environments = new HashMap<>();

    void add(AssessedResult r) {
        acc(teams, r.team()).add(r);
        acc(owners, r.owner()).add(r);
        acc(managers, r.manager()).add(r);
        acc(environments, r.environment()).add(r);
    }

    Rollups build() {
        return new Rollups(entries(teams), entries(owners), entries(managers), entries(environments));
    }

    private static Acc acc(Map<String, Acc> map, String key) {
        return map.computeIfAbsent(key == null ? RollupEntry.NONE : key, k -> new Acc());
    }

    private static List<RollupEntry> entries(Map<String, Acc> map) {
        List<RollupEntry> out = new ArrayList<>(map.size());
        new TreeMap<>(map).forEach((key, acc) -> out.add(acc.entry(key)));
        return out;
    }

    private static final class Acc {
        final Scores.Mean score = new Scores.Mean();
        final ResultCounts.Counter results = new ResultCounts.Counter();
        final SeverityCounts.Counter fails = new SeverityCounts.Counter();

        void add(AssessedResult r) {
            results.add(r.result());
            if (r.score() != null) {
                score.add(r.score(), r.weight());
            }
            if (r.result() == Result.FAIL) {
                fails.add(r.severity());
            }
        }

        RollupEntry entry(String key) {
            ResultCounts counts = results.value();
            long applicable = counts.total() - counts.notApplicable();
            return new RollupEntry(key, score.value(), Scores.ratio(applicable - counts.insufficientEvidence(), applicable),
                    counts, fails.value());
        }
    }
}
