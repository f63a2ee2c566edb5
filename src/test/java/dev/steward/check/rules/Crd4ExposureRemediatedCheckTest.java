package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.result;
import static dev.steward.check.rules.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import org.junit.jupiter.api.Test;

class Crd4ExposureRemediatedCheckTest {

    private final Crd4ExposureRemediatedCheck check = new Crd4ExposureRemediatedCheck();

    @Test
    void notExposedPasses() {
        assertThat(result(check, evidence(credential("c1", "bot")), "c1").reason()).isEqualTo("no exposure known");
    }

    @Test
    void declaredExposureNotRemediatedFails() {
        CheckResult r = result(check, evidence(credential("c1", "bot").exposed(daysAgo(30), "public repository").rotated(daysAgo(60))), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).isEqualTo("declared exposed in public repository on 2026-10-02; not revoked and last rotated 2026-09-02, before the exposure");
    }

    @Test
    void rotationAfterExposurePasses() {
        assertThat(result(check, evidence(credential("c1", "bot").exposed(daysAgo(30), "repo").rotated(daysAgo(29))), "c1").result())
                .isEqualTo(Result.PASS);
    }

    @Test
    void secretFoundAtIngestionCountsAsExposureAtFoundAt() {
        CheckResult r = result(check, evidence(credential("c1", "bot").rotated(daysAgo(10)), secret("c1", daysAgo(5))), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.evidence()).extracting(EvidenceRef::kind).contains("secret");
        assertThat(result(check, evidence(credential("c1", "bot").rotated(daysAgo(4)), secret("c1", daysAgo(5))), "c1").result())
                .isEqualTo(Result.PASS);
        assertThat(result(check, evidence(credential("c1", "bot"), secret("other", daysAgo(5))), "c1").result()).isEqualTo(Result.PASS);
    }

    @Test
    void latestExposureCounts() {
        assertThat(result(check, evidence(credential("c1", "bot").exposed(daysAgo(30), "repo").rotated(daysAgo(20)),
                secret("c1", daysAgo(10))), "c1").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void revokedCredentialPassesWhicheverCameFirst() {
        CheckResult after = result(check, evidence(credential("c1", "bot").exposed(daysAgo(30), "repo").revoked(daysAgo(29))), "c1");
        assertThat(after.result()).isEqualTo(Result.PASS);
        assertThat(after.reason()).endsWith("after the exposure");
        CheckResult before = result(check, evidence(credential("c1", "bot").revoked(daysAgo(29)), secret("c1", daysAgo(1))), "c1");
        assertThat(before.result()).isEqualTo(Result.PASS);
        assertThat(before.reason()).contains("no longer works");
    }

    @Test
    void unknownExposureTimeWithRotationIsInsufficientWithoutIsFail() {
        assertThat(result(check, evidence(credential("c1", "bot").exposed(null, "pastebin").rotated(daysAgo(3))), "c1").result())
                .isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(result(check, evidence(credential("c1", "bot").exposed(null, "pastebin")), "c1").result()).isEqualTo(Result.FAIL);
    }
}
