package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Aut6DeclaredToolsCheckTest {

    private final Aut6DeclaredToolsCheck check = new Aut6DeclaredToolsCheck();

    @Test
    void onlyDeclaredToolsPass() {
        assertThat(result(check, evidence(agent("bot").tools("erp", "mail"), decision("bot", null).tool("ERP"),
                decision("bot", null).tool(null)), "bot").result()).isEqualTo(Result.PASS);
    }

    @Test
    void thePassingEvidenceCoversTheDecisionsThatNameATool() {
        CheckResult all = result(check, evidence(agent("bot").tools("erp", "mail"), decision("bot", null).tool("erp").count(4),
                decision("bot", null).tool("mail").count(2)), "bot");
        assertThat(all.reason()).isEqualTo("calls only declared tools: erp, mail");
        assertThat(decisionsDetail(all)).startsWith("6 decisions (6 allowed, 0 denied)").endsWith("; tools erp, mail");
        CheckResult some = result(check, evidence(agent("bot").tools("erp", "mail"), decision("bot", null).tool("erp").count(4),
                decision("bot", null).tool(null).count(7)), "bot");
        assertThat(some.reason()).isEqualTo("calls only declared tools: erp");
        assertThat(decisionsDetail(some)).startsWith("4 decisions (4 allowed, 0 denied)").endsWith("; tools erp");
    }

    private static String decisionsDetail(CheckResult r) {
        return r.evidence().stream().filter(e -> e.kind().equals("decisions")).findFirst().orElseThrow().detail();
    }

    @Test
    void undeclaredToolFailsWithCountsIncludingDenied() {
        CheckResult r = result(check, evidence(agent("bot").tools("erp"), decision("bot", null).tool("erp"),
                decision("bot", null).tool("shell").count(3).denied(), decision("bot", null).tool("shell").count(2)), "bot");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("calls 1 undeclared tool: shell (5 decisions)");
    }

    @Test
    void noDeclaredToolsOrNoObservedToolsIsInsufficient() {
        assertThat(result(check, evidence(agent("bot"), decision("bot", null).tool("erp")), "bot").reason()).isEqualTo("agent declares no tools");
        assertThat(result(check, evidence(agent("bot").tools("erp")), "bot").result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
    }

    @Test
    void decommissionedIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot").tools("erp").decommissioned(Fixtures.daysAgo(1))), "bot").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
