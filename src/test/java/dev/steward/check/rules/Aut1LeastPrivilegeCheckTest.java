package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.envParams;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Aut1LeastPrivilegeCheckTest {

    private final Aut1LeastPrivilegeCheck check = new Aut1LeastPrivilegeCheck();

    /** An agent with the given grants that used the first {@code used} of them in allowed decisions. */
    private static Object[] agentUsing(int grants, int used) {
        String[] names = new String[grants];
        for (int i = 0; i < grants; i++) {
            names[i] = "g" + i;
        }
        List<Object> items = new ArrayList<>();
        items.add(agent("bot").grants(names));
        for (int i = 0; i < used; i++) {
            items.add(decision("bot", null).scope(names[i]));
        }
        return items.toArray();
    }

    @Test
    void exactlyTwentyPercentUnusedPasses() {
        CheckResult r = result(check, evidence(agentUsing(5, 4)), "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).isEqualTo("1 of 5 grants unused (20.0 %): g4");
    }

    @Test
    void overTwentyUpToFiftyIsPartialOneMinusShare() {
        CheckResult r = result(check, evidence(agentUsing(5, 3)), "bot");
        assertThat(r.result()).isEqualTo(Result.PARTIAL);
        assertThat(r.score()).isCloseTo(0.6, within(1e-9));
        assertThat(r.reason()).isEqualTo("2 of 5 grants unused (40.0 %): g3, g4");
        assertThat(r.evidence()).filteredOn(ref -> ref.kind().equals("grant")).extracting(EvidenceRef::id).containsExactly("g3", "g4");
        CheckResult half = result(check, evidence(agentUsing(4, 2)), "bot");
        assertThat(half.result()).isEqualTo(Result.PARTIAL);
        assertThat(half.score()).isEqualTo(0.5);
    }

    @Test
    void overFiftyPercentFails() {
        assertThat(result(check, evidence(agentUsing(5, 2)), "bot").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void deniedDecisionsAndNonExactScopesDoNotCountAsUse() {
        CheckResult r = result(check, evidence(agent("bot").grants("erp:read", "erp:write"),
                decision("bot", null).scope("erp:read"), decision("bot", null).scope("erp:write").denied(),
                decision("bot", null).scope("ERP:WRITE")), "bot");
        assertThat(r.result()).isEqualTo(Result.PARTIAL);
        assertThat(r.reason()).endsWith("erp:write");
    }

    @Test
    void noDecisionsOrNoGrantsIsInsufficient() {
        assertThat(result(check, evidence(agent("bot").grants("a")), "bot").reason()).isEqualTo("no decisions by the agent in the window");
        assertThat(result(check, evidence(agent("bot"), decision("bot", null)), "bot").result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
    }

    @Test
    void thresholdsArePerEnvironment() {
        var p = envParams(check, "prod", Map.of("passMaxUnusedShare", "0.5"));
        assertThat(result(check, evidence(agentUsing(5, 3)), p, "bot").result()).isEqualTo(Result.PASS);
    }

    @Test
    void decommissionedIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot").grants("a").decommissioned(Fixtures.daysAgo(1))), "bot").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
