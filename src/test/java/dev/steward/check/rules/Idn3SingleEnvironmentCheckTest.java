package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Idn3SingleEnvironmentCheckTest {

    private final Idn3SingleEnvironmentCheck check = new Idn3SingleEnvironmentCheck();

    @Test
    void sameEnvironmentPassesIgnoringMissingAndProductionSpelling() {
        CheckResult r = result(check, evidence(credential("c1", "bot").env("prod"),
                decision("bot", "c1").env("prod"), decision("bot", "c1").env(null), decision("bot", "c1").env("Production")), "c1");
        assertThat(r.result()).isEqualTo(Result.PASS);
    }

    @Test
    void useInAnotherEnvironmentFailsNamingIt() {
        CheckResult r = result(check, evidence(credential("c1", "bot").env("prod"),
                decision("bot", "c1").env("prod"), decision("bot", "c1").env("staging").count(3), decision("bot", "c1").env("dev")), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("declared prod but used in dev (1 decision), staging (3 decisions)");
    }

    @Test
    void runsOfOneEnvironmentAndOfNoneAreEachJudged() {
        CheckResult r = result(check, evidence(credential("c1", "bot").env("prod"), decision("bot", "c1").env(null),
                decision("bot", "c1").env(null).count(2), decision("bot", "c1").env("dev"), decision("bot", "c1").env("dev").count(4),
                decision("bot", "c1").env("prod"), decision("bot", "c1").env(" DEV ")), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("declared prod but used in dev (6 decisions)");
    }

    @Test
    void noDeclaredEnvironmentIsInsufficient() {
        assertThat(result(check, evidence(credential("c1", "bot").env(null), decision("bot", "c1").env("prod")), "c1").result())
                .isEqualTo(Result.INSUFFICIENT_EVIDENCE);
    }

    @Test
    void noDecisionsPassesOnDeclaration() {
        assertThat(result(check, evidence(credential("c1", "bot")), "c1").reason()).isEqualTo("declared prod; no decisions in the window");
    }

    @Test
    void inactiveAndUnusedIsNotApplicable() {
        assertThat(result(check, evidence(credential("c1", "bot").revoked(daysAgo(1))), "c1").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
