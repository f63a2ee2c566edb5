package dev.steward.assessment;

import dev.steward.check.CheckCatalog;
import dev.steward.check.Result;
import dev.steward.check.SubjectType;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.Autonomy;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The split strategy of CHECKS.md ("Prioritisation"), per team of the inventory (agents without a team form
 * {@value RollupEntry#NONE}). It reads the FAILs of the default variant:
 * <ul>
 * <li><b>governance first</b> when the team has autonomous agents with live access and any of
 * {@link #GOVERNANCE} FAILs for those agents or for credentials they hold;</li>
 * <li><b>rotation first</b> when it has no autonomous agent with live access and any of {@link #ROTATION} FAILs on
 * a credential held by one of its agents;</li>
 * <li><b>maintain</b> otherwise.</li>
 * </ul>
 * Live access (CHECKS.md): an active credential used within the window, i.e. named by a decision of the window or
 * with lastUsedAt in [windowStart, asOf]. Decommissioned agents count when they still have live access: that is the
 * case governance must fix first.
 */
final class Recommender {

    static final Set<String> GOVERNANCE = Set.of("OWN-1", "OWN-2", "IDN-1", "IDN-2", "LIF-1", "LIF-3", "LIF-4", "AUT-1", "AUT-3");
    static final Set<String> ROTATION = Set.of("CRD-1", "CRD-2", "CRD-3", "CRD-4");

    private final Evidence evidence;
    private final java.util.function.Predicate<String> named;
    private final Map<String, List<String>> agentFails = new HashMap<>();
    private final Map<String, List<String>> credentialFails = new HashMap<>();
    /** {@link #teams()} worked out ahead, or null. */
    private List<Team> prepared;

    Recommender(Evidence evidence) {
        this(evidence, id -> !evidence.decisionsOfCredential(id).isEmpty());
    }

    /** With {@code named} telling whether a decision of the window names a credential (a sharded window's answer). */
    Recommender(Evidence evidence, java.util.function.Predicate<String> named) {
        this.evidence = evidence;
        this.named = named;
    }

    /** Takes note of a default-variant result. */
    void add(AssessedResult r) {
        if (r.result() == Result.FAIL && (GOVERNANCE.contains(r.checkId()) || ROTATION.contains(r.checkId()))) {
            Map<String, List<String>> bySubject = r.subjectType() == SubjectType.AGENT ? agentFails
                    : r.subjectType() == SubjectType.CREDENTIAL ? credentialFails : null;
            if (bySubject != null) {
                bySubject.computeIfAbsent(r.subjectId(), k -> new ArrayList<>()).add(r.checkId());
            }
        }
    }

    /**
     * Every team's recommendation, from the FAILs taken so far and the teams' facts: those {@link #prepared} ahead,
     * else worked out now.
     */
    List<TeamRecommendation> recommendations() {
        List<Team> teams = prepared != null ? prepared : teams();
        List<TeamRecommendation> out = new ArrayList<>(teams.size());
        for (Team t : teams) {
            out.add(recommend(t));
        }
        return List.copyOf(out);
    }

    /**
     * Hands over {@link #teams()} worked out ahead (a sharded run's replay thread that is done first does it while the
     * other still takes results; it needs none of the FAILs). Called on the thread that then asks for the
     * {@link #recommendations()}, after the one that worked them out is done.
     */
    void prepared(List<Team> teams) {
        this.prepared = teams;
    }

    /**
     * What each team's recommendation needs of the inventory and the window (none of the run's results): its agents,
     * those autonomous with live access, the credentials its agents hold and those its autonomous live agents hold,
     * teams in name order. About half a second of a 100k-agent run's end, where the calling thread would do it alone.
     * The sets are hash sets: only their members matter ({@link #failing} sorts what it finds), and tree sets of 300k
     * credential ids, a string compare per step, were most of this at 100k agents.
     */
    List<Team> teams() {
        Map<String, List<AgentRecord>> byTeam = new TreeMap<>();
        for (AgentRecord a : evidence.agents().values()) {
            String team = a.team() == null || a.team().isBlank() ? RollupEntry.NONE : a.team();
            byTeam.computeIfAbsent(team, k -> new ArrayList<>()).add(a);
        }
        List<Team> out = new ArrayList<>(byTeam.size());
        byTeam.forEach((team, agents) -> {
            Set<String> autonomousLive = new HashSet<>();
            Set<String> teamCredentials = new HashSet<>();
            for (AgentRecord a : agents) {
                List<CredentialRecord> held = evidence.heldCredentials(a.id());
                teamCredentials.addAll(CredentialRecord.ids(held));
                if (a.autonomy() == Autonomy.AUTONOMOUS && held.stream().anyMatch(this::live)) {
                    autonomousLive.add(a.id());
                }
            }
            Set<String> theirCredentials = new HashSet<>();
            autonomousLive.forEach(id -> theirCredentials.addAll(evidence.credentialsHeldBy(id)));
            out.add(new Team(team, agents.size(), autonomousLive, teamCredentials, theirCredentials));
        });
        return out;
    }

    /** A team of the inventory as {@link #teams()} describes it. */
    record Team(String name, int agents, Set<String> autonomousLive, Set<String> credentials,
            Set<String> autonomousLiveCredentials) {
    }

    /** One team's recommendation. */
    private TeamRecommendation recommend(Team team) {
        List<TeamRecommendation.SubjectRef> behind;
        Recommendation recommendation = Recommendation.MAINTAIN;
        if (!team.autonomousLive().isEmpty()) {
            behind = failing(GOVERNANCE, team.autonomousLive(), team.autonomousLiveCredentials());
            if (!behind.isEmpty()) {
                recommendation = Recommendation.GOVERNANCE_FIRST;
            }
        } else {
            behind = failing(ROTATION, Set.of(), team.credentials());
            if (!behind.isEmpty()) {
                recommendation = Recommendation.ROTATION_FIRST;
            }
        }
        if (recommendation == Recommendation.MAINTAIN) {
            behind = List.of();
        }
        Set<String> checks = new LinkedHashSet<>();
        behind.forEach(s -> checks.add(s.checkId()));
        return new TeamRecommendation(team.name(), recommendation, team.agents(), team.autonomousLive().size(),
                List.copyOf(checks), behind.subList(0, Math.min(behind.size(), TeamRecommendation.MAX_LISTED)),
                behind.size());
    }

    /** FAILs of the given checks on the given agents or credentials, in catalog order then subject id. */
    private List<TeamRecommendation.SubjectRef> failing(Set<String> checkIds, Set<String> agentIds, Set<String> credentialIds) {
        List<TeamRecommendation.SubjectRef> out = new ArrayList<>();
        for (String agent : agentIds) {
            for (String checkId : agentFails.getOrDefault(agent, List.of())) {
                if (checkIds.contains(checkId)) {
                    out.add(new TeamRecommendation.SubjectRef(checkId, SubjectType.AGENT, agent));
                }
            }
        }
        for (String credential : credentialIds) {
            for (String checkId : credentialFails.getOrDefault(credential, List.of())) {
                if (checkIds.contains(checkId)) {
                    out.add(new TeamRecommendation.SubjectRef(checkId, SubjectType.CREDENTIAL, credential));
                }
            }
        }
        out.sort(Comparator.comparing(TeamRecommendation.SubjectRef::checkId, CheckCatalog.ID_ORDER)
                .thenComparing(TeamRecommendation.SubjectRef::subjectType)
                .thenComparing(TeamRecommendation.SubjectRef::subjectId));
        return out;
    }

    private boolean live(CredentialRecord c) {
        if (!c.active(evidence.asOf())) {
            return false;
        }
        if (named.test(c.id())) {
            return true;
        }
        Instant used = c.lastUsedAt();
        return used != null && !used.isBefore(evidence.windowStart()) && !used.isAfter(evidence.asOf());
    }
}
