package dev.steward.assessment;

import dev.steward.check.CheckCatalog;
import dev.steward.check.CheckResult;
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

/**
 * The assessment engine, pure: evidence, the check catalog, the mappings, the configured parameters and the status
 * thresholds in; scores, roll-ups, recommendations and the revocation latency out, every result streamed to a sink.
 * No database, no clock: the same inputs give the same outcome and the same results in the same order (catalog order,
 * default variant first, subject id).
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
     * Runs every evaluation on the evidence.
     *
     * @param sink receives every result (all variants, PASS and NOT_APPLICABLE included) in run order
     */
    public Outcome assess(Evidence evidence, Consumer<AssessedResult> sink) {
        EvaluationPlan plan = plan();
        Attribution attribution = new Attribution(evidence);
        RollupBuilder rollups = new RollupBuilder();
        Recommender recommender = new Recommender(evidence);
        ResultCounts.Counter all = new ResultCounts.Counter();
        SeverityCounts.Counter findingSeverities = new SeverityCounts.Counter();
        Map<String, CheckScore> scores = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Evaluation e : plan.evaluations()) {
            long started = System.nanoTime();
            List<CheckResult> results = new ArrayList<>(e.check().evaluate(evidence, e.parameters()));
            results.sort(Comparator.comparing(CheckResult::subjectId));
            Scores.Mean score = new Scores.Mean();
            ResultCounts.Counter counts = new ResultCounts.Counter();
            for (CheckResult r : results) {
                if (!e.check().id().equals(r.checkId())) {
                    throw new IllegalStateException(e.check().id() + " returned a result of " + r.checkId());
                }
                Attribution.Subject subject = attribution.of(r.subjectType(), r.subjectId());
                AssessedResult a = AssessedResult.of(e, r, subject);
                counts.add(r.result());
                all.add(r.result());
                if (r.result().scored()) {
                    score.add(r.score(), subject.weight());
                }
                if (r.result().finding()) {
                    findingSeverities.add(a.severity());
                }
                if (e.base()) {
                    rollups.add(a);
                    recommender.add(a);
                }
                sink.accept(a);
            }
            ResultCounts c = counts.value();
            long applicable = c.total() - c.notApplicable();
            scores.put(e.key(), new CheckScore(e.check().id(), e.variant(), e.check().title(), e.check().severity(),
                    e.check().subjectType(), score.value(), Scores.ratio(applicable - c.insufficientEvidence(), applicable),
                    c, e.controls()));
            millis.put(e.key(), (System.nanoTime() - started) / 1_000_000);
        }
        Map<String, CheckScore> byRef = new HashMap<>();
        ControlScorer scorer = new ControlScorer(mappings, thresholds, attested, ref -> byRef.computeIfAbsent(refKey(ref), k -> {
            Evaluation e = plan.evaluationFor(ref);
            return e == null ? null : scores.get(e.key());
        }));
        List<ControlResult> controls = scorer.controls();
        ResultCounts allCounts = all.value();
        Totals totals = new Totals(evidence.agents().size(), evidence.credentials().size(), evidence.principals().size(),
                evidence.decisions().size(), allCounts, allCounts.findings(), findingSeverities.value());
        return new Outcome(List.copyOf(scores.values()), controls, scorer.frameworks(controls), rollups.build(),
                recommender.recommendations(), Percentiles.latency(Lif4RevocationEnforcedCheck.latencies(evidence)), totals,
                millis);
    }

    private static String refKey(CheckRef ref) {
        return ref.id() + "|" + new java.util.TreeMap<>(ref.parameters());
    }
}
