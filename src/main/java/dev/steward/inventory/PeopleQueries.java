package dev.steward.inventory;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.evidence.PersonRecord;
import dev.steward.upload.UploadRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people directory in force at an instant, with provenance: the names behind the owner and manager ids of agents,
 * roll-ups and findings. A manager sees the people of its teams and the people its teams' agents name: their owners and
 * backup owners, and each owner's managers up the chain (as an agent's page shows them); anyone else is absent, as if
 * not in the directory. Listings come from the inventory the pages keep when that is the one in force
 * ({@link EvidenceLoader#keptInForce}), otherwise from one read of the directory in force.
 */
@ApplicationScoped
public class PeopleQueries {

    /** How many people of an owner's chain (the owner, then their managers) a manager sees: as an agent's page. */
    public static final int CHAIN_DEPTH = 8;

    /** Optional filters of a listing (null: no filter): team, direct manager, status (any case). */
    public record Filter(String team, String manager, String status) {
        public static final Filter NONE = new Filter(null, null, null);

        boolean matches(PersonRecord p) {
            return (team == null || team.equals(p.team())) && (manager == null || manager.equals(p.manager()))
                    && (status == null || p.status() != null && status.equalsIgnoreCase(p.status()));
        }
    }

    /** One page of people in id order, and how many match over all pages. */
    public record PeoplePage(List<PersonRecord> items, long total) {
    }

    private final UploadRepository uploads;
    private final EntityManager em;
    private final InventoryLoads loads;
    private final EvidenceLoader kept;

    public PeopleQueries(UploadRepository uploads, EntityManager em, InventoryLoads loads, EvidenceLoader kept) {
        this.uploads = uploads;
        this.em = em;
        this.loads = loads;
        this.kept = kept;
    }

    /** People in force at {@code asOf} that match the filter and that a manager of {@code teams} (null: all) sees. */
    public PeoplePage people(Instant asOf, Filter filter, Set<String> teams, int offset, int limit) {
        if (teams != null && teams.isEmpty()) {
            return new PeoplePage(List.of(), 0);
        }
        Optional<InventoryLoads.Inventory> held = kept.keptInForce(asOf);
        List<PersonRecord> people = held.map(InventoryLoads.Inventory::people).orElseGet(() -> loads.people(asOf));
        Set<String> visible = teams == null ? null : visible(people,
                held.map(InventoryLoads.Inventory::agents).orElseGet(() -> loads.agents(asOf)), teams);
        var cut = InventoryQueries.cut(people, p -> (visible == null || visible.contains(p.id())) && filter.matches(p),
                offset, limit);
        return new PeoplePage(cut.items(), cut.total());
    }

    /** One person as in force at {@code asOf}, when a manager of {@code teams} (null: anyone) sees them. */
    public Optional<PersonRecord> person(String id, Instant asOf, Set<String> teams) {
        if (teams != null) {
            // the latest upload's record when two scopes in force hold the id, as below (listings: id, then upload)
            return people(asOf, Filter.NONE, teams, 0, Integer.MAX_VALUE).items().stream()
                    .filter(p -> p.id().equals(id)).reduce((first, later) -> later);
        }
        List<Long> ids = uploads.inForce("people", asOf);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("from PersonEntity where uploadId in :ids and id = :id order by uploadId desc",
                        PersonEntity.class).setParameter("ids", ids).setParameter("id", id).setMaxResults(1)
                .getResultStream().findFirst().map(PersonEntity::toRecord);
    }

    /** The ids a manager of {@code teams} sees: its teams' people, the owners its agents name and their managers. */
    static Set<String> visible(List<PersonRecord> people, List<AgentRecord> agents, Set<String> teams) {
        Map<String, PersonRecord> byId = new HashMap<>();
        Set<String> visible = new HashSet<>();
        for (PersonRecord p : people) {
            byId.put(p.id(), p);
            if (p.team() != null && teams.contains(p.team())) {
                visible.add(p.id());
            }
        }
        for (AgentRecord a : agents) {
            if (a.team() == null || !teams.contains(a.team())) {
                continue;
            }
            if (a.backupOwner() != null) {
                visible.add(a.backupOwner());
            }
            String id = a.owner();
            for (int depth = 0; id != null && depth < CHAIN_DEPTH; depth++) {
                visible.add(id);
                PersonRecord p = byId.get(id);
                id = p == null ? null : p.manager();
            }
        }
        return visible;
    }
}
