package dev.steward.evidence;

import dev.steward.decisions.DecisionAggregates;
import dev.steward.inventory.InventoryQueries;
import dev.steward.inventory.SecretFindingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Loads the evidence of one assessment from the store: the inventory and people in force at the as-of instant, the
 * decision aggregates of the window and the secrets found by ingestion up to the as-of instant.
 */
@ApplicationScoped
public class EvidenceLoader {

    private final InventoryQueries inventory;
    private final DecisionAggregates decisions;
    private final EntityManager em;

    public EvidenceLoader(InventoryQueries inventory, DecisionAggregates decisions, EntityManager em) {
        this.inventory = inventory;
        this.decisions = decisions;
        this.em = em;
    }

    @jakarta.transaction.Transactional
    public Evidence load(Instant asOf, Instant windowStart) {
        return new Evidence(asOf, windowStart, inventory.people(asOf), inventory.allAgents(asOf),
                inventory.allCredentials(asOf), decisions.window(windowStart, asOf), secrets(asOf));
    }

    /**
     * The same evidence without the decision aggregates: what reports and exports read (people, agents, credentials and
     * secrets). The aggregates are the bulk of an assessment's input (about one per decision in sparse logs), and no
     * report needs them, so leaving them out keeps a report's memory to the inventory's.
     */
    @jakarta.transaction.Transactional
    public Evidence inventory(Instant asOf, Instant windowStart) {
        return new Evidence(asOf, windowStart, inventory.people(asOf), inventory.allAgents(asOf),
                inventory.allCredentials(asOf), List.of(), secrets(asOf));
    }

    private List<SecretFinding> secrets(Instant asOf) {
        return em.createQuery("select s from SecretFindingEntity s, UploadEntity u"
                        + " where u.id = s.uploadId and u.status = dev.steward.upload.UploadEntity.Status.COMMITTED"
                        + " and s.foundAt <= :asOf order by s.pk", SecretFindingEntity.class)
                .setParameter("asOf", asOf).getResultStream().map(SecretFindingEntity::toRecord).toList();
    }
}
