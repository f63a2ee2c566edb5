package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.params;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Aut5DelegationBoundedCheckTest {

    private final Aut5DelegationBoundedCheck check = new Aut5DelegationBoundedCheck();

    @Test
    void depthTwoWithinChainScopesPasses() {
        CheckResult r = result(check, evidence(agent("bot"), agent("planner").grants("erp:read"),
                decision("bot", null).scope("erp:read").onBehalfOf("planner", "p-ana").count(3)), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).startsWith("3 delegated decisions");
    }

    @Test
    void depthThreeFails() {
        CheckResult r = result(check, evidence(agent("bot"), decision("bot", null).onBehalfOf("a", "b", "p-ana").denied()), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("1 delegation violation: chain depth 3 > 2 (a > b > p-ana): 1 decision");
    }

    @Test
    void actorInChainOrRepeatIsACycle() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).onBehalfOf("bot")), "bot").reason())
                .contains("cycle in chain bot (contains the actor)");
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).onBehalfOf("a", "a")), "bot").reason())
                .contains("(repeated id)");
    }

    @Test
    void scopeLackingInAChainAgentFailsPeopleAreNotJudged() {
        CheckResult r = result(check, evidence(agent("bot").grants("erp:write"), agent("planner").grants("erp:read"),
                decision("bot", null).scope("erp:write").onBehalfOf("planner")), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("scope erp:write used on behalf of planner, which lacks it");
        assertThat(r.evidence()).anySatisfy(ref -> assertThat(ref.id()).isEqualTo("planner"));
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).scope("erp:write").onBehalfOf("p-ana")), "bot").result())
                .isEqualTo(Result.PASS);
        assertThat(result(check, evidence(agent("bot"), agent("planner"),
                decision("bot", null).scope("erp:write").onBehalfOf("planner").denied()), "bot").result()).isEqualTo(Result.PASS);
    }

    @Test
    void maxDepthConfigurable() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).onBehalfOf("a", "b", "p-ana")),
                params(check, Map.of("maxDelegationDepth", "3")), "bot").result()).isEqualTo(Result.PASS);
    }

    @Test
    void withoutDelegationNotApplicable() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null)), "bot").result()).isEqualTo(Result.NOT_APPLICABLE);
    }
}
