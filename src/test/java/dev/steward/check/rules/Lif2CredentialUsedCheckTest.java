package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.params;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Lif2CredentialUsedCheckTest {

    private final Lif2CredentialUsedCheck check = new Lif2CredentialUsedCheck();

    @Test
    void usedExactly90DaysAgoPassesOneSecondEarlierFails() {
        assertThat(result(check, evidence(credential("c1", "bot").created(daysAgo(300)).lastUsed(daysAgo(90))), "c1").result())
                .isEqualTo(Result.PASS);
        CheckResult idle = result(check, evidence(credential("c1", "bot").created(daysAgo(300))
                .lastUsed(daysAgo(90).minus(Duration.ofSeconds(1)))), "c1");
        assertThat(idle.result()).isEqualTo(Result.FAIL);
        assertThat(idle.reason()).isEqualTo("idle: last used 2026-08-02, 90 days ago (limit 90 days)");
    }

    @Test
    void lastDecisionCountsWhenLaterThanLastUsedAt() {
        CheckResult r = result(check, evidence(credential("c1", "bot").created(daysAgo(300)).lastUsed(daysAgo(200)),
                decision("bot", "c1").daysAgo(5).denied()), "c1");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).contains("last used 2026-10-27");
        assertThat(r.evidence()).anySatisfy(ref -> assertThat(ref.kind()).isEqualTo("decisions"));
    }

    @Test
    void neverUsedYoungPassesOldFails() {
        assertThat(result(check, evidence(credential("c1", "bot").created(daysAgo(30))), "c1").result()).isEqualTo(Result.PASS);
        CheckResult old = result(check, evidence(credential("c1", "bot").created(daysAgo(91))), "c1");
        assertThat(old.result()).isEqualTo(Result.FAIL);
        assertThat(old.reason()).startsWith("never used, issued 2026-08-02");
        assertThat(result(check, evidence(credential("c1", "bot").created(daysAgo(90))), "c1").result()).isEqualTo(Result.PASS);
    }

    @Test
    void neverUsedWithoutIssueDateIsInsufficient() {
        assertThat(result(check, evidence(credential("c1", "bot").created(null)), "c1").result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
    }

    @Test
    void inactiveIsNotApplicable() {
        assertThat(result(check, evidence(credential("c1", "bot").revoked(daysAgo(1))), "c1").result()).isEqualTo(Result.NOT_APPLICABLE);
    }

    @Test
    void maxIdleDaysIsConfigurable() {
        var r = result(check, evidence(credential("c1", "bot").lastUsed(daysAgo(40))), params(check, Map.of("maxIdleDays", "30")), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
    }
}
