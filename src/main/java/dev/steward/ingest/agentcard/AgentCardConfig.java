package dev.steward.ingest.agentcard;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** How agent cards and tool registries map to agents. */
@ConfigMapping(prefix = "steward.sources.agent-card")
public interface AgentCardConfig {

    /**
     * provider.organization values that are your own organization: their agents are in-house, not vendor agents
     * (TPV-1 judges vendor agents). Unset: every card's provider is recorded as its vendor.
     */
    Optional<List<String>> ownOrganizations();
}
