package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckCatalog;
import dev.steward.evidence.Autonomy;
import dev.steward.mapping.MappingLoader;
import dev.steward.mapping.MappingSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How quickly each team's access is cut off: LIF-4's revoked credentials, FAILs and measured latencies split by the
 * team the run gives each credential, which together are the run's own figures.
 */
class TeamRevocationTest {

    private static final CheckCatalog CATALOG = CheckCatalog.of(CheckCatalog.allChecks());
    private static final MappingSet MAPPINGS = new MappingLoader(CheckCatalog.allChecks()).load(Optional.empty());
    private static final long DAY = 86_400;

    @Test
    void eachTeamsRevokedCredentialsAndLatenciesTogetherAreTheRunsOwn() {
        // decisions fall 3 days before the as-of, an hour into that day (Records.decision)
        Instant tenDaysAgo = Records.AS_OF.minusSeconds(10 * DAY);
        Instant fiveDaysAgo = Records.AS_OF.minusSeconds(5 * DAY);
        Instant yesterday = Records.AS_OF.minusSeconds(DAY);
        Records r = new Records().person("p-ana", null).person("p-ida", null)
                .agent("invoice-bot", Autonomy.AUTONOMOUS, "prod", "payments", "p-ana")
                .agent("refund-bot", Autonomy.SUPERVISED, "prod", "payments", "p-ana")
                .agent("sync-bot", Autonomy.AUTONOMOUS, "prod", "identity", "p-ida")
                // payments: one revoked and used 7 days on, one revoked and used 2 days on, one revoked and idle
                .revoked("k-invoice", "prod", tenDaysAgo, "invoice-bot")
                .revoked("k-refund", "prod", fiveDaysAgo, "refund-bot")
                .revoked("k-idle", "prod", tenDaysAgo, "refund-bot")
                // identity: revoked after its last use, so nothing to measure
                .revoked("k-sync", "prod", yesterday, "sync-bot")
                // no holder, so no team: used after its revocation by an agent nobody inventoried
                .revoked("k-loose", "prod", tenDaysAgo)
                .decision("invoice-bot", "k-invoice", "prod", 4).decision("refund-bot", "k-refund", "prod", 2)
                .decision("sync-bot", "k-sync", "prod", 9).decision("shadow", "k-loose", "prod", 1);
        Outcome o = new Assessor(CATALOG, MAPPINGS, CheckSettings.NONE, Thresholds.DEFAULT).assess(r.evidence(), a -> {
        });
        Map<String, TeamRevocation> byTeam = o.teamRevocations().stream()
                .collect(Collectors.toMap(TeamRevocation::team, Function.identity()));
        assertThat(o.teamRevocations()).extracting(TeamRevocation::team)
                .containsExactly(RollupEntry.NONE, "identity", "payments");

        double sevenDaysAndAnHour = 7 * DAY + 3600;
        TeamRevocation payments = byTeam.get("payments");
        assertThat(payments.revoked()).isEqualTo(3);
        assertThat(payments.late()).isEqualTo(2);
        assertThat(payments.latencySeconds()).containsExactlyInAnyOrder(sevenDaysAndAnHour,
                2.0 * DAY + 3600);
        assertThat(byTeam.get("identity")).isEqualTo(new TeamRevocation("identity", 1, 0, List.of()));
        assertThat(byTeam.get(RollupEntry.NONE).latencySeconds()).containsExactly(sevenDaysAndAnHour);

        // together: the run's revocation latency and LIF-4's counts
        TeamRevocation.Merged all = TeamRevocation.merge(o.teamRevocations());
        assertThat(all.latency()).isEqualTo(o.revocationLatency());
        CheckScore lif4 = o.checks().stream().filter(c -> c.checkId().equals("LIF-4")).findFirst().orElseThrow();
        assertThat(all.revoked()).isEqualTo(lif4.results().total() - lif4.results().notApplicable()).isEqualTo(5);
        assertThat(all.late()).isEqualTo(lif4.results().fail()).isEqualTo(3);
        // one team alone: its own percentiles, not the run's
        RevocationLatency mine = TeamRevocation.merge(List.of(payments)).latency();
        assertThat(mine.measured()).isEqualTo(2);
        assertThat(mine.maxSeconds()).isEqualTo(sevenDaysAndAnHour);
        assertThat(mine.p50Seconds()).isEqualTo(2.0 * DAY + 3600);
        assertThat(o.revocationLatency().measured()).isEqualTo(3);
    }
}
