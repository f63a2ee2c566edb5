package dev.steward.assessment;

import dev.steward.check.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates default-variant results per team, owner, manager and environment ({@link RollupEntry}); entries come out
 * sorted by key. Hash maps while adding (millions of results; a tree map of 25k owners was 11 % of a 100k-agent
 * assessment's CPU), sorted once at the end.
 */
final class RollupBuilder {

    private final Dimension teams = new Dimension();
    private final Dimension owners = new Dimension();
    private final Dimension managers = new Dimension();
    private final Dimension environments = new Dimension();

    void add(AssessedResult r) {
        teams.of(r.team()).add(r);
        owners.of(r.owner()).add(r);
        managers.of(r.manager()).add(r);
        environments.of(r.environment()).add(r);
    }

    /**
     * The same as {@link #add(AssessedResult)} for a result whose texts carry {@link TextIds} ids (-1 for null): each
     * id's accumulator is looked up by text once and then found by index, without hashing a string per result.
     */
    void add(AssessedResult r, int team, int owner, int manager, int environment) {
        addTeamAndEnvironment(r, team, environment);
        addOwnerAndManager(r, owner, manager);
    }

    /**
     * Half of {@link #add(AssessedResult, int, int, int, int)}: the team and environment roll-ups. The two halves touch
     * nothing in common, so two threads may take one each (a sharded run's two replays), each in run order.
     */
    void addTeamAndEnvironment(AssessedResult r, int team, int environment) {
        teams.of(team, r.team()).add(r);
        environments.of(environment, r.environment()).add(r);
    }

    /** The other half: the owner and manager roll-ups. */
    void addOwnerAndManager(AssessedResult r, int owner, int manager) {
        owners.of(owner, r.owner()).add(r);
        managers.of(manager, r.manager()).add(r);
    }

    /** Adds what {@code other} has accumulated, as if its results had been added here. */
    void add(RollupBuilder other) {
        teams.add(other.teams);
        owners.add(other.owners);
        managers.add(other.managers);
        environments.add(other.environments);
    }

    Rollups build() {
        return new Rollups(entries(teams.map), entries(owners.map), entries(managers.map), entries(environments.map));
    }

    /** The accumulators of one roll-up by key ({@link ByKey}). */
    private static final class Dimension {
        final ByKey<Acc> accs = new ByKey<>(Acc::new);
        final Map<String, Acc> map = accs.map;

        Acc of(String key) {
            return accs.of(key);
        }

        Acc of(int id, String key) {
            return accs.of(id, key);
        }

        void add(Dimension other) {
            other.map.forEach((key, acc) -> of(key).add(acc));
        }
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

        void add(Acc other) {
            score.add(other.score);
            results.add(other.results.value());
            fails.add(other.fails);
        }

        RollupEntry entry(String key) {
            ResultCounts counts = results.value();
            long applicable = counts.total() - counts.notApplicable();
            return new RollupEntry(key, score.value(), Scores.ratio(applicable - counts.insufficientEvidence(), applicable),
                    counts, fails.value());
        }
    }
}
