package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Idn2SingleHolderCheckTest {

    private final Idn2SingleHolderCheck check = new Idn2SingleHolderCheck();

    @Test
    void oneHolderUsingItAlonePasses() {
        CheckResult r = result(check, evidence(credential("c1", "bot"), decision("bot", "c1").count(3), decision(null, "c1")), "c1");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).isEqualTo("held by bot only; 4 decisions, all by bot");
    }

    @Test
    void oneHolderWithoutDecisionsPasses() {
        assertThat(result(check, evidence(credential("c1", "bot")), "c1").reason()).contains("no decisions in the window");
    }

    @Test
    void sharedCredentialFails() {
        CheckResult r = result(check, evidence(credential("c1", "a", "b", "c")), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("shared by 3 agents: a, b, c");
    }

    @Test
    void noHolderFails() {
        assertThat(result(check, evidence(credential("c1")), "c1").reason()).isEqualTo("no holder declared");
    }

    @Test
    void usedByAnotherAgentFailsAndCitesThoseDecisions() {
        CheckResult r = result(check, evidence(credential("c1", "bot"), decision("bot", "c1"),
                decision("intruder", "c1").count(5).denied()), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("declared holder bot but also used by intruder (5 decisions)");
        assertThat(r.evidence()).filteredOn(ref -> ref.kind().equals("decisions")).extracting(EvidenceRef::id)
                .containsExactly("agent=intruder;credential=c1;days=2026-10-31");
    }

    @Test
    void inactiveAndUnusedIsNotApplicableButInactiveInLogsIsJudged() {
        assertThat(result(check, evidence(credential("c1", "a", "b").revoked(daysAgo(10))), "c1").result()).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(result(check, evidence(credential("c1", "a", "b").revoked(daysAgo(10)), decision("a", "c1").daysAgo(20)), "c1")
                .result()).isEqualTo(Result.FAIL);
    }
}
