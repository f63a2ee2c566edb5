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

class Log2CompleteRecordsCheckTest {

    private final Log2CompleteRecordsCheck check = new Log2CompleteRecordsCheck();

    @Test
    void exactly99PercentPasses() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).count(100).complete(99)), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).isEqualTo("99 of 100 decisions (99.0 %) have tool, action, resource and trigger");
    }

    @Test
    void ninetyPercentIsPartial() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).count(50).complete(50),
                decision("bot", null).denied().count(50).complete(40)), "bot");
        assertThat(r.result()).isEqualTo(Result.PARTIAL);
        assertThat(r.score()).isEqualTo(0.9);
    }

    @Test
    void belowNinetyFails() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).count(10).complete(8)), "bot").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void thresholdsConfigurable() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).count(10).complete(8)),
                params(check, Map.of("partialMinShare", "0.8")), "bot").result()).isEqualTo(Result.PARTIAL);
    }

    @Test
    void noDecisionsIsInsufficientAndDecommissionedNotApplicable() {
        assertThat(result(check, evidence(agent("bot")), "bot").result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(result(check, evidence(agent("bot").decommissioned(Fixtures.daysAgo(1))), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
