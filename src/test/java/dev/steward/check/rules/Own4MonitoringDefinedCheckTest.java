package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Own4MonitoringDefinedCheckTest {

    private final Own4MonitoringDefinedCheck check = new Own4MonitoringDefinedCheck();

    @Test
    void alertChannelAndTriggerPass() {
        assertThat(result(check, evidence(agent("bot").monitoring("#alerts", "deny-spike", null)), "bot").result()).isEqualTo(Result.PASS);
    }

    @Test
    void runbookCountsAsIncidentResponse() {
        assertThat(result(check, evidence(agent("bot").monitoring("#alerts", null, "https://wiki/bot")), "bot").result())
                .isEqualTo(Result.PASS);
    }

    @Test
    void onlyOneIsPartialHalf() {
        CheckResult onlyAlert = result(check, evidence(agent("bot").monitoring("#alerts", " ", null)), "bot");
        assertThat(onlyAlert.result()).isEqualTo(Result.PARTIAL);
        assertThat(onlyAlert.score()).isEqualTo(0.5);
        assertThat(onlyAlert.reason()).contains("no incident trigger or runbook");
        CheckResult onlyTrigger = result(check, evidence(agent("bot").monitoring(null, "deny-spike", null)), "bot");
        assertThat(onlyTrigger.result()).isEqualTo(Result.PARTIAL);
        assertThat(onlyTrigger.reason()).contains("no alert channel");
    }

    @Test
    void neitherFails() {
        assertThat(result(check, evidence(agent("bot")), "bot").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void decommissionedIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot").decommissioned(Fixtures.daysAgo(1))), "bot").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
