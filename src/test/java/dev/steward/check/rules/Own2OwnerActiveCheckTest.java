package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.person;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Own2OwnerActiveCheckTest {

    private final Own2OwnerActiveCheck check = new Own2OwnerActiveCheck();

    @Test
    void activeOwnerPasses() {
        assertThat(result(check, evidence(agent("bot").owner("p-ana"), person("p-ana")), "bot").result()).isEqualTo(Result.PASS);
    }

    @Test
    void departedOwnerFailsWithDepartureDate() {
        CheckResult r = result(check, evidence(agent("bot").owner("p-ana"),
                person("p-ana").departed(Instant.parse("2026-08-14T00:00:00Z"))), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("owner p-ana departed 2026-08-14: agent is orphaned");
        assertThat(r.evidence()).anySatisfy(ref -> assertThat(ref.detail()).isEqualTo("departed 2026-08-14"));
    }

    @Test
    void departedStatusWithoutDateFails() {
        CheckResult r = result(check, evidence(agent("bot").owner("p-ana"), person("p-ana").status("departed")), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("no date");
    }

    @Test
    void departureAfterAsOfIsNotYetEffective() {
        CheckResult r = result(check, evidence(agent("bot").owner("p-ana"), person("p-ana").departedAt(daysAgo(-10))), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).contains("departure announced for 2026-11-11");
    }

    @Test
    void departureExactlyAtAsOfCounts() {
        assertThat(result(check, evidence(agent("bot").owner("p-ana"), person("p-ana").departed(Fixtures.AS_OF)), "bot").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void noOwnerOrUnknownOwnerIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot"), person("p-ana")), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
        CheckResult unknown = result(check, evidence(agent("bot").owner("p-x"), person("p-ana")), "bot");
        assertThat(unknown.result()).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(unknown.reason()).contains("OWN-1");
    }

    @Test
    void decommissionedAgentIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot").owner("p-ana").decommissioned(daysAgo(3)),
                person("p-ana").departed(daysAgo(100))), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
