package dev.steward.assessment;

import static dev.steward.assessment.Frameworks.control;
import static dev.steward.assessment.Frameworks.framework;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.ParameterSpec;
import dev.steward.check.Parameters;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.Evidence;
import dev.steward.mapping.MappingSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration overrides (validated, per environment) and per-control overrides that make extra evaluations. */
class VariantsAndSettingsTest {

    /** PASS for the first {@code limit} agents (in id order, resolved for each agent's environment), FAIL after. */
    static final Check LIMITED = ScriptedCheck.withParameters("OWN-5", Severity.MEDIUM, SubjectType.AGENT,
            List.of(new ParameterSpec("limit", ParameterSpec.Type.INTEGER, "5", Map.of("prod", "1"), "how many pass")),
            VariantsAndSettingsTest::firstPass);

    private static Map<String, Object> firstPass(Evidence e, Parameters p) {
        Map<String, Object> out = new LinkedHashMap<>();
        int i = 0;
        for (var a : e.agents().values()) {
            out.put(a.id(), i++ < p.integer("limit", a.environment()) ? Result.PASS : Result.FAIL);
        }
        return out;
    }

    static CheckCatalog catalog() {
        return CheckCatalog.of(List.of(LIMITED));
    }

    @Test
    void configurationAcceptsKebabAndCatalogNamesQuotedOrNotPerEnvironment() {
        CheckSettings s = CheckSettings.parse(Map.of(
                "steward.checks.\"OWN-5\".limit", "10",
                "steward.checks.OWN-5.Production.limit", "3",
                "steward.other.key", "ignored"), catalog());
        assertThat(s.values("OWN-5")).containsExactly(Map.entry("limit", "10"));
        assertThat(s.perEnvironment("OWN-5")).containsOnlyKeys("prod");
        assertThat(s.parameters(LIMITED).integer("limit", "prod")).isEqualTo(3);
        assertThat(s.parameters(LIMITED).integer("limit", "dev")).isEqualTo(10);
        assertThat(CheckSettings.kebab("maxReviewAgeDays")).isEqualTo("max-review-age-days");
    }

    @Test
    void realCatalogParametersAreAddressedInKebabCase() {
        CheckCatalog real = CheckCatalog.of(CheckCatalog.allChecks());
        CheckSettings s = CheckSettings.parse(Map.of("steward.checks.\"OWN-5\".prod.max-review-age-days", "30",
                "steward.checks.\"CRD-1\".maxLifetimeOther", "P30D"), real);
        assertThat(s.parameters(real.byId("OWN-5").orElseThrow()).integer("maxReviewAgeDays", "prod")).isEqualTo(30);
        assertThat(s.parameters(real.byId("OWN-5").orElseThrow()).integer("maxReviewAgeDays", "dev")).isEqualTo(180);
        assertThat(s.values("CRD-1")).containsEntry("maxLifetimeOther", "P30D");
    }

    @Test
    void everyBadKeyIsReportedAtOnceNamingTheKey() {
        Map<String, String> bad = Map.of(
                "steward.checks.\"NOPE-1\".limit", "1",
                "steward.checks.\"OWN-5\".lmit", "1",
                "steward.checks.\"OWN-5\".limit", "many",
                "steward.checks.\"OWN-5\"", "1",
                "steward.checks.\"OWN-5\".a.b.limit", "1");
        assertThatThrownBy(() -> CheckSettings.parse(bad, catalog()))
                .isInstanceOfSatisfying(CheckSettings.InvalidException.class, e -> {
                    assertThat(e.errors()).hasSize(5);
                    assertThat(e.getMessage())
                            .contains("steward.checks.\"NOPE-1\".limit: unknown check 'NOPE-1'; known: OWN-5")
                            .contains("steward.checks.\"OWN-5\".lmit: unknown parameter 'lmit' of OWN-5; known: limit")
                            .contains("steward.checks.\"OWN-5\".limit: value 'many' is not a valid integer")
                            .contains("steward.checks.\"OWN-5\": no parameter named")
                            .contains("steward.checks.\"OWN-5\".a.b.limit: expected");
                });
    }

    @Test
    void aControlOverrideAddsAnEvaluationAndIdenticalParameterSetsShareOne() {
        Records r = new Records();
        for (int i = 1; i <= 20; i++) {
            r.agent(String.format("a%02d", i), dev.steward.evidence.Autonomy.SUPERVISED, "dev", "t", "p");
        }
        CheckSettings settings = CheckSettings.parse(Map.of("steward.checks.\"OWN-5\".limit", "10"), catalog());
        MappingSet m = Frameworks.load(List.of(LIMITED), framework("f",
                control("BASE", null, "OWN-5:1"), control("WIDE", null, "OWN-5:1:limit=15"),
                control("SAME", null, "OWN-5:1:limit=10")));
        List<AssessedResult> results = new ArrayList<>();
        Outcome o = new Assessor(catalog(), m, settings, Thresholds.DEFAULT).assess(r.evidence(), results::add);

        assertThat(o.checks()).extracting(CheckScore::variant, CheckScore::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("default", 0.5), org.assertj.core.groups.Tuple.tuple("limit=15", 0.75));
        assertThat(o.checks().get(0).controls()).containsExactly("f:BASE", "f:SAME");
        assertThat(o.checks().get(1).controls()).containsExactly("f:WIDE");
        Map<String, ControlResult> controls = ScoringTest.byId(o);
        assertThat(controls.get("BASE").score()).isEqualTo(0.5);
        assertThat(controls.get("WIDE").score()).isEqualTo(0.75);
        assertThat(controls.get("WIDE").checks().get(0).variant()).isEqualTo("limit=15");
        assertThat(results).hasSize(40);
        assertThat(results).filteredOn(a -> a.result() == Result.FAIL && a.variant().equals("limit=15"))
                .allSatisfy(a -> assertThat(a.controls()).containsExactly("f:WIDE")).hasSize(5);
        assertThat(o.rollups().teams()).singleElement().extracting(e -> e.results().total())
                .as("roll-ups count the default variant only").isEqualTo(20L);
        assertThat(o.teamFrameworks()).singleElement().satisfies(t -> assertThat(TeamFrameworksTest.whole(t, o))
                .as("a team's framework scores, of every variant, are the run's when every subject is the team's")
                .isEqualTo(o.frameworks()));
    }

    @Test
    void theDigestChangesWithOverridesAndThresholds() {
        CheckSettings a = CheckSettings.parse(Map.of("steward.checks.\"OWN-5\".limit", "10"), catalog());
        CheckSettings b = CheckSettings.parse(Map.of("steward.checks.\"OWN-5\".limit", "11"), catalog());
        assertThat(a.digest(Thresholds.DEFAULT)).isEqualTo(CheckSettings.parse(Map.of("steward.checks.OWN-5.limit", "10"), catalog())
                .digest(Thresholds.DEFAULT));
        assertThat(a.digest(Thresholds.DEFAULT)).isNotEqualTo(b.digest(Thresholds.DEFAULT));
        assertThat(a.digest(Thresholds.DEFAULT)).isNotEqualTo(a.digest(new Thresholds(0.9, 0.6, 0.9)));
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new Thresholds(0.5, 0.6, 0.9)).hasMessageContaining("not-satisfied-below (0.6)");
        assertThatThrownBy(() -> new Thresholds(0.95, 0.6, 1.5)).hasMessageContaining("satisfied-min-coverage");
    }
}
