package dev.steward.assessment;

import dev.steward.check.CheckCatalog;
import dev.steward.check.CheckResult;
import dev.steward.check.SubjectType;
import dev.steward.check.rules.Lif4RevocationEnforcedCheck;
import dev.steward.evidence.Evidence;
import dev.steward.mapping.CheckRef;
import dev.steward.mapping.MappingSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The assessment engine, pure: evidence, the check catalog, the mappings, the configured parameters and the status
 * thresholds in; scores, roll-ups, recommendations and the revocation latency out, every result streamed to a sink.
 * No database, no clock: the same inputs give the same outcome and the same results in the same order (catalog order,
 * default variant first, subject id; credentials without a holder first, then by first holder, then id).
 *
 * <p>Each evaluation's results are attributed, counted and handed to the sink one check at a time, so memory holds the
 * evidence plus one check's results, never the whole run. Work is linear in the evidence: every lookup is by id.
 */
public final class Assessor {

    private final CheckCatalog catalog;
    private final MappingSet mappings;
    private final CheckSettings settings;
    private final Thresholds thresholds;
    private final Map<String, List<String>> attested;

    public Assessor(CheckCatalog catalog, MappingSet mappings, CheckSettings settings, Thresholds thresholds) {
        this(catalog, mappings, settings, thresholds, Map.of());
    }

    /**
     * @param attested the manual evidence answered by attestations in force at the as-of instant: evidence key
     *                 ({@code framework:control#evidence}) to the references of the attestations answering it
     */
    public Assessor(CheckCatalog catalog, MappingSet mappings, CheckSettings settings, Thresholds thresholds,
            Map<String, List<String>> attested) {
        this.catalog = catalog;
        this.mappings = mappings;
        this.settings = settings;
        this.thresholds = thresholds;
        this.attested = Map.copyOf(attested);
    }

    /** The evaluations this assessor makes, in run order. */
    public EvaluationPlan plan() {
        return EvaluationPlan.of(catalog, mappings, settings);
    }

    /**
     * Runs every evaluation on the evidence, one at a time on the calling thread.
     *
     * @param sink receives every result (all variants, PASS and NOT_APPLICABLE included) in run order
     */
    public Outcome assess(Evidence evidence, Consumer<AssessedResult> sink) {
        return assess(evidence, sink, 1);
    }

    /**
     * Runs every evaluation on the evidence, evaluating on {@code parallelism} threads ({@link EvaluationPipeline})
     * while the calling thread counts the results and hands them to the sink in run order: the outcome and the
     * results are those of a one-thread run.
     *
     * @param sink receives every result (all variants, PASS and NOT_APPLICABLE included) in run order, on the calling
     *             thread
     */
    public Outcome assess(Evidence evidence, Consumer<AssessedResult> sink, int parallelism) {
        EvaluationPlan plan = plan();
        Attribution attribution = new Attribution(evidence);
        Map<String, java.time.Duration> latencies = Lif4RevocationEnforcedCheck.latenciesById(evidence);
        Tally tally = new Tally(new Recommender(evidence), latencies);
        try (EvaluationPipeline pipeline = new EvaluationPipeline(parallelism)) {
            pipeline.run(plan.evaluations(), evidence, attribution, null, (i, e, done) -> {
                long started = System.nanoTime();
                Tally.Evaluated counted = tally.start(e);
                List<AssessedResult> results = done.results();
                for (int k = 0; k < results.size(); k++) {
                    AssessedResult a = results.get(k);
                    counted.add(a.result(), done.rawScores()[k], a.weight(), a);
                    sink.accept(a);
                }
                counted.finish((done.nanos() + System.nanoTime() - started) / 1_000_000);
            });
        }
        return outcome(plan, tally, evidence, evidence.principals().size(), evidence.decisions().size(),
                List.copyOf(latencies.values()));
    }

    private static final Comparator<CheckResult> BY_SUBJECT_ID = Comparator.comparing(CheckResult::subjectId);

    /**
     * Whether the results are in run order already, as the catalog's checks give them (they walk the evidence's
     * subjects in that order): one plain pass instead of a sort through a key-extracting comparator (2 % of a large
     * run).
     */
    private static boolean inOrder(List<CheckResult> results, Comparator<CheckResult> order) {
        for (int i = 1; i < results.size(); i++) {
            if (order.compare(results.get(i - 1), results.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the results are those of the evidence's subjects, one each, in the order the evidence lists them (which is
     * run order), as an agent or credential check of the catalog gives them: compared by the very id strings, this
     * costs no lookups (checking the credentials' run order by comparison was two map lookups per result, a second
     * of a 10M-decision run).
     */
    private static <T> boolean sameSubjects(List<CheckResult> results, java.util.Collection<T> subjects,
            java.util.function.Function<T, String> id) {
        if (results.size() != subjects.size()) {
            return false;
        }
        int i = 0;
        for (T subject : subjects) {
            String expected = id.apply(subject);
            String actual = results.get(i++).subjectId();
            if (actual != expected && !actual.equals(expected)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One evaluation's results in run order (subject id; credentials in
     * {@link dev.steward.evidence.CredentialRecord#RUN_ORDER}), checked to be the check's own.
     */
    static List<CheckResult> evaluate(Evaluation e, Evidence evidence) {
        List<CheckResult> results = new ArrayList<>(e.check().evaluate(evidence, e.parameters()));
        SubjectType type = e.check().subjectType();
        Comparator<CheckResult> order = type == SubjectType.CREDENTIAL
                ? (a, b) -> evidence.compareCredentialsInRunOrder(a.subjectId(), b.subjectId())
                : BY_SUBJECT_ID;
        boolean asJudged = switch (type) {
            case AGENT -> sameSubjects(results, evidence.subjectAgents(), dev.steward.evidence.AgentRecord::id);
            case CREDENTIAL -> sameSubjects(results, evidence.subjectCredentials(),
                    dev.steward.evidence.CredentialRecord::id);
            default -> false;
        };
        if (!asJudged && !inOrder(results, order)) {
            results.sort(order);
        }
        String id = e.check().id();
        for (CheckResult r : results) {
            if (!id.equals(r.checkId())) {
                throw new IllegalStateException(id + " returned a result of " + r.checkId());
            }
        }
        return results;
    }

    Outcome outcome(EvaluationPlan plan, Tally tally, Evidence evidence, int principals, int decisions,
            List<java.time.Duration> latencies) {
        Map<String, CheckScore> byRef = new HashMap<>();
        ControlScorer scorer = new ControlScorer(mappings, thresholds, attested, ref -> byRef.computeIfAbsent(refKey(ref), k -> {
            Evaluation e = plan.evaluationFor(ref);
            return e == null ? null : tally.scores.get(e.key());
        }));
        List<ControlResult> controls = scorer.controls();
        ResultCounts allCounts = tally.all.value();
        Totals totals = new Totals(evidence.agents().size(), evidence.credentials().size(), principals, decisions, allCounts,
                allCounts.findings(), tally.findingSeverities.value());
        // each mapped check's evaluation found once, not once per team (finding one builds its parameters)
        Map<CheckRef, String> keys = new java.util.IdentityHashMap<>();
        Function<CheckRef, String> keyOf = ref -> keys.computeIfAbsent(ref, r -> {
            Evaluation e = plan.evaluationFor(r);
            return e == null ? "" : e.key();
        });
        List<TeamFrameworks> teams = TeamFrameworks.of(tally.teamScores, tally.scores,
                teamScore -> scorer.with(ref -> teamScore.apply(keyOf.apply(ref))));
        List<TeamRevocation> revocations = TeamRevocation.of(
                tally.teamScores.get(Evaluation.key(TeamRevocation.CHECK, Evaluation.DEFAULT)), tally.teamLatencies);
        return new Outcome(tally.checkScores(), controls, scorer.frameworks(controls), tally.rollups.build(), teams,
                revocations, tally.recommender.recommendations(), Percentiles.latency(latencies), totals, tally.millis);
    }

    private static String refKey(CheckRef ref) {
        return ref.id() + "|" + new java.util.TreeMap<>(ref.parameters());
    }
}
