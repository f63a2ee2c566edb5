package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.envParams;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.params;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Own5AccessReviewedCheckTest {

    private final Own5AccessReviewedCheck check = new Own5AccessReviewedCheck();

    @Test
    void prodReviewedExactly90DaysAgoPasses() {
        CheckResult r = result(check, evidence(agent("bot").env("prod").reviewed(daysAgo(90))), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).isEqualTo("last review 2026-08-03, 90 days ago (limit 90 days for prod)");
    }

    @Test
    void prodReviewedJustOver90DaysAgoFails() {
        CheckResult r = result(check, evidence(agent("bot").env("prod").reviewed(daysAgo(90).minus(Duration.ofSeconds(1)))), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
    }

    @Test
    void productionSpellingUsesProdDefault() {
        assertThat(result(check, evidence(agent("bot").env("Production").reviewed(daysAgo(120))), "bot").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void otherEnvironmentsAllow180Days() {
        assertThat(result(check, evidence(agent("bot").env("staging").reviewed(daysAgo(180))), "bot").result()).isEqualTo(Result.PASS);
        assertThat(result(check, evidence(agent("bot").env("staging").reviewed(daysAgo(181))), "bot").result()).isEqualTo(Result.FAIL);
        assertThat(result(check, evidence(agent("bot").env(null).reviewed(daysAgo(150))), "bot").result()).isEqualTo(Result.PASS);
    }

    @Test
    void perEnvironmentOverrideWinsOverEnvironmentDefault() {
        var evidence = evidence(agent("prod-bot").env("prod").reviewed(daysAgo(40)), agent("dev-bot").env("dev").reviewed(daysAgo(40)));
        var parameters = envParams(check, "prod", Map.of("maxReviewAgeDays", "30"));
        assertThat(result(check, evidence, parameters, "prod-bot").result()).isEqualTo(Result.FAIL);
        assertThat(result(check, evidence, parameters, "dev-bot").result()).isEqualTo(Result.PASS);
    }

    @Test
    void globalOverrideAppliesToEveryEnvironment() {
        var parameters = params(check, Map.of("maxReviewAgeDays", "30"));
        assertThat(result(check, evidence(agent("bot").env("dev").reviewed(daysAgo(40))), parameters, "bot").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void neverReviewedFails() {
        CheckResult r = result(check, evidence(agent("bot")), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).startsWith("access never reviewed");
    }

    @Test
    void reviewDatedAfterAsOfIsNotEvidence() {
        CheckResult r = result(check, evidence(agent("bot").reviewed(daysAgo(-1))), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("after the as-of date");
    }

    @Test
    void decommissionedIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot").decommissioned(daysAgo(1))), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
