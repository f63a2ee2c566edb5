package dev.steward.assessment;

import dev.steward.check.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an assessment counts while results go by, in run order: per evaluation its result counts and weighted mean
 * score, over the run the counts and finding severities, and from the default variant the roll-ups and the
 * recommendations. Shared by the one-pass and the sharded assessment so both count the same way and in the same order
 * (sums of doubles depend on their order).
 */
final class Tally {

    final RollupBuilder rollups = new RollupBuilder();
    final Recommender recommender;
    final ResultCounts.Counter all = new ResultCounts.Counter();
    final SeverityCounts.Counter findingSeverities = new SeverityCounts.Counter();
    final Map<String, CheckScore> scores = new LinkedHashMap<>();
    final Map<String, Long> millis = new LinkedHashMap<>();
    /** Per evaluation key, in run order: each team's score and counts over its subjects ({@link TeamFrameworks}). */
    final Map<String, Map<String, TeamFrameworks.Acc>> teamScores = new LinkedHashMap<>();
    /** The measured revocation latencies by credential id, and by team as LIF-4's results attribute them. */
    private final Map<String, java.time.Duration> latencies;
    final Map<String, List<Double>> teamLatencies = new java.util.TreeMap<>();

    /**
     * Whether the owner and manager roll-ups and the recommender take the default variant's results from {@link #roll}
     * instead of from the evaluations' counting (which keeps the team and environment roll-ups): a sharded run replays
     * its results twice in run order, and the second replay, beside the first on another thread, feeds them (that
     * split gives the two threads about as much to do).
     */
    private final boolean rolledApart;

    Tally(Recommender recommender, Map<String, java.time.Duration> latencies) {
        this(recommender, latencies, false);
    }

    Tally(Recommender recommender, Map<String, java.time.Duration> latencies, boolean rolledApart) {
        this.recommender = recommender;
        this.latencies = latencies;
        this.rolledApart = rolledApart;
    }

    /**
     * A default-variant result for the owner and manager roll-ups and the recommender of a tally that has them
     * {@code rolledApart}, its owner and manager with their {@link TextIds} ids (-1 for null); in run order, on one
     * thread.
     */
    void roll(AssessedResult a, int owner, int manager) {
        rollups.addOwnerAndManager(a, owner, manager);
        recommender.add(a);
    }

    /** The counting of one evaluation. */
    final class Evaluated {
        private final Evaluation e;
        private final Scores.Mean score = new Scores.Mean();
        private final ResultCounts.Counter counts = new ResultCounts.Counter();
        private final TeamFrameworks.Accs teams = new TeamFrameworks.Accs();
        private final boolean revocation;

        Evaluated(Evaluation e) {
            this.e = e;
            this.revocation = e.base() && TeamRevocation.CHECK.equals(e.check().id());
        }

        /** One result: its check's verdict, unrounded score and subject weight, and the result as kept. */
        void add(Result result, Double rawScore, int weight, AssessedResult a) {
            count(result, rawScore, weight, a);
            teams.of(a.team()).add(result, rawScore, weight);
            latency(a);
            if (e.base()) {
                rollups.add(a);
                recommender.add(a);
            }
        }

        /**
         * The same, for a result whose owner, team, manager and environment carry {@link TextIds} ids (-1 for null):
         * the roll-ups find their accumulators by id.
         */
        void add(Result result, Double rawScore, int weight, AssessedResult a, int owner, int team, int manager,
                int environment) {
            count(result, rawScore, weight, a);
            teams.of(team, a.team()).add(result, rawScore, weight);
            latency(a);
            if (e.base() && rolledApart) {
                rollups.addTeamAndEnvironment(a, team, environment);
            } else if (e.base()) {
                rollups.add(a, team, owner, manager, environment);
                recommender.add(a);
            }
        }

        /** A measured revocation latency goes to the team of its credential's LIF-4 result. */
        private void latency(AssessedResult a) {
            if (revocation) {
                java.time.Duration d = latencies.get(a.subjectId());
                if (d != null) {
                    String team = a.team() == null ? RollupEntry.NONE : a.team();
                    teamLatencies.computeIfAbsent(team, t -> new ArrayList<>()).add(Percentiles.seconds(d));
                }
            }
        }

        private void count(Result result, Double rawScore, int weight, AssessedResult a) {
            counts.add(result);
            all.add(result);
            if (result.scored()) {
                score.add(rawScore, weight);
            }
            if (result.finding()) {
                findingSeverities.add(a.severity());
            }
        }

        void finish(long elapsedMillis) {
            ResultCounts c = counts.value();
            long applicable = c.total() - c.notApplicable();
            scores.put(e.key(), new CheckScore(e.check().id(), e.variant(), e.check().title(), e.check().severity(),
                    e.check().subjectType(), score.value(), Scores.ratio(applicable - c.insufficientEvidence(), applicable),
                    c, e.controls()));
            millis.merge(e.key(), elapsedMillis, Long::sum);
            teamScores.put(e.key(), teams.map());
        }
    }

    Evaluated start(Evaluation e) {
        return new Evaluated(e);
    }

    List<CheckScore> checkScores() {
        return List.copyOf(scores.values());
    }
}
