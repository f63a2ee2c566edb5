package dev.steward.assessment;

import static dev.steward.assessment.Frameworks.control;
import static dev.steward.assessment.Frameworks.framework;
import static dev.steward.assessment.Frameworks.group;
import static dev.steward.assessment.Frameworks.manual;
import static dev.steward.assessment.Frameworks.outOfScope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.Evidence;
import dev.steward.mapping.MappingSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Check, control and framework scores and statuses on hand-built evidence (CHECKS.md, "Results" and "Control status"). */
class ScoringTest {

    /** Twenty supervised dev agents a01..a20: weight 2 each, so shares are plain counts. */
    static Evidence twentyAgents() {
        Records r = new Records();
        for (int i = 1; i <= 20; i++) {
            r.agent(String.format("a%02d", i), Autonomy.SUPERVISED, "dev", "team", "p-1");
        }
        return r.evidence();
    }

    /** Results over a01..a20 in order: pass PASS, then fail FAIL, ie INSUFFICIENT_EVIDENCE, na NOT_APPLICABLE, rest PARTIAL 0.5. */
    static Object[] spread(int pass, int fail, int ie, int na) {
        List<Object> out = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Object r = i <= pass ? Result.PASS : i <= pass + fail ? Result.FAIL : i <= pass + fail + ie
                    ? Result.INSUFFICIENT_EVIDENCE : i <= pass + fail + ie + na ? Result.NOT_APPLICABLE : (Object) 0.5;
            out.add(String.format("a%02d", i));
            out.add(r);
        }
        return out.toArray();
    }

    static Outcome assess(Evidence evidence, List<Check> checks, Thresholds thresholds, String... frameworks) {
        MappingSet mappings = Frameworks.load(checks, frameworks);
        return new Assessor(CheckCatalog.of(checks), mappings, CheckSettings.NONE, thresholds).assess(evidence, r -> { });
    }

    static Map<String, ControlResult> byId(Outcome o) {
        Map<String, ControlResult> m = new LinkedHashMap<>();
        o.controls().forEach(c -> m.put(c.controlId(), c));
        return m;
    }

    @Test
    void checkScoreIsTheWeightedMeanOverScoredResultsAndCoverageCountsInsufficientEvidence() {
        Evidence e = new Records()
                .agent("a1", Autonomy.AUTONOMOUS, "prod", "t", "p").agent("a2", Autonomy.HUMAN_IN_THE_LOOP, "dev", "t", "p")
                .agent("a3", Autonomy.SUPERVISED, "staging", "t", "p").agent("a4", Autonomy.AUTONOMOUS, "prod", "t", "p")
                .agent("a5", Autonomy.AUTONOMOUS, "prod", "t", "p").evidence();
        Check check = ScriptedCheck.of("OWN-1", Severity.HIGH, SubjectType.AGENT, "a1", Result.PASS, "a2", Result.FAIL,
                "a3", 0.5, "a4", Result.NOT_APPLICABLE, "a5", Result.INSUFFICIENT_EVIDENCE);

        CheckScore s = assess(e, List.of(check), Thresholds.DEFAULT, framework("f", control("C", null, "OWN-1:1"))).checks().get(0);

        // weights 6 (autonomous x prod), 1 (hitl x dev), 2 (supervised x other): (6*1 + 1*0 + 2*0.5) / 9
        assertThat(s.score()).isEqualTo(0.7778);
        assertThat(s.coverage()).isEqualTo(0.75);
        assertThat(s.results()).isEqualTo(new ResultCounts(1, 1, 1, 1, 1));
        assertThat(s.controls()).containsExactly("f:C");
    }

    @Test
    void credentialsTakeTheirHeaviestHolderAndShadowPrincipalsWeighAsAutonomousAgents() {
        Evidence e = new Records()
                .person("p-ana", "p-boss")
                .agent("big", Autonomy.AUTONOMOUS, "prod", "payments", "p-ana").agent("small", Autonomy.HUMAN_IN_THE_LOOP, "dev", "ops", "p-x")
                .credential("k-shared", null, "small", "big").credential("k-orphan", "dev")
                .decision("shadow-prod", null, "prod", 5).decision("shadow-prod", null, "dev", 9)
                .decision("shadow-dev", null, "dev", 1).decision("small", null, "dev", 1).evidence();
        Check lif = ScriptedCheck.of("LIF-1", Severity.CRITICAL, SubjectType.CREDENTIAL, "k-shared", Result.FAIL,
                "k-orphan", Result.PASS);
        Check inv = ScriptedCheck.of("INV-1", Severity.CRITICAL, SubjectType.PRINCIPAL, "shadow-prod", Result.FAIL,
                "shadow-dev", Result.PASS, "small", Result.PASS);
        List<AssessedResult> results = new ArrayList<>();
        MappingSet m = Frameworks.load(List.of(lif, inv), framework("f", control("C", null, "LIF-1:1", "INV-1:1")));
        Outcome o = new Assessor(CheckCatalog.of(List.of(lif, inv)), m, CheckSettings.NONE, Thresholds.DEFAULT)
                .assess(e, results::add);

        // k-shared weighs 6 (big), k-orphan 1: 1/7
        assertThat(o.checks()).filteredOn(c -> c.checkId().equals("LIF-1")).singleElement()
                .extracting(CheckScore::score).isEqualTo(0.1429);
        // shadow-prod 3x2 (a prod decision), shadow-dev 3x1, small 1 (inventoried hitl dev): (0 + 3 + 1) / 10
        assertThat(o.checks()).filteredOn(c -> c.checkId().equals("INV-1")).singleElement()
                .extracting(CheckScore::score).isEqualTo(0.4);
        AssessedResult shared = results.stream().filter(r -> r.subjectId().equals("k-shared")).findFirst().orElseThrow();
        assertThat(shared).extracting(AssessedResult::owner, AssessedResult::team, AssessedResult::manager,
                AssessedResult::environment, AssessedResult::weight).containsExactly("p-ana", "payments", "p-boss", "prod", 6);
        AssessedResult shadow = results.stream().filter(r -> r.subjectId().equals("shadow-prod")).findFirst().orElseThrow();
        assertThat(shadow.owner()).isNull();
        assertThat(shadow.environment()).as("the environment of most of its decisions").isEqualTo("dev");
        assertThat(shadow.weight()).isEqualTo(6);
    }

    @Test
    void controlScoreIsTheMappingWeightedMeanOfItsChecks() {
        Check full = ScriptedCheck.of("AUT-1", Severity.HIGH, SubjectType.AGENT, spread(20, 0, 0, 0));
        Check half = ScriptedCheck.of("AUT-2", Severity.HIGH, SubjectType.AGENT, spread(10, 10, 0, 0));
        Outcome o = assess(twentyAgents(), List.of(full, half), Thresholds.DEFAULT,
                framework("f", control("C", null, "AUT-1:1", "AUT-2:3")));

        ControlResult c = byId(o).get("C");
        assertThat(c.score()).isEqualTo(0.625); // (1*1 + 3*0.5) / 4
        assertThat(c.status()).isEqualTo(ControlStatus.PARTIALLY_SATISFIED);
        assertThat(c.checks()).extracting(ControlResult.ControlCheck::checkId, ControlResult.ControlCheck::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AUT-1", 1), org.assertj.core.groups.Tuple.tuple("AUT-2", 3));
    }

    @Test
    void aFailOnACriticalCheckMakesTheControlNotSatisfiedWhateverTheScore() {
        Check critical = ScriptedCheck.of("LIF-1", Severity.CRITICAL, SubjectType.AGENT, spread(19, 1, 0, 0));
        Check high = ScriptedCheck.of("OWN-1", Severity.HIGH, SubjectType.AGENT, spread(19, 1, 0, 0));
        Check perfect = ScriptedCheck.of("OWN-2", Severity.HIGH, SubjectType.AGENT, spread(20, 0, 0, 0));
        Outcome o = assess(twentyAgents(), List.of(critical, high, perfect), Thresholds.DEFAULT,
                framework("f", control("CRIT", null, "LIF-1:1", "OWN-2:9"), control("HIGH", null, "OWN-1:1", "OWN-2:9")));

        assertThat(byId(o).get("CRIT").score()).isEqualTo(0.995);
        assertThat(byId(o).get("CRIT").criticalFail()).isTrue();
        assertThat(byId(o).get("CRIT").status()).isEqualTo(ControlStatus.NOT_SATISFIED);
        assertThat(byId(o).get("HIGH").score()).isEqualTo(0.995);
        assertThat(byId(o).get("HIGH").status()).isEqualTo(ControlStatus.SATISFIED);
    }

    @Test
    void statusThresholdsAreInclusiveAndConfigurable() {
        List<Check> checks = List.of(
                ScriptedCheck.of("OWN-1", Severity.HIGH, SubjectType.AGENT, spread(19, 1, 0, 0)),  // 0.95, coverage 1
                ScriptedCheck.of("OWN-2", Severity.HIGH, SubjectType.AGENT, spread(18, 0, 2, 0)),  // 1.0, coverage 0.9
                ScriptedCheck.of("OWN-3", Severity.HIGH, SubjectType.AGENT, spread(17, 0, 3, 0)),  // 1.0, coverage 0.85
                ScriptedCheck.of("OWN-4", Severity.HIGH, SubjectType.AGENT, spread(12, 8, 0, 0)),  // 0.6
                ScriptedCheck.of("OWN-5", Severity.HIGH, SubjectType.AGENT, spread(11, 9, 0, 0))); // 0.55
        String f = framework("f", control("S95", null, "OWN-1:1"), control("COV90", null, "OWN-2:1"),
                control("COV85", null, "OWN-3:1"), control("S60", null, "OWN-4:1"), control("S55", null, "OWN-5:1"));

        Map<String, ControlResult> d = byId(assess(twentyAgents(), checks, Thresholds.DEFAULT, f));
        assertThat(d.get("S95").status()).isEqualTo(ControlStatus.SATISFIED);
        assertThat(d.get("COV90").status()).isEqualTo(ControlStatus.SATISFIED);
        assertThat(d.get("COV85").status()).isEqualTo(ControlStatus.PARTIALLY_SATISFIED);
        assertThat(d.get("COV85").coverage()).isEqualTo(0.85);
        assertThat(d.get("S60").status()).isEqualTo(ControlStatus.PARTIALLY_SATISFIED);
        assertThat(d.get("S55").status()).isEqualTo(ControlStatus.NOT_SATISFIED);

        Map<String, ControlResult> strict = byId(assess(twentyAgents(), checks, new Thresholds(0.99, 0.58, 0.80), f));
        assertThat(strict.get("S95").status()).isEqualTo(ControlStatus.PARTIALLY_SATISFIED);
        assertThat(strict.get("COV85").status()).isEqualTo(ControlStatus.SATISFIED);
        assertThat(strict.get("S55").status()).isEqualTo(ControlStatus.NOT_SATISFIED);
        assertThat(strict.get("S60").status()).isEqualTo(ControlStatus.PARTIALLY_SATISFIED);
    }

    @Test
    void groupsScoreFromTheirInScopeChildrenAndFrameworksCountInScopeUnitsOnly() {
        List<Check> checks = List.of(
                ScriptedCheck.of("OWN-1", Severity.HIGH, SubjectType.AGENT, spread(20, 0, 0, 0)),
                ScriptedCheck.of("OWN-2", Severity.HIGH, SubjectType.AGENT, spread(10, 10, 0, 0)),
                ScriptedCheck.of("OWN-3", Severity.HIGH, SubjectType.AGENT, spread(0, 0, 0, 20)));
        Outcome o = assess(twentyAgents(), checks, Thresholds.DEFAULT, framework("f",
                group("G", null), control("G.1", "G", "OWN-1:1"), control("G.2", "G", "OWN-2:1"), outOfScope("G.3", "G"),
                control("NA", null, "OWN-3:1"), manual("DOC"), outOfScope("OUT", null)));
        Map<String, ControlResult> d = byId(o);

        assertThat(d.get("G").group()).isTrue();
        assertThat(d.get("G").score()).isEqualTo(0.75);
        assertThat(d.get("G").children()).containsExactly("G.1", "G.2", "G.3");
        assertThat(d.get("G").status()).isEqualTo(ControlStatus.PARTIALLY_SATISFIED);
        assertThat(d.get("G.3").status()).isEqualTo(ControlStatus.OUT_OF_SCOPE);
        assertThat(d.get("NA").status()).as("every subject not applicable: no evidence").isEqualTo(ControlStatus.NOT_ASSESSED);
        assertThat(d.get("DOC").status()).isEqualTo(ControlStatus.MANUAL);

        FrameworkScore f = o.frameworks().get(0);
        // units: G.1 (1.0), G.2 (0.5), NA (no score), DOC (manual); out of scope: G.3, OUT
        assertThat(f.inScope()).isEqualTo(4);
        assertThat(f.outOfScope()).isEqualTo(2);
        assertThat(f.score()).isEqualTo(0.75);
        assertThat(f.coverage()).isEqualTo(0.5);
        assertThat(List.of(f.satisfied(), f.partiallySatisfied(), f.notSatisfied(), f.notAssessed(), f.manual()))
                .containsExactly(1, 0, 1, 1, 1);
    }

    @Test
    void aGroupWhoseChildrenAreAllManualIsManual() {
        List<Check> checks = List.of(ScriptedCheck.of("OWN-1", Severity.HIGH, SubjectType.AGENT, spread(20, 0, 0, 0)));
        String m1 = manual("M1").replace("parent: null", "parent: G");
        String m2 = manual("M2").replace("parent: null", "parent: G");
        Outcome o = assess(twentyAgents(), checks, Thresholds.DEFAULT, framework("f", group("G", null), m1, m2,
                control("C", null, "OWN-1:1")));
        assertThat(byId(o).get("G").status()).isEqualTo(ControlStatus.MANUAL);
        assertThat(byId(o).get("G").score()).isNull();
    }
}
