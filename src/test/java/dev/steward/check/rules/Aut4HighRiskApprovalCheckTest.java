package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.params;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Aut4HighRiskApprovalCheckTest {

    private final Aut4HighRiskApprovalCheck check = new Aut4HighRiskApprovalCheck();

    @Test
    void allHighRiskApprovedPasses() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).action("pay").count(5).highRisk(5, 5)), "bot").result())
                .isEqualTo(Result.PASS);
    }

    @Test
    void someApprovedIsPartialWithRatio() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).action("pay").count(10).highRisk(4, 3),
                decision("bot", null).action("read").count(50)), "bot");
        assertThat(r.result()).isEqualTo(Result.PARTIAL);
        assertThat(r.score()).isEqualTo(0.75);
        assertThat(r.reason()).isEqualTo("1 of 4 allowed high-risk decisions lack an approval reference (actions pay)");
    }

    @Test
    void noneApprovedFails() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).action("pay").highRisk(1, 0)), "bot").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void deniedHighRiskDoesNotCount() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).denied().highRisk(3, 0)), "bot").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }

    @Test
    void actionPatternsMakeWholeAggregateHighRiskWithoutDoubleCounting() {
        var p = params(check, Map.of("highRiskActionPatterns", "payments.*, DELETE*"));
        // pattern row: 10 decisions, 2 of them also risk=high; approvals counted from 'approved' (6 of 10)
        CheckResult r = result(check, evidence(agent("bot"),
                decision("bot", null).action("payments.transfer").count(10).highRisk(2, 2).approved(6),
                decision("bot", null).action("delete_user").count(2).approved(2),
                decision("bot", null).action("read").count(100).approved(0)), p, "bot");
        assertThat(r.result()).isEqualTo(Result.PARTIAL);
        assertThat(r.score()).isEqualTo(8.0 / 12);
        assertThat(r.reason()).startsWith("4 of 12 allowed high-risk decisions");
    }

    @Test
    void noHighRiskIsNotApplicableByDefault() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).action("payments.transfer").count(3)), "bot");
        assertThat(r.result()).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(r.reason()).isEqualTo("no allowed high-risk decision in the window");
    }
}
