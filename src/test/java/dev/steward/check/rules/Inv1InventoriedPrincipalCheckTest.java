package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static dev.steward.check.rules.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.SubjectType;
import dev.steward.evidence.Evidence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Inv1InventoriedPrincipalCheckTest {

    private final Inv1InventoriedPrincipalCheck check = new Inv1InventoriedPrincipalCheck();

    @Test
    void inventoriedAgentPasses() {
        Evidence e = evidence(agent("bot"), decision("bot", null).tool("erp"));
        CheckResult r = result(check, e, "bot");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.subjectType()).isEqualTo(SubjectType.PRINCIPAL);
        assertThat(r.evidence()).extracting(EvidenceRef::kind).containsExactly("agent", "decisions");
    }

    @Test
    void shadowAgentFailsWithFirstLastSeenCountAndTools() {
        Evidence e = evidence(agent("bot"),
                decision("ghost", "cred-x").tool("shell").count(4)
                        .between(Instant.parse("2026-10-01T08:00:00Z"), Instant.parse("2026-10-01T09:00:00Z")),
                decision("ghost", "cred-x").tool("erp").count(2)
                        .between(Instant.parse("2026-10-20T08:00:00Z"), Instant.parse("2026-10-20T17:30:00Z")));
        CheckResult r = result(check, e, "ghost");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("shadow agent ghost", "6 decisions", "first seen 2026-10-01T08:00:00Z",
                "last seen 2026-10-20T17:30:00Z", "tools erp, shell");
        EvidenceRef decisions = r.evidence().get(0);
        assertThat(decisions.kind()).isEqualTo("decisions");
        assertThat(decisions.id()).isEqualTo("agent=ghost;credential=cred-x;days=2026-10-01..2026-10-20");
        assertThat(decisions.detail()).startsWith("6 decisions (6 allowed, 0 denied)");
    }

    @Test
    void principalViaSoleHolderOfCredentialIsTheHolder() {
        Evidence e = evidence(agent("bot"), credential("c1", "bot"), decision(null, "c1"));
        List<CheckResult> results = run(check, e);
        assertThat(results).extracting(CheckResult::subjectId).containsExactly("bot");
        assertThat(results.get(0).result()).isEqualTo(Result.PASS);
    }

    @Test
    void credentialOfShadowAgentIsCitedWithItsSource() {
        Evidence e = evidence(credential("c1", "ghost"), decision(null, "c1"));
        CheckResult r = result(check, e, "ghost");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.evidence()).anySatisfy(ref -> {
            assertThat(ref.kind()).isEqualTo("credential");
            assertThat(ref.id()).isEqualTo("c1");
            assertThat(ref.source()).isNotNull();
        });
    }

    @Test
    void decommissionedButInventoriedAgentStillPassesAndSaysSo() {
        Evidence e = evidence(agent("old").decommissioned(Fixtures.daysAgo(30)), decision("old", null));
        CheckResult r = result(check, e, "old");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).contains("decommissioned");
    }

    @Test
    void oneResultPerPrincipalInIdOrderAndNoneWithoutDecisions() {
        Evidence e = evidence(agent("idle"), decision("zed", null), decision("alpha", null), decision("alpha", null).daysAgo(3));
        assertThat(run(check, e)).extracting(CheckResult::subjectId).containsExactly("alpha", "zed");
    }
}
