package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.Result;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class Crd2RotationCheckTest {

    private final Crd2RotationCheck check = new Crd2RotationCheck();

    @Test
    void rotatedExactly90DaysAgoPasses() {
        CheckResult r = result(check, evidence(credential("c1", "bot").created(daysAgo(400)).rotated(daysAgo(90))), "c1");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(r.reason()).isEqualTo("never-expiring credential last rotated 2026-08-03, 90 days ago (limit 90 days)");
    }

    @Test
    void rotatedLongerAgoFails() {
        assertThat(result(check, evidence(credential("c1", "bot").created(daysAgo(400)).rotated(daysAgo(91))), "c1").result())
                .isEqualTo(Result.FAIL);
    }

    @Test
    void neverRotatedCountsFromIssue() {
        CheckResult r = result(check, evidence(credential("c1", "bot").created(daysAgo(120))), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("never rotated since issue 2026-07-04");
        assertThat(result(check, evidence(credential("c1", "bot").created(daysAgo(20))), "c1").result()).isEqualTo(Result.PASS);
    }

    @Test
    void shortLivedIsNotApplicableAtTheThreshold() {
        assertThat(result(check, evidence(credential("c1", "bot").lifetime(Duration.ofHours(24))), "c1").result())
                .isEqualTo(Result.NOT_APPLICABLE);
        assertThat(result(check, evidence(credential("c1", "bot").lifetime(Duration.ofHours(25)).created(daysAgo(200))
                .expires(daysAgo(-1))), "c1").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void noDatesOrUnknownLifetimeIsInsufficient() {
        assertThat(result(check, evidence(credential("c1", "bot").created(null)), "c1").result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        CheckResult r = result(check, evidence(credential("c1", "bot").created(null).expires(daysAgo(-30)).rotated(daysAgo(200))), "c1");
        assertThat(r.result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(r.reason()).contains("cannot be told whether it is long-lived");
    }

    @Test
    void inactiveIsNotApplicable() {
        assertThat(result(check, evidence(credential("c1", "bot").created(daysAgo(400)).revoked(daysAgo(3))), "c1").result())
                .isEqualTo(Result.NOT_APPLICABLE);
    }
}
