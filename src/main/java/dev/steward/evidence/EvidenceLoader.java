package dev.steward.evidence;

import dev.steward.decisions.DecisionAggregates;
import dev.steward.inventory.InventoryLoads;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the evidence of one assessment from the store: the inventory and people in force at the as-of instant, the
 * decision aggregates of the window and the secrets found by ingestion up to the as-of instant. The inventory comes
 * through the lean bulk read of {@link InventoryLoads} (plain JDBC, shared repeated values), which an assessment,
 * a report model and an export all wait for before anything else.
 */
@ApplicationScoped
public class EvidenceLoader {

    private static final Logger LOG = Logger.getLogger(EvidenceLoader.class);

    private final InventoryLoads inventory;
    private final DecisionAggregates decisions;

    public EvidenceLoader(InventoryLoads inventory, DecisionAggregates decisions) {
        this.inventory = inventory;
        this.decisions = decisions;
    }

    @jakarta.transaction.Transactional
    public Evidence load(Instant asOf, Instant windowStart) {
        InventoryLoads.Inventory i = read(asOf);
        return new Evidence(asOf, windowStart, i.people(), i.agents(), i.credentials(),
                decisions.window(windowStart, asOf), i.secrets());
    }

    /**
     * The same evidence without the decision aggregates: what reports and exports read (people, agents, credentials and
     * secrets). The aggregates are the bulk of an assessment's input (about one per decision in sparse logs), and no
     * report needs them, so leaving them out keeps a report's memory to the inventory's.
     */
    @jakarta.transaction.Transactional
    public Evidence inventory(Instant asOf, Instant windowStart) {
        InventoryLoads.Inventory i = read(asOf);
        return new Evidence(asOf, windowStart, i.people(), i.agents(), i.credentials(), List.of(), i.secrets());
    }

    private InventoryLoads.Inventory read(Instant asOf) {
        long started = System.nanoTime();
        InventoryLoads.Inventory i = inventory.load(asOf);
        LOG.infof("inventory as of %s loaded in %d ms: %d people, %d agents, %d credentials, %d secrets found", asOf,
                (System.nanoTime() - started) / 1_000_000, i.people().size(), i.agents().size(), i.credentials().size(),
                i.secrets().size());
        return i;
    }
}
