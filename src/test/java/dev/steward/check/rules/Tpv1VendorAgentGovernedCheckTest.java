package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.person;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Tpv1VendorAgentGovernedCheckTest {

    private final Tpv1VendorAgentGovernedCheck check = new Tpv1VendorAgentGovernedCheck();

    @Test
    void ownedAndReviewedExactly180DaysAgoPasses() {
        CheckResult r = result(check, evidence(agent("bot").vendor("Acme").owner("p-ana").reviewed(daysAgo(180)), person("p-ana")), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).isEqualTo("vendor Acme agent: owner p-ana active, reviewed 2026-05-05, 180 days ago (limit 180 days)");
    }

    @Test
    void staleReviewFails() {
        assertThat(result(check, evidence(agent("bot").vendor("Acme").owner("p-ana").reviewed(daysAgo(181)), person("p-ana")), "bot")
                .result()).isEqualTo(Result.FAIL);
    }

    @Test
    void everyProblemIsNamed() {
        CheckResult r = result(check, evidence(agent("bot").vendor("Acme").owner("p-ana"), person("p-ana").departed(daysAgo(10))), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("vendor Acme agent: owner p-ana departed 2026-10-22; never reviewed");
    }

    @Test
    void noOwnerFails() {
        assertThat(result(check, evidence(agent("bot").vendor("Acme").reviewed(daysAgo(1)), person("p-ana")), "bot").reason())
                .contains("no internal owner");
    }

    @Test
    void unresolvableOwnerIsInsufficient() {
        assertThat(result(check, evidence(agent("bot").vendor("Acme").owner("p-ana").reviewed(daysAgo(1))), "bot").result())
                .isEqualTo(Result.INSUFFICIENT_EVIDENCE);
    }

    @Test
    void internalOrDecommissionedAgentIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot")), "bot").reason()).isEqualTo("not a third-party agent (no vendor)");
        assertThat(result(check, evidence(agent("bot").vendor("Acme").decommissioned(daysAgo(1))), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
