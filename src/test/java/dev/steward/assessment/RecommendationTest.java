package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.Evidence;
import dev.steward.mapping.MappingSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The split strategy of CHECKS.md: governance first, rotation first, maintain. */
class RecommendationTest {

    static final Instant RECENT = Records.AS_OF.minusSeconds(86_400 * 10);
    static final Instant OLD = Records.AS_OF.minusSeconds(86_400 * 200);

    Map<String, TeamRecommendation> recommend(Evidence evidence, Check... checks) {
        List<Check> list = List.of(checks);
        MappingSet m = Frameworks.load(list, Frameworks.framework("f", Frameworks.control("C", null,
                list.stream().map(c -> c.id() + ":1").toArray(String[]::new))));
        Outcome o = new Assessor(CheckCatalog.of(list), m, CheckSettings.NONE, Thresholds.DEFAULT).assess(evidence, r -> { });
        return o.recommendations().stream().collect(Collectors.toMap(TeamRecommendation::team, Function.identity()));
    }

    @Test
    void eachTeamGetsTheRecommendationItsAgentsAndFailsCallFor() {
        Evidence e = new Records()
                // alpha: autonomous, live by a decision in the window, owner departed (OWN-2), orphaned credential (LIF-1)
                .agent("a1", Autonomy.AUTONOMOUS, "prod", "alpha", "p").credential("k1", "prod", "a1").decision("a1", "k1", "prod", 3)
                // beta: only a supervised agent; its credential never expires (CRD-1)
                .agent("b1", Autonomy.SUPERVISED, "prod", "beta", "p").credential("k2", "prod", RECENT, "b1")
                // gamma: autonomous with live access, only a rotation fail: the rule says maintain
                .agent("c1", Autonomy.AUTONOMOUS, "prod", "gamma", "p").credential("k3", "prod", RECENT, "c1")
                // delta: autonomous but its credential was last used long ago: no live access, so rotation first
                .agent("d1", Autonomy.AUTONOMOUS, "prod", "delta", "p").credential("k4", "prod", OLD, "d1")
                // epsilon: live through lastUsedAt inside the window
                .agent("e1", Autonomy.AUTONOMOUS, "dev", "epsilon", "p").credential("k5", "dev", RECENT, "e1")
                // no team, nothing failing
                .agent("n1", Autonomy.SUPERVISED, "dev", null, "p")
                .evidence();
        Check own2 = ScriptedCheck.of("OWN-2", Severity.HIGH, SubjectType.AGENT, "a1", Result.FAIL, "d1", Result.FAIL,
                "b1", Result.FAIL);
        Check lif1 = ScriptedCheck.of("LIF-1", Severity.CRITICAL, SubjectType.CREDENTIAL, "k1", Result.FAIL, "k5", Result.FAIL);
        Check crd1 = ScriptedCheck.of("CRD-1", Severity.HIGH, SubjectType.CREDENTIAL, "k2", Result.FAIL, "k3", Result.FAIL,
                "k1", Result.FAIL);
        Check crd2 = ScriptedCheck.of("CRD-2", Severity.MEDIUM, SubjectType.CREDENTIAL, "k4", Result.FAIL);

        Map<String, TeamRecommendation> r = recommend(e, own2, lif1, crd1, crd2);

        assertThat(r.get("alpha").recommendation()).isEqualTo(Recommendation.GOVERNANCE_FIRST);
        assertThat(r.get("alpha").checks()).containsExactly("OWN-2", "LIF-1");
        assertThat(r.get("alpha").subjects()).extracting(TeamRecommendation.SubjectRef::subjectId).containsExactly("a1", "k1");
        assertThat(r.get("alpha").autonomousAgentsWithLiveAccess()).isEqualTo(1);
        assertThat(r.get("beta").recommendation()).isEqualTo(Recommendation.ROTATION_FIRST);
        assertThat(r.get("beta").checks()).as("OWN-2 on a supervised agent does not count").containsExactly("CRD-1");
        assertThat(r.get("gamma").recommendation()).isEqualTo(Recommendation.MAINTAIN);
        assertThat(r.get("gamma").checks()).isEmpty();
        assertThat(r.get("delta").recommendation()).isEqualTo(Recommendation.ROTATION_FIRST);
        assertThat(r.get("delta").autonomousAgentsWithLiveAccess()).isZero();
        assertThat(r.get("delta").subjects()).extracting(TeamRecommendation.SubjectRef::checkId).containsExactly("CRD-2");
        assertThat(r.get("epsilon").recommendation()).isEqualTo(Recommendation.GOVERNANCE_FIRST);
        assertThat(r.get(RollupEntry.NONE).recommendation()).isEqualTo(Recommendation.MAINTAIN);
        assertThat(r.keySet()).containsExactlyInAnyOrder("alpha", "beta", "gamma", "delta", "epsilon", RollupEntry.NONE);
    }

    /** A sharded run works out the teams' facts ahead on another thread and hands them over: the ones used. */
    @Test
    void teamsWorkedOutAheadAreWhatItWouldWorkOutAndWhatItUses() {
        Evidence e = new Records()
                .agent("a1", Autonomy.AUTONOMOUS, "prod", "alpha", "p").credential("k1", "prod", "a1")
                .decision("a1", "k1", "prod", 3)
                .agent("a2", Autonomy.SUPERVISED, "prod", "alpha", "p").credential("k2", "prod", RECENT, "a2")
                .agent("d1", Autonomy.AUTONOMOUS, "prod", "delta", "p").credential("k4", "prod", OLD, "d1")
                .evidence();
        List<Recommender.Team> teams = new Recommender(e).teams();
        assertThat(teams).containsExactly(
                new Recommender.Team("alpha", 2, Set.of("a1"), Set.of("k1", "k2"), Set.of("k1")),
                new Recommender.Team("delta", 1, Set.of(), Set.of("k4"), Set.of()));
        Recommender ahead = new Recommender(e);
        ahead.prepared(teams);
        assertThat(ahead.recommendations()).isEqualTo(new Recommender(e).recommendations()).hasSize(2);
        Recommender handedOne = new Recommender(e);
        handedOne.prepared(teams.subList(1, 2));
        assertThat(handedOne.recommendations()).as("the teams handed over, not worked out again")
                .extracting(TeamRecommendation::team).containsExactly("delta");
    }

    @Test
    void aRevokedCredentialGivesNoLiveAccess() {
        Records rec = new Records().agent("a1", Autonomy.AUTONOMOUS, "prod", "alpha", "p");
        rec.credentials.add(new dev.steward.evidence.CredentialRecord("k1", "token", List.of("a1"), "prod", null, "vault", null,
                List.of(), OLD, null, null, null, RECENT, "revoked", RECENT, null, null, Records.src("k1")));
        Check own2 = ScriptedCheck.of("OWN-2", Severity.HIGH, SubjectType.AGENT, "a1", Result.FAIL);
        assertThat(recommend(rec.evidence(), own2).get("alpha").recommendation()).isEqualTo(Recommendation.MAINTAIN);
    }
}
