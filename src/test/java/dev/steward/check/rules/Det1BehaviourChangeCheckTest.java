package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.evidenceAt;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** As-of 2026-11-01T00:00Z: recent period 2026-10-25..2026-10-31, earlier period 2026-08-03..2026-10-24 (83 days). */
class Det1BehaviourChangeCheckTest {

    private final Det1BehaviourChangeCheck check = new Det1BehaviourChangeCheck();

    @Test
    void steadyBehaviourPasses() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).tool("erp").daysAgo(50).count(100),
                decision("bot", null).tool("erp").daysAgo(2).denied().count(3)), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).isEqualTo("3 denies in the last 7 days (2026-10-25..2026-10-31) (0.43/day) vs 0.00/day before; no new tool");
    }

    @Test
    void denySpikeAtExactlyTheFactorFails() {
        // recent 21 denies = 3.00/day; earlier 83 denies over 83 days = 1.00/day: exactly 3x
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).tool("erp").daysAgo(40).denied().count(83),
                decision("bot", null).tool("erp").daysAgo(1).denied().count(21)), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).startsWith("deny spike: 21 denies in the last 7 days").contains("3.00/day) vs 1.00/day before");
        CheckResult below = result(check, evidence(agent("bot"), decision("bot", null).tool("erp").daysAgo(40).denied().count(84),
                decision("bot", null).tool("erp").daysAgo(1).denied().count(21)), "bot");
        assertThat(below.result()).isEqualTo(Result.PASS);
    }

    @Test
    void minimumRecentDeniesBoundary() {
        Object earlier = decision("bot", null).tool("erp").daysAgo(40);
        assertThat(result(check, evidence(agent("bot"), earlier, decision("bot", null).tool("erp").daysAgo(1).denied().count(9)), "bot")
                .result()).isEqualTo(Result.PASS);
        assertThat(result(check, evidence(agent("bot"), earlier, decision("bot", null).tool("erp").daysAgo(1).denied().count(10)), "bot")
                .result()).isEqualTo(Result.FAIL);
    }

    @Test
    void recentPeriodStartsSevenDaysBeforeAsOf() {
        // 2026-10-24 is earlier: 10 denies there are baseline, not recent
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).tool("erp").daysAgo(8).denied().count(10),
                decision("bot", null).tool("erp").daysAgo(7)), "bot").result()).isEqualTo(Result.PASS);
    }

    @Test
    void asOfMidDayMakesTheAsOfDayTheLastRecentDay() {
        Instant asOf = Instant.parse("2026-11-01T12:00:00Z");
        CheckResult r = result(check, evidenceAt(asOf, asOf.minus(Duration.ofDays(90))).with(agent("bot"),
                decision("bot", null).tool("erp").day(LocalDate.parse("2026-09-01")),
                decision("bot", null).tool("shell").day(LocalDate.parse("2026-10-25"))).build(), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).contains("(2026-10-26..2026-11-01)");
    }

    @Test
    void newToolFailsNamingIt() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).tool("erp").daysAgo(30),
                decision("bot", null).tool("erp").daysAgo(1), decision("bot", null).tool("shell").daysAgo(3)), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("new tool shell first used 2026-10-29T10:00:00Z, not seen 2026-08-03..2026-10-24");
    }

    @Test
    void noBaselineIsInsufficientUnlessDenySpike() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).tool("shell").daysAgo(2)), "bot");
        assertThat(r.result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(r.reason()).startsWith("no decisions of the agent before 2026-10-25 to compare with");
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).daysAgo(2).denied().count(12)), "bot").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void noDecisionsIsInsufficientAndDecommissionedNotApplicable() {
        assertThat(result(check, evidence(agent("bot")), "bot").reason()).isEqualTo("no decisions by the agent in the window");
        assertThat(result(check, evidence(agent("bot").decommissioned(Fixtures.daysAgo(1))), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
