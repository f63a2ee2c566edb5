package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.CheckResult;
import dev.steward.check.Parameters;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The checks of a run evaluated on several threads give exactly what one thread gives, in the same order; a check
 * failing on a worker thread fails the run with its id; and the pool never runs far ahead of the caller.
 */
class EvaluationPipelineTest {

    /** Enough agents, owners, environments and credentials that every check has PASS, FAIL and other results. */
    private static Evidence evidence() {
        Records r = new Records().person("p-boss", null).departed("p-gone", Records.AS_OF.minusSeconds(86_400 * 30));
        String[] environments = {"prod", "dev", "staging"};
        Autonomy[] autonomies = Autonomy.values();
        for (int i = 0; i < 120; i++) {
            String owner = i % 11 == 0 ? "p-gone" : i % 13 == 0 ? "p-missing" : "p-" + (i % 17);
            r.person("p-" + (i % 17), "p-boss");
            String agent = String.format("agent-%03d", i);
            String env = environments[i % environments.length];
            r.agent(agent, autonomies[i % autonomies.length], env, "team-" + (i % 5), owner);
            r.credential("k-" + agent, i % 7 == 0 ? "prod" : env, agent);
            if (i % 9 == 0) {
                r.credential("k-shared-" + i, env, agent, String.format("agent-%03d", (i + 1) % 120));
            }
            if (i % 3 != 0) {
                r.decision(agent, "k-" + agent, i % 4 == 0 ? "prod" : env, 5 + i);
            }
        }
        r.decision("shadow-1", null, "prod", 3).decision("shadow-2", "k-agent-005", "dev", 8);
        return r.evidence();
    }

    private static Assessor assessor(CheckCatalog catalog) {
        return new Assessor(catalog, RealCatalogTest.MAPPINGS, CheckSettings.NONE, Thresholds.DEFAULT);
    }

    @Test
    void anyNumberOfThreadsGivesTheResultsAndOutcomeOfOne() {
        Evidence evidence = evidence();
        List<AssessedResult> one = new ArrayList<>();
        Outcome sequential = assessor(RealCatalogTest.CATALOG).assess(evidence, one::add, 1);
        assertThat(one).extracting(AssessedResult::result).contains(Result.PASS, Result.FAIL, Result.NOT_APPLICABLE,
                Result.INSUFFICIENT_EVIDENCE);
        for (int threads : new int[] {2, 3}) {
            List<AssessedResult> many = new ArrayList<>();
            Outcome parallel = assessor(RealCatalogTest.CATALOG).assess(evidence, many::add, threads);
            assertThat(many).as("%d threads: every result, every field, in run order", threads).isEqualTo(one);
            assertThat(json(parallel)).as("%d threads: scores, roll-ups, recommendations", threads).isEqualTo(json(sequential));
        }
    }

    private static List<String> json(Outcome o) {
        return List.of(AssessmentJson.write(o.checks()), AssessmentJson.write(o.controls()),
                AssessmentJson.write(o.frameworks()), AssessmentJson.write(o.rollups()),
                AssessmentJson.write(o.recommendations()), AssessmentJson.write(o.revocationLatency()),
                AssessmentJson.write(o.totals()));
    }

    @Test
    void aCheckFailingOnAWorkerFailsTheRunWithItsId() {
        AtomicReference<String> thread = new AtomicReference<>();
        Check exploding = ScriptedCheck.withParameters("TPV-9", Severity.HIGH, SubjectType.AGENT, List.of(), (e, p) -> {
            thread.set(Thread.currentThread().getName());
            throw new IllegalArgumentException("cannot read the vendor register");
        });
        List<Check> checks = new ArrayList<>(CheckCatalog.allChecks());
        checks.add(exploding);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> assessor(CheckCatalog.of(checks)).assess(evidence(), r -> seen.add(r.checkId()), 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TPV-9")
                .hasMessageContaining("cannot read the vendor register")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(thread.get()).as("the check ran on a worker").startsWith("steward-assess-");
        assertThat(seen).as("the checks before it were consumed").contains("TPV-1").doesNotContain("TPV-9");

        assertThatThrownBy(() -> assessor(CheckCatalog.of(checks)).assess(evidence(), r -> { }, 1))
                .hasMessageContaining("TPV-9").hasMessageContaining("cannot read the vendor register");
        assertThat(thread.get()).as("one thread: the caller's").isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void thePoolRunsAtMostItsParallelismAheadOfTheCaller() {
        AtomicInteger started = new AtomicInteger();
        List<Check> checks = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            checks.add(ScriptedCheck.withParameters("XYZ-" + i, Severity.LOW, SubjectType.AGENT, List.of(), (e, p) -> {
                started.incrementAndGet();
                Map<String, Object> results = new LinkedHashMap<>();
                e.agents().keySet().forEach(a -> results.put(a, Result.PASS));
                return results;
            }));
        }
        Map<String, Integer> startedWhenConsumed = new LinkedHashMap<>();
        assessor(CheckCatalog.of(checks)).assess(ScoringTest.twentyAgents(), r -> {
            startedWhenConsumed.putIfAbsent(r.checkId(), started.get());
            sleep();
        }, 2);
        assertThat(startedWhenConsumed).hasSize(12);
        int i = 0;
        for (Map.Entry<String, Integer> e : startedWhenConsumed.entrySet()) {
            assertThat(e.getValue()).as("evaluations started when %s (the %d-th) was consumed", e.getKey(), i + 1)
                    .isBetween(i + 1, i + 3);
            i++;
        }
        assertThat(startedWhenConsumed.values()).as("the pool did work ahead of the caller").anyMatch(v -> v > 1);
    }

    /** A slow consumer, so that the pool would run far ahead if nothing bounded it. */
    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Results a check gives out of subject id order are put in order; results in order stay as they are. */
    @Test
    void resultsComeInSubjectIdOrderWhateverOrderTheCheckGaveThem() {
        Check shuffled = ScriptedCheck.of("XYZ-9", Severity.LOW, SubjectType.AGENT, "b", Result.PASS,
                "c", Result.FAIL, "a", Result.PASS, "a0", Result.NOT_APPLICABLE);
        Evaluation e = new Evaluation(shuffled, "default", Parameters.defaults(shuffled), List.of());
        assertThat(Assessor.evaluate(e, evidence())).extracting(CheckResult::subjectId)
                .containsExactly("a", "a0", "b", "c");
        Check ordered = ScriptedCheck.of("XYZ-8", Severity.LOW, SubjectType.AGENT, "a", Result.PASS,
                "b", Result.FAIL);
        Evaluation o = new Evaluation(ordered, "default", Parameters.defaults(ordered), List.of());
        assertThat(Assessor.evaluate(o, evidence())).extracting(CheckResult::subjectId)
                .containsExactly("a", "b");
    }
}
