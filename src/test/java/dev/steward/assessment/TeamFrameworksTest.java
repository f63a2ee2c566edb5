package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.CheckCatalog;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.Evidence;
import dev.steward.mapping.MappingLoader;
import dev.steward.mapping.MappingSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each team's framework scores are the framework scores of its subjects alone: what an assessment of an organisation
 * holding only that team gives, variants of the mappings and all.
 */
class TeamFrameworksTest {

    private static final CheckCatalog CATALOG = CheckCatalog.of(CheckCatalog.allChecks());
    private static final MappingSet MAPPINGS = new MappingLoader(CheckCatalog.allChecks()).load(Optional.empty());

    /** Two teams with nothing in common: their own people, agents, credentials and decisions. */
    private static Records payments(Records r) {
        return r.person("p-ana", "p-boss").person("p-boss", null)
                .departed("p-gone", Records.AS_OF.minusSeconds(86_400 * 30))
                .agent("invoice-bot", Autonomy.AUTONOMOUS, "prod", "payments", "p-ana")
                .agent("orphan-bot", Autonomy.SUPERVISED, "dev", "payments", "p-gone")
                .credential("k-invoice", "prod", "invoice-bot").credential("k-orphan", "dev", "orphan-bot")
                .credential("k-unused", "prod", Records.AS_OF.minusSeconds(86_400 * 200), "invoice-bot")
                .decision("invoice-bot", "k-invoice", "prod", 40).decision("orphan-bot", "k-orphan", "dev", 3);
    }

    private static Records identity(Records r) {
        return r.person("p-ida", "p-ivan").person("p-ivan", null)
                .agent("sync-bot", Autonomy.HUMAN_IN_THE_LOOP, "prod", "identity", "p-ida")
                .agent("audit-bot", Autonomy.AUTONOMOUS, "staging", "identity", "p-ida")
                .credential("k-sync", "prod", "sync-bot").credential("k-audit", "staging", "audit-bot")
                .decision("sync-bot", "k-sync", "prod", 12).decision("audit-bot", "k-audit", "staging", 7);
    }

    private static Outcome assess(Evidence evidence) {
        return new Assessor(CATALOG, MAPPINGS, CheckSettings.NONE, Thresholds.DEFAULT).assess(evidence, r -> {
        });
    }

    @Test
    void aTeamsFrameworkScoresAreThoseOfAnAssessmentOfTheTeamAlone() {
        Outcome both = assess(identity(payments(new Records())).decision("shadow", null, "prod", 2).evidence());
        Map<String, TeamFrameworks> byTeam = both.teamFrameworks().stream()
                .collect(Collectors.toMap(TeamFrameworks::team, Function.identity()));
        assertThat(both.teamFrameworks()).extracting(TeamFrameworks::team)
                .as("by team, the shadow agent's results under (none)")
                .containsExactly(RollupEntry.NONE, "identity", "payments");

        Outcome paymentsAlone = assess(payments(new Records()).evidence());
        Outcome identityAlone = assess(identity(new Records()).evidence());
        assertThat(whole(byTeam.get("payments"), both)).isEqualTo(paymentsAlone.frameworks());
        assertThat(whole(byTeam.get("identity"), both)).isEqualTo(identityAlone.frameworks());
        // and they tell the teams apart: the orphaned agent and its credential fail payments' controls only
        assertThat(byTeam.get("payments").frameworks()).isNotEqualTo(byTeam.get("identity").frameworks());
        assertThat(notSatisfied(byTeam.get("payments"))).isGreaterThan(notSatisfied(byTeam.get("identity")));
        // the run's own framework scores stay those of every subject together
        assertThat(both.frameworks()).isNotEqualTo(paymentsAlone.frameworks());
    }

    @Test
    void anOrganisationOfOneTeamScoresTheSameAsThatTeam() {
        Outcome o = assess(payments(new Records()).evidence());
        assertThat(o.teamFrameworks()).singleElement().satisfies(t -> {
            assertThat(t.team()).isEqualTo("payments");
            assertThat(whole(t, o)).isEqualTo(o.frameworks());
            assertThat(t.frameworks()).extracting(TeamFrameworks.Score::framework)
                    .containsExactlyElementsOf(MAPPINGS.frameworks().keySet());
        });
        assertThat(o.frameworks()).extracting(FrameworkScore::framework)
                .containsExactlyElementsOf(MAPPINGS.frameworks().keySet());
    }

    private static int notSatisfied(TeamFrameworks t) {
        return t.frameworks().stream().mapToInt(TeamFrameworks.Score::notSatisfied).sum();
    }

    /** A team's framework scores made whole with the run's names, versions and scope counts. */
    static java.util.List<FrameworkScore> whole(TeamFrameworks t, Outcome run) {
        java.util.List<FrameworkScore> out = new java.util.ArrayList<>();
        for (int i = 0; i < t.frameworks().size(); i++) {
            out.add(t.frameworks().get(i).with(run.frameworks().get(i)));
        }
        return out;
    }
}
