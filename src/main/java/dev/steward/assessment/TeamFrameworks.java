package dev.steward.assessment;

import dev.steward.check.Result;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One team's framework scores in a run: every framework scored by the rules of the run's own framework scores (its
 * controls from their checks, manual evidence as attested, in-scope controls only; {@link ControlScorer}), but from
 * check scores taken over the team's subjects only. So a team's NIST CSF score answers "how does this team do on
 * NIST CSF", which the team's roll-up score, over every check of the run, does not. {@code team} is
 * {@link RollupEntry#NONE} for subjects without a team, as in the roll-ups.
 */
public record TeamFrameworks(String team, List<Score> frameworks) {

    public TeamFrameworks {
        frameworks = List.copyOf(frameworks);
    }

    /**
     * A team's score in one framework, as a {@link FrameworkScore} without what is the framework's own rather than the
     * team's (its name, version, and how many controls are in and out of scope): a run of a thousand teams stores
     * five thousand of these.
     */
    public record Score(String framework, Double score, Double coverage, int satisfied, int partiallySatisfied,
            int notSatisfied, int notAssessed, int manual) {

        static Score of(FrameworkScore f) {
            return new Score(f.framework(), f.score(), f.coverage(), f.satisfied(), f.partiallySatisfied(),
                    f.notSatisfied(), f.notAssessed(), f.manual());
        }

        /** The whole framework score: this team's numbers with the name, version and scope of {@code run}'s. */
        public FrameworkScore with(FrameworkScore run) {
            if (!run.framework().equals(framework)) {
                throw new IllegalArgumentException(framework + " is not " + run.framework());
            }
            return new FrameworkScore(framework, run.name(), run.version(), score, coverage, run.inScope(),
                    run.outOfScope(), satisfied, partiallySatisfied, notSatisfied, notAssessed, manual);
        }
    }

    /**
     * Every team's framework scores, by team.
     *
     * @param byEvaluation per evaluation key, each team's accumulated results ({@link Tally})
     * @param runScores    the run's score per evaluation key, for what a team's check score shares with it
     * @param scorer       a control scorer reading check scores by evaluation key
     */
    static List<TeamFrameworks> of(Map<String, Map<String, Acc>> byEvaluation, Map<String, CheckScore> runScores,
            Function<Function<String, CheckScore>, ControlScorer> scorer) {
        TreeSet<String> teams = new TreeSet<>();
        byEvaluation.values().forEach(m -> teams.addAll(m.keySet()));
        return teams.stream().map(team -> {
            Map<String, CheckScore> checks = new HashMap<>();
            byEvaluation.forEach((key, accs) -> {
                Acc acc = accs.get(team);
                CheckScore run = runScores.get(key);
                if (acc != null && run != null) {
                    checks.put(key, acc.score(run));
                }
            });
            ControlScorer s = scorer.apply(checks::get);
            return new TeamFrameworks(team, s.frameworks(s.controls()).stream().map(Score::of).toList());
        }).toList();
    }

    /** One team's results of one evaluation: weighted mean of the scored ones and counts, as {@link Tally} counts. */
    static final class Acc {
        private final Scores.Mean score = new Scores.Mean();
        private final ResultCounts.Counter counts = new ResultCounts.Counter();

        void add(Result result, Double rawScore, int weight) {
            counts.add(result);
            if (result.scored()) {
                score.add(rawScore, weight);
            }
        }

        ResultCounts counts() {
            return counts.value();
        }

        CheckScore score(CheckScore run) {
            ResultCounts c = counts.value();
            long applicable = c.total() - c.notApplicable();
            return new CheckScore(run.checkId(), run.variant(), run.title(), run.severity(), run.subjectType(),
                    score.value(), Scores.ratio(applicable - c.insufficientEvidence(), applicable), c, run.controls());
        }
    }

    /** The accumulators of one evaluation by team ({@link ByKey}). */
    static final class Accs {
        private ByKey<Acc> accs = new ByKey<>(Acc::new);

        Acc of(String team) {
            return accs.of(team);
        }

        Acc of(int id, String team) {
            return accs.of(id, team);
        }

        /** The accumulators by team; this object is done with after it. */
        Map<String, Acc> map() {
            Map<String, Acc> map = accs.map;
            accs = null;
            return map;
        }
    }
}
