package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.envParams;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.person;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.SubjectType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Lif1NoOrphanedCredentialCheckTest {

    private final Lif1NoOrphanedCredentialCheck check = new Lif1NoOrphanedCredentialCheck();

    @Test
    void activeCredentialOfLiveAgentWithActiveOwnerPasses() {
        CheckResult r = result(check, evidence(agent("bot").owner("p-ana"), person("p-ana"), credential("c1", "bot")), "c1");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.subjectType()).isEqualTo(SubjectType.CREDENTIAL);
    }

    @Test
    void heldByDecommissionedAgentFails() {
        CheckResult r = result(check, evidence(agent("old").decommissioned(daysAgo(20)), credential("c1", "old")), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("decommissioned agent old (decommissioned 2026-10-12)");
        assertThat(r.evidence()).extracting(EvidenceRef::id).contains("c1", "old");
    }

    @Test
    void ownerDepartedExactlyGraceDaysAgoPassesOneSecondMoreFails() {
        CheckResult within = result(check, evidence(agent("bot").owner("p-ana"), person("p-ana").departed(daysAgo(7)),
                credential("c1", "bot")), "c1");
        assertThat(within.result()).isEqualTo(Result.PASS);
        assertThat(within.reason()).contains("within the 7-day grace");
        CheckResult beyond = result(check, evidence(agent("bot").owner("p-ana"),
                person("p-ana").departed(daysAgo(7).minus(Duration.ofSeconds(1))), credential("c1", "bot")), "c1");
        assertThat(beyond.result()).isEqualTo(Result.FAIL);
        assertThat(beyond.reason()).contains("owner p-ana of bot departed 2026-10-24");
    }

    @Test
    void graceIsResolvedForTheCredentialEnvironment() {
        var e = evidence(agent("bot").owner("p-ana"), person("p-ana").departed(daysAgo(3)),
                credential("prod-c", "bot").env("prod"), credential("dev-c", "bot").env("dev"));
        var p = envParams(check, "prod", Map.of("ownerDepartureGraceDays", "1"));
        assertThat(result(check, e, p, "prod-c").result()).isEqualTo(Result.FAIL);
        assertThat(result(check, e, p, "dev-c").result()).isEqualTo(Result.PASS);
    }

    @Test
    void inactiveCredentialIsNotApplicable() {
        CheckResult r = result(check, evidence(agent("old").decommissioned(daysAgo(20)), credential("c1", "old").revoked(daysAgo(19))), "c1");
        assertThat(r.result()).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(r.reason()).isEqualTo("credential revoked 2026-10-13");
        assertThat(result(check, evidence(credential("c2", "x").expires(daysAgo(1))), "c2").reason()).contains("expired");
    }

    @Test
    void noHolderUnknownHolderOrUndatedDepartureIsInsufficient() {
        assertThat(result(check, evidence(credential("c1")), "c1").result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(result(check, evidence(credential("c1", "ghost")), "c1").reason()).contains("ghost is not in the inventory");
        assertThat(result(check, evidence(agent("bot").owner("p-ana"), person("p-ana").status("departed"), credential("c1", "bot")), "c1")
                .result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
    }

    @Test
    void oneBadHolderOfASharedCredentialFailsEvenIfAnotherIsUnknown() {
        CheckResult r = result(check, evidence(agent("old").decommissioned(daysAgo(2)), credential("c1", "ghost", "old")), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
    }
}
