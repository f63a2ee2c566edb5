package dev.steward.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The revocation latency's sentence, which every report format and the CLI print, in each case it has. */
class RevocationSummaryTest {

    private static String summary(long revoked, long late, int measured, Double p50, Double p95, Double max, boolean wholeRun) {
        return new GapReport.Revocation(revoked, late, measured, p50, p95, max, wholeRun).summary();
    }

    @Test
    void nothingRevokedSaysThereIsNothingToMeasure() {
        assertThat(summary(0, 0, 0, null, null, null, false))
                .isEqualTo("No credential was revoked by the as-of date: there is no revocation to measure.");
    }

    @Test
    void revokedCredentialsThatAllowedNothingAfterwards() {
        assertThat(summary(1, 0, 0, null, null, null, false))
                .isEqualTo("1 revoked credential: it allowed no decision after its revocation. It was not used beyond its"
                        + " grace period (LIF-4).");
        assertThat(summary(4, 1, 0, null, null, null, false)).isEqualTo("4 revoked credentials: none allowed a decision after"
                + " its revocation. 1 was used beyond the grace period (LIF-4 FAIL).");
    }

    @Test
    void measuredLatenciesAreGivenAsPercentilesInUnitsAPersonReads() {
        assertThat(summary(30, 2, 2, 120.0, 271_140.0, 271_140.0, false)).isEqualTo("30 revoked credentials: 2 allowed"
                + " decisions after their revocation; revocation to last allowed decision p50 2 min, p95 3 d 3 h, max 3 d 3 h."
                + " 2 were used beyond the grace period (LIF-4 FAIL).");
        assertThat(summary(3, 0, 1, 45.0, 45.0, 45.0, true)).isEqualTo("3 revoked credentials: 1 allowed decisions after its"
                + " revocation; revocation to last allowed decision p50 45 s, p95 45 s, max 45 s. None was used beyond its"
                + " grace period (LIF-4). Measured over the whole assessment: the report's filter does not narrow it.");
    }
}
