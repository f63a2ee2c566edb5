package dev.steward.report;

import java.util.List;
import java.util.Optional;

/**
 * The ownership report: headline counts, the owners per manager and team, and the agents twice: {@code byOwner} in
 * manager, team, owner, agent order (the per-manager section) and {@code agents} in id order (the full records).
 * Both are re-iterable and build each row on demand, so a report of any size holds one row at a time.
 */
public record OwnershipReport(List<Headline> headlines, List<OwnerSummary> owners, long agentCount,
        Iterable<AgentRow> byOwner, Iterable<AgentRow> agents) {

    public OwnershipReport {
        headlines = List.copyOf(headlines);
        owners = List.copyOf(owners);
    }

    /** Rows that can also be found by agent id without building the others' (each row is built on demand). */
    public interface AgentRows extends Iterable<AgentRow> {
        Optional<AgentRow> find(String id);
    }

    /** One agent's row by id (empty when the agent is not in the report): looked up where the rows allow it. */
    public Optional<AgentRow> agent(String id) {
        if (agents instanceof AgentRows rows) {
            return rows.find(id);
        }
        for (AgentRow r : agents) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public long headline(String key) {
        return headlines.stream().filter(h -> h.key().equals(key)).findFirst().map(Headline::value)
                .orElseThrow(() -> new IllegalArgumentException("no headline " + key));
    }
}
