package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words that say why a control has its status and how its score was computed follow the scorer's rules. */
class ControlReasonsTest {

    static final Thresholds T = Thresholds.DEFAULT;

    static ControlResult.ControlCheck check(String id, int weight, Severity severity, Double score, long fails) {
        return new ControlResult.ControlCheck(id, "default", weight, severity, score, 1.0, fails);
    }

    static ControlResult leaf(ControlStatus status, Double score, Double coverage, boolean critical,
            List<ControlResult.ControlCheck> checks, List<String> manual) {
        return new ControlResult("fw", "C1", "One", null, false, status, score, coverage, critical, checks, List.of(), manual,
                null);
    }

    @Test
    void aHighScoreWithACriticalFailNamesTheFailingCriticalChecks() {
        ControlResult c = leaf(ControlStatus.NOT_SATISFIED, 0.9666, 0.99, true, List.of(
                check("LIF-1", 3, Severity.CRITICAL, 0.97, 5), check("OWN-2", 3, Severity.HIGH, 0.96, 2),
                check("LIF-4", 2, Severity.CRITICAL, 0.96, 2), check("IDN-1", 1, Severity.CRITICAL, 1.0, 0)), List.of());
        assertThat(ControlReasons.status(c, List.of(), T)).isEqualTo("Critical checks LIF-1, LIF-4 fail for at least one"
                + " subject: a control with a critical FAIL is not satisfied whatever its score (96.66%).");
        assertThat(ControlReasons.score(c, List.of())).contains("means of its 4 checks' scores and coverage")
                .contains("LIF-1 x3, OWN-2 x3, LIF-4 x2, IDN-1 x1");
    }

    @Test
    void aLowScoreWithoutACriticalFailSaysWhichLimit() {
        ControlResult c = leaf(ControlStatus.NOT_SATISFIED, 0.5, 1.0, false,
                List.of(check("OWN-1", 1, Severity.HIGH, 0.5, 4)), List.of());
        assertThat(ControlReasons.status(c, List.of(), T)).isEqualTo("Its score 50% is below 60%.");
    }

    @Test
    void partiallySatisfiedNamesEveryLimitMissed() {
        ControlResult lowBoth = leaf(ControlStatus.PARTIALLY_SATISFIED, 0.8, 0.5, false,
                List.of(check("OWN-1", 1, Severity.HIGH, 0.8, 1)), List.of());
        assertThat(ControlReasons.status(lowBoth, List.of(), T)).isEqualTo("No critical check fails and its score is"
                + " at least 60%, but its score 80% is below 95% and its coverage 50% is below 90%.");
        ControlResult lowCoverage = leaf(ControlStatus.PARTIALLY_SATISFIED, 0.97, 0.85, false,
                List.of(check("OWN-1", 1, Severity.HIGH, 0.97, 1)), List.of());
        assertThat(ControlReasons.status(lowCoverage, List.of(), T)).endsWith("but its coverage 85% is below 90%.");
    }

    @Test
    void satisfiedManualNotAssessedAndOutOfScope() {
        assertThat(ControlReasons.status(leaf(ControlStatus.SATISFIED, 0.975, 0.95, false,
                List.of(check("OWN-1", 1, Severity.HIGH, 0.975, 1)), List.of()), List.of(), T))
                .isEqualTo("Its score 97.5% is at least 95% and its coverage 95% at least 90%, with no critical check failing.");
        ControlResult manual = leaf(ControlStatus.MANUAL, null, null, false, List.of(), List.of("policy"));
        assertThat(ControlReasons.status(manual, List.of(), T)).contains("only for manual evidence");
        assertThat(ControlReasons.score(manual, List.of())).as("no score, nothing to compute").isNull();
        ControlResult attested = leaf(ControlStatus.PARTIALLY_SATISFIED, 1.0, 0.5, false, List.of(), List.of("a", "b"));
        assertThat(ControlReasons.score(attested, List.of())).contains("share of its 2 manual evidence items");
        assertThat(ControlReasons.status(leaf(ControlStatus.NOT_ASSESSED, null, null, false,
                List.of(check("AUT-1", 1, Severity.HIGH, null, 0)), List.of()), List.of(), T)).contains("None of its checks");
        ControlResult out = new ControlResult("fw", "C9", "Nine", null, false, ControlStatus.OUT_OF_SCOPE, null, null, false,
                List.of(), List.of(), List.of(), "physical security");
        assertThat(ControlReasons.status(out, List.of(), T)).isEqualTo("Out of scope: physical security.");
        ControlResult worded = new ControlResult("fw", "C8", "Eight", null, false, ControlStatus.OUT_OF_SCOPE, null,
                null, false, List.of(), List.of(), List.of(), "Records do not show it. ");
        assertThat(ControlReasons.status(worded, List.of(), T))
                .as("a reason that ends its sentence gets no second stop")
                .isEqualTo("Out of scope: Records do not show it.");
    }

    @Test
    void aGroupNamesTheSubControlsWhereACriticalCheckFails() {
        ControlResult failing = leaf(ControlStatus.NOT_SATISFIED, 0.9, 1.0, true,
                List.of(check("LIF-1", 1, Severity.CRITICAL, 0.9, 1)), List.of());
        ControlResult fine = new ControlResult("fw", "C2", "Two", "G", false, ControlStatus.SATISFIED, 1.0, 1.0, false,
                List.of(check("OWN-1", 1, Severity.HIGH, 1.0, 0)), List.of(), List.of(), null);
        ControlResult group = new ControlResult("fw", "G", "Group", null, true, ControlStatus.NOT_SATISFIED, 0.95, 1.0, true,
                List.of(), List.of("C1", "C2"), List.of(), null);
        assertThat(ControlReasons.status(group, List.of(failing, fine), T))
                .startsWith("A critical check fails in sub-control C1 for at least one subject");
        assertThat(ControlReasons.score(group, List.of(failing, fine))).startsWith("Score and coverage are the plain means of"
                + " its 2 in-scope sub-controls;");
    }

    @Test
    void theThresholdsAreTheRunsNotTheDefaults() {
        Thresholds strict = new Thresholds(0.99, 0.8, 0.95);
        ControlResult c = leaf(ControlStatus.NOT_SATISFIED, 0.7, 1.0, false,
                List.of(check("OWN-1", 1, Severity.HIGH, 0.7, 3)), List.of());
        assertThat(ControlReasons.status(c, List.of(), strict)).isEqualTo("Its score 70% is below 80%.");
    }
}
