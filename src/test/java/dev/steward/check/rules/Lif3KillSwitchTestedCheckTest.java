package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Lif3KillSwitchTestedCheckTest {

    private final Lif3KillSwitchTestedCheck check = new Lif3KillSwitchTestedCheck();

    @Test
    void testedWithin180DaysPassesAtTheBoundary() {
        CheckResult r = result(check, evidence(agent("bot").killSwitch("revoke approle bot", daysAgo(180)), credential("c1", "bot")), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).contains("180 days ago");
    }

    @Test
    void olderTestIsPartialHalf() {
        CheckResult r = result(check, evidence(agent("bot").killSwitch("revoke approle bot", daysAgo(181)), credential("c1", "bot")), "bot");
        assertThat(r.result()).isEqualTo(Result.PARTIAL);
        assertThat(r.score()).isEqualTo(0.5);
    }

    @Test
    void neverTestedIsPartialHalf() {
        CheckResult r = result(check, evidence(agent("bot").killSwitch("revoke approle bot", null), credential("c1", "bot")), "bot");
        assertThat(r.result()).isEqualTo(Result.PARTIAL);
        assertThat(r.reason()).contains("never tested");
    }

    @Test
    void noKillSwitchFailsNamingActiveCredentials() {
        CheckResult r = result(check, evidence(agent("bot"), credential("c1", "bot"), credential("c0", "bot").revoked(daysAgo(3))), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).endsWith("active credentials c1");
    }

    @Test
    void noActiveCredentialIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot"), credential("c1", "bot").revoked(daysAgo(3))), "bot").result())
                .isEqualTo(Result.NOT_APPLICABLE);
        assertThat(result(check, evidence(agent("bot").decommissioned(daysAgo(3)), credential("c1", "bot")), "bot").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
