package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.person;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Own1OwnerResolvesCheckTest {

    private final Own1OwnerResolvesCheck check = new Own1OwnerResolvesCheck();

    @Test
    void ownerInDirectoryPassesEvenWhenDeparted() {
        CheckResult r = result(check, evidence(agent("bot").owner("p-ana"), person("p-ana").departed(Fixtures.daysAgo(5))), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.evidence()).extracting(EvidenceRef::kind, EvidenceRef::id)
                .containsExactly(tuple("agent", "bot"), tuple("person", "p-ana"));
    }

    @Test
    void missingOwnerFails() {
        CheckResult r = result(check, evidence(agent("bot"), person("p-ana")), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("no owner set");
    }

    @Test
    void unknownOwnerFailsNamingTheId() {
        CheckResult r = result(check, evidence(agent("bot").owner("p-ghost"), person("p-ana")), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("p-ghost", "not in the people directory");
    }

    @Test
    void noDirectoryLoadedIsInsufficientEvidence() {
        CheckResult r = result(check, evidence(agent("bot").owner("p-ana")), "bot");
        assertThat(r.result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(r.score()).isNull();
    }

    @Test
    void decommissionedAgentIsNotApplicable() {
        CheckResult r = result(check, evidence(agent("bot").decommissioned(Fixtures.daysAgo(1)), person("p-ana")), "bot");
        assertThat(r.result()).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(r.reason()).startsWith("agent decommissioned");
    }
}
