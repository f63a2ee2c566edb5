package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Aut3PolicyEvaluationCheckTest {

    private final Aut3PolicyEvaluationCheck check = new Aut3PolicyEvaluationCheck();

    @Test
    void exactly99PercentPassesSummedOverAggregates() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).count(60).withPolicy(60),
                decision("bot", null).denied().count(40).withPolicy(39)), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).isEqualTo("99 of 100 decisions (99.0 %) name the deciding policy");
    }

    @Test
    void between90And99IsPartialWithShareAsScore() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).count(100).withPolicy(90)), "bot");
        assertThat(r.result()).isEqualTo(Result.PARTIAL);
        assertThat(r.score()).isEqualTo(0.9);
    }

    @Test
    void below90Fails() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).count(1000).withPolicy(899)), "bot").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void noDecisionsIsInsufficient() {
        assertThat(result(check, evidence(agent("bot"), decision("other", null)), "bot").result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
    }

    @Test
    void decommissionedIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot").decommissioned(Fixtures.daysAgo(1)), decision("bot", null)), "bot").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
