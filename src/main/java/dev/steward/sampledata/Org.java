package dev.steward.sampledata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The curated organisation while it is being built: people, inventoried agents, shadow principals (act in the logs,
 * absent from the inventory), credentials, each agent's activity and the expected check results. Credential ids are
 * given once the inventory is final, in holder order, so plants can add credentials anywhere.
 */
final class Org {

    final Instant asOf;
    final Instant windowStart;
    final List<PersonSpec> people = new ArrayList<>();
    final Map<String, AgentSpec> agents = new LinkedHashMap<>();
    final Map<String, AgentSpec> shadows = new LinkedHashMap<>();
    final List<CredentialSpec> credentials = new ArrayList<>();
    final Map<String, Activity> activities = new LinkedHashMap<>();
    final Expectations expect = new Expectations();
    /** Counts over the generated decisions; set once they exist, read by computed expectation reasons. */
    DecisionStats stats;

    Org(Instant asOf, int days) {
        this.asOf = asOf;
        this.windowStart = asOf.minus(Duration.ofDays(days));
    }

    /** {@code days} days before the as-of instant. */
    Instant ago(double days) {
        return asOf.minusSeconds(Math.round(days * 86_400));
    }

    /** {@code days} days before the as-of instant, at hh:mm UTC. */
    Instant ago(int days, int hour, int minute) {
        return asOf.minus(Duration.ofDays(days)).plusSeconds(hour * 3600L + minute * 60L);
    }

    AgentSpec agent(String id) {
        AgentSpec a = agents.get(id);
        if (a == null) {
            a = shadows.get(id);
        }
        if (a == null) {
            throw new NoSuchElementException("no agent " + id);
        }
        return a;
    }

    Activity activity(String agentId) {
        Activity a = activities.get(agentId);
        if (a == null) {
            throw new NoSuchElementException("no activity for " + agentId);
        }
        return a;
    }

    /** The credentials declaring the agent as a holder, in creation order. */
    List<CredentialSpec> credsOf(String agentId) {
        return credentials.stream().filter(c -> c.heldBy(agentId)).toList();
    }

    /** The n-th credential of an agent (creation order). */
    CredentialSpec cred(String agentId, int n) {
        return credsOf(agentId).get(n);
    }

    CredentialSpec newCredential(String holder) {
        CredentialSpec c = new CredentialSpec(credentials.size());
        if (holder != null) {
            c.holders.add(holder);
        }
        credentials.add(c);
        return c;
    }

    /** Active people of a team, in directory order. */
    List<String> activeTeamMembers(String team) {
        return people.stream().filter(p -> p.team().equals(team) && p.active()).map(PersonSpec::id).toList();
    }

    /**
     * Orders credentials by their first holder's inventory position (credentials without an inventoried holder
     * last), then creation order, and numbers them cred-0001, cred-0002, ...
     */
    void assignCredentialIds() {
        List<String> order = new ArrayList<>(agents.keySet());
        credentials.sort((x, y) -> {
            int cx = rank(order, x);
            int cy = rank(order, y);
            return cx != cy ? Integer.compare(cx, cy) : Integer.compare(x.order, y.order);
        });
        for (int i = 0; i < credentials.size(); i++) {
            credentials.get(i).id = String.format("cred-%04d", i + 1);
        }
    }

    private static int rank(List<String> order, CredentialSpec c) {
        int best = Integer.MAX_VALUE;
        for (String h : c.holders) {
            int i = order.indexOf(h);
            if (i >= 0) {
                best = Math.min(best, i);
            }
        }
        return best;
    }
}
