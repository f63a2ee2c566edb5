package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.agent;
import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.envParams;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import dev.steward.evidence.Autonomy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Crd1CredentialLifetimeCheckTest {

    private final Crd1CredentialLifetimeCheck check = new Crd1CredentialLifetimeCheck();

    @Test
    void autonomousHolderAllowsExactlyOneHour() {
        var pass = result(check, evidence(agent("bot").autonomy(Autonomy.AUTONOMOUS), credential("c1", "bot").lifetime(Duration.ofHours(1))), "c1");
        assertThat(pass.result()).isEqualTo(Result.PASS);
        CheckResult fail = result(check, evidence(agent("bot").autonomy(Autonomy.AUTONOMOUS),
                credential("c1", "bot").lifetime(Duration.ofHours(1).plusSeconds(1))), "c1");
        assertThat(fail.result()).isEqualTo(Result.FAIL);
        assertThat(fail.reason()).isEqualTo("lifetime 1 h 1 s exceeds limit 1 h, autonomous holder bot");
    }

    @Test
    void supervisedAllows24HoursOthers90Days() {
        assertThat(result(check, evidence(agent("bot"), credential("c1", "bot").lifetime(Duration.ofHours(24))), "c1").result())
                .isEqualTo(Result.PASS);
        assertThat(result(check, evidence(agent("bot"), credential("c1", "bot").lifetime(Duration.ofHours(25))), "c1").result())
                .isEqualTo(Result.FAIL);
        assertThat(result(check, evidence(agent("bot").autonomy(Autonomy.HUMAN_IN_THE_LOOP),
                credential("c1", "bot").lifetime(Duration.ofDays(90))), "c1").result()).isEqualTo(Result.PASS);
        assertThat(result(check, evidence(agent("bot").autonomy(null), credential("c1", "bot").lifetime(Duration.ofDays(91))), "c1")
                .result()).isEqualTo(Result.FAIL);
    }

    @Test
    void strictestHolderApplies() {
        CheckResult r = result(check, evidence(agent("a").autonomy(Autonomy.HUMAN_IN_THE_LOOP), agent("b").autonomy(Autonomy.AUTONOMOUS),
                agent("c"), credential("c1", "a", "b", "c").lifetime(Duration.ofHours(2))), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("autonomous holder b");
    }

    @Test
    void ttlIsTheLifetimeWithoutExpiry() {
        assertThat(result(check, evidence(agent("bot").autonomy(Autonomy.AUTONOMOUS), credential("c1", "bot").ttl(900L)), "c1").result())
                .isEqualTo(Result.PASS);
    }

    @Test
    void neverExpiringFails() {
        CheckResult r = result(check, evidence(agent("bot"), credential("c1", "bot")), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).startsWith("never expires");
    }

    @Test
    void expiryWithoutIssueDateIsInsufficientNotNeverExpiring() {
        CheckResult r = result(check, evidence(agent("bot"), credential("c1", "bot").created(null).expires(daysAgo(-30))), "c1");
        assertThat(r.result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(r.reason()).startsWith("expires 2026-12-01 but the issue date (createdAt) is unknown");
    }

    @Test
    void perEnvironmentOverride() {
        var e = evidence(agent("bot").autonomy(Autonomy.AUTONOMOUS),
                credential("dev-c", "bot").env("dev").lifetime(Duration.ofHours(8)),
                credential("prod-c", "bot").env("prod").lifetime(Duration.ofHours(8)));
        var p = envParams(check, "dev", Map.of("maxLifetimeAutonomous", "PT8H"));
        assertThat(result(check, e, p, "dev-c").result()).isEqualTo(Result.PASS);
        assertThat(result(check, e, p, "prod-c").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void inactiveIsNotApplicable() {
        assertThat(result(check, evidence(agent("bot"), credential("c1", "bot").revoked(daysAgo(1))), "c1").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
