package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class Hum1NoHumanUseCheckTest {

    private final Hum1NoHumanUseCheck check = new Hum1NoHumanUseCheck();

    @Test
    void machineUseOnlyPasses() {
        assertThat(result(check, evidence(credential("c1", "bot"), decision("bot", "c1").count(4)), "c1").reason())
                .isEqualTo("none of 4 decisions is interactive or from a browser");
    }

    @Test
    void humanUseFailsWithCountAndTools() {
        CheckResult r = result(check, evidence(credential("c1", "bot"), decision("bot", "c1").count(4),
                decision("bot", "c1").tool("console").count(3).human(2)), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).startsWith("2 decisions made interactively or from a browser").endsWith("tools console");
    }

    @Test
    void revokedCredentialUsedByAHumanInTheWindowStillFails() {
        assertThat(result(check, evidence(credential("c1", "bot").revoked(daysAgo(1)), decision(null, "c1").daysAgo(5).human(1)), "c1")
                .result()).isEqualTo(Result.FAIL);
    }

    @Test
    void noDecisionsIsNotApplicable() {
        assertThat(result(check, evidence(credential("c1", "bot")), "c1").result()).isEqualTo(Result.NOT_APPLICABLE);
    }

    @Test
    void humanClientRule() {
        Pattern browser = Pattern.compile("(?i)mozilla/");
        assertThat(Hum1NoHumanUseCheck.humanClient(true, "steward-agent/1.2", browser)).isTrue();
        assertThat(Hum1NoHumanUseCheck.humanClient(false, "Mozilla/5.0 (X11)", browser)).isTrue();
        assertThat(Hum1NoHumanUseCheck.humanClient(null, "steward-agent/1.2", browser)).isFalse();
        assertThat(Hum1NoHumanUseCheck.humanClient(false, null, browser)).isFalse();
    }
}
