package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class Log1NoBlindSpotCheckTest {

    private final Log1NoBlindSpotCheck check = new Log1NoBlindSpotCheck();

    @Test
    void usedCredentialWithDecisionsPasses() {
        CheckResult r = result(check, evidence(agent("bot"), credential("c1", "bot").lastUsed(daysAgo(2)), decision("bot", "c1").count(7)), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).startsWith("7 decisions logged");
    }

    @Test
    void usedCredentialWithoutDecisionsIsABlindSpot() {
        CheckResult r = result(check, evidence(agent("bot"), credential("c1", "bot").lastUsed(daysAgo(2))), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("blind spot: credentials used in the window (c1 (last used 2026-10-30)) but no decision of the agent logged");
    }

    @Test
    void useAtWindowStartCountsJustBeforeDoesNot() {
        assertThat(result(check, evidence(agent("bot"), credential("c1", "bot").lastUsed(Fixtures.WINDOW_START)), "bot").result())
                .isEqualTo(Result.FAIL);
        assertThat(result(check, evidence(agent("bot"), credential("c1", "bot").lastUsed(Fixtures.WINDOW_START.minus(Duration.ofSeconds(1)))), "bot")
                .result()).isEqualTo(Result.NOT_APPLICABLE);
    }

    @Test
    void unattributableUseOfASharedCredentialIsABlindSpot() {
        assertThat(result(check, evidence(agent("bot"), agent("other"), credential("c1", "bot", "other"), decision(null, "c1")), "bot").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void theReasonSaysHowEachCredentialWasSeenInUse() {
        // by its own aggregates (the agent's, or nobody's; not another agent's) when its date does not show use
        assertThat(result(check, evidence(agent("bot"), agent("other"), credential("c1", "bot", "other"), decision(null, "c1"),
                decision("bot", "c1"), decision("other", "c1")), "bot").reason()).contains("c1 (in 2 aggregates)");
        assertThat(result(check, evidence(agent("bot"), credential("c1", "bot").lastUsed(daysAgo(3)), decision("bot", "c1")), "bot")
                .reason()).contains("c1 (last used ").doesNotContain("aggregates");
    }

    @Test
    void useByAnotherNamedAgentIsNotThisAgentsUse() {
        assertThat(result(check, evidence(agent("bot"), agent("other"), credential("c1", "bot", "other"), decision("other", "c1")), "bot").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }

    @Test
    void revokedCredentialUsedEarlierInTheWindowStillCounts() {
        assertThat(result(check, evidence(agent("bot"), credential("c1", "bot").lastUsed(daysAgo(30)).revoked(daysAgo(20))), "bot").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void noCredentialOrUnusedIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot")), "bot").reason()).isEqualTo("none of the agent's credentials was used in the window");
        assertThat(result(check, evidence(agent("bot").decommissioned(daysAgo(1)), credential("c1", "bot").lastUsed(daysAgo(2))), "bot").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
