package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.credential;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.decision;
import static dev.steward.check.rules.Fixtures.evidence;
import static dev.steward.check.rules.Fixtures.params;
import static dev.steward.check.rules.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.evidence.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Lif4RevocationEnforcedCheckTest {

    private static final Instant REVOKED = Instant.parse("2026-10-01T10:00:00Z");
    private final Lif4RevocationEnforcedCheck check = new Lif4RevocationEnforcedCheck();

    @Test
    void nothingAllowedAfterRevocationPasses() {
        Evidence e = evidence(credential("c1", "bot").revoked(REVOKED).lastUsed(REVOKED.minusSeconds(60)),
                decision("bot", "c1").between(REVOKED.minusSeconds(3600), REVOKED.minusSeconds(60)),
                decision("bot", "c1").denied().between(REVOKED.plusSeconds(600), REVOKED.plusSeconds(900)));
        CheckResult r = result(check, e, "c1");
        assertThat(r.result()).isEqualTo(Result.PASS);
        assertThat(Lif4RevocationEnforcedCheck.latencies(e)).isEmpty();
    }

    @Test
    void allowedExactlyAtGraceEndPassesOneSecondLaterFails() {
        Evidence atDeadline = evidence(credential("c1", "bot").revoked(REVOKED),
                decision("bot", "c1").between(REVOKED.plusSeconds(100), REVOKED.plusSeconds(300)));
        CheckResult pass = result(check, atDeadline, "c1");
        assertThat(pass.result()).isEqualTo(Result.PASS);
        assertThat(pass.reason()).contains("5 min after revocation, within grace");
        Evidence late = evidence(credential("c1", "bot").revoked(REVOKED),
                decision("bot", "c1").count(12).tool("erp").action("pay").between(REVOKED.plusSeconds(100), REVOKED.plusSeconds(301)));
        CheckResult fail = result(check, late, "c1");
        assertThat(fail.result()).isEqualTo(Result.FAIL);
        assertThat(fail.reason()).contains("used after revoked 2026-10-01T10:00:00Z + 300 s", "12 allowed decisions",
                "last 2026-10-01T10:05:01Z (5 min 1 s after revocation)");
        assertThat(fail.evidence()).filteredOn(ref -> ref.kind().equals("decisions")).extracting(EvidenceRef::detail)
                .anySatisfy(d -> assertThat(d).contains("tool erp, action pay"));
    }

    @Test
    void lateLastUsedAtFails() {
        CheckResult r = result(check, evidence(credential("c1", "bot").revoked(REVOKED).lastUsed(REVOKED.plus(Duration.ofDays(2)))), "c1");
        assertThat(r.result()).isEqualTo(Result.FAIL);
        assertThat(r.reason()).contains("lastUsedAt 2026-10-03T10:00:00Z");
    }

    @Test
    void graceIsConfigurable() {
        Evidence e = evidence(credential("c1", "bot").revoked(REVOKED), decision("bot", "c1").between(REVOKED, REVOKED.plusSeconds(200)));
        assertThat(result(check, e, params(check, Map.of("revocationGraceSeconds", "60")), "c1").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void revokedWithoutTimeIsInsufficient() {
        CheckResult r = result(check, evidence(credential("c1", "bot").status("revoked")), "c1");
        assertThat(r.result()).isEqualTo(Result.INSUFFICIENT_EVIDENCE);
        assertThat(r.reason()).contains("revokedAt missing");
    }

    @Test
    void notRevokedOrScheduledRevocationIsNotApplicable() {
        assertThat(result(check, evidence(credential("c1", "bot")), "c1").result()).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(result(check, evidence(credential("c1", "bot").revoked(daysAgo(-2))), "c1").reason()).contains("scheduled");
        assertThat(result(check, evidence(credential("c1", "bot").expires(daysAgo(3))), "c1").result()).isEqualTo(Result.NOT_APPLICABLE);
    }

    @Test
    void latenciesMeasureRevocationToLastAllowedDecisionPerCredentialInIdOrder() {
        Evidence e = evidence(
                credential("c2", "bot").revoked(REVOKED),
                decision("bot", "c2").between(REVOKED.plusSeconds(30), REVOKED.plusSeconds(120)),
                decision("bot", "c2").denied().between(REVOKED.plusSeconds(30), REVOKED.plusSeconds(9000)),
                credential("c1", "bot").revoked(REVOKED),
                decision("bot", "c1").between(REVOKED.plusSeconds(30), REVOKED.plus(Duration.ofHours(2))),
                credential("c3", "bot").revoked(REVOKED),
                decision("bot", "c3").between(REVOKED.minusSeconds(500), REVOKED.minusSeconds(10)),
                credential("c4", "bot"),
                decision("bot", "c4"));
        assertThat(Lif4RevocationEnforcedCheck.latencies(e)).containsExactly(Duration.ofHours(2), Duration.ofSeconds(120));
    }
}
