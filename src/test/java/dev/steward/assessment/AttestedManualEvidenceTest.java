package dev.steward.assessment;

import static dev.steward.assessment.Frameworks.control;
import static dev.steward.assessment.Frameworks.framework;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.mapping.MappingSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Manual evidence answered by attestations moves a control out of MANUAL (docs/assessment.md, "Manual evidence"). */
class AttestedManualEvidenceTest {

    private static final String TWO_ITEMS = "{id: POL, title: POL, description: d, parent: null, inScope: true,"
            + " outOfScopeReason: null, rationale: r, manualEvidence: [{id: policy, description: a policy},"
            + " {id: review, description: a review record}]}";
    private static final String MIXED = "{id: MIX, title: MIX, description: d, parent: null, inScope: true,"
            + " outOfScopeReason: null, rationale: r, checks: [{id: OWN-1, weight: 1}],"
            + " manualEvidence: [{id: procedure, description: a procedure}]}";

    private final Check own1 = ScriptedCheck.of("OWN-1", Severity.HIGH, SubjectType.AGENT, "a01", Result.FAIL);

    private Map<String, ControlResult> assess(Map<String, List<String>> attested) {
        MappingSet m = Frameworks.load(List.of(own1), framework("f", TWO_ITEMS, MIXED, control("C", null, "OWN-1:1")));
        return ScoringTest.byId(new Assessor(CheckCatalog.of(List.of(own1)), m, CheckSettings.NONE, Thresholds.DEFAULT,
                attested).assess(ScoringTest.twentyAgents(), r -> { }));
    }

    @Test
    void withoutAttestationsAManualOnlyControlStaysManualWithoutAScore() {
        ControlResult pol = assess(Map.of()).get("POL");
        assertThat(pol.status()).isEqualTo(ControlStatus.MANUAL);
        assertThat(pol.score()).isNull();
        assertThat(pol.attestations()).isEmpty();
    }

    @Test
    void oneOfTwoItemsAttestedIsPartialWithHalfCoverageAndBothAttestedIsSatisfied() {
        ControlResult half = assess(Map.of("f:POL#policy", List.of("attestation-7"))).get("POL");
        assertThat(half.status()).isEqualTo(ControlStatus.PARTIALLY_SATISFIED);
        assertThat(half.score()).isEqualTo(1.0);
        assertThat(half.coverage()).isEqualTo(0.5);
        assertThat(half.attestations()).containsExactly("attestation-7");

        ControlResult full = assess(Map.of("f:POL#policy", List.of("attestation-7"),
                "f:POL#review", List.of("attestation-8", "attestation-9"))).get("POL");
        assertThat(full.status()).isEqualTo(ControlStatus.SATISFIED);
        assertThat(full.coverage()).isEqualTo(1.0);
        assertThat(full.attestations()).containsExactly("attestation-7", "attestation-8", "attestation-9");
    }

    @Test
    void aControlWithChecksIsStillJudgedByItsChecksButNamesItsAttestations() {
        ControlResult mix = assess(Map.of("f:MIX#procedure", List.of("attestation-3"))).get("MIX");
        assertThat(mix.status()).isEqualTo(ControlStatus.NOT_SATISFIED);
        assertThat(mix.attestations()).containsExactly("attestation-3");
    }

    @Test
    void anAttestationOfAnotherFrameworkOrControlCountsNowhereElse() {
        ControlResult pol = assess(Map.of("g:POL#policy", List.of("attestation-1"), "f:MIX#policy", List.of("attestation-2")))
                .get("POL");
        assertThat(pol.status()).isEqualTo(ControlStatus.MANUAL);
    }
}
