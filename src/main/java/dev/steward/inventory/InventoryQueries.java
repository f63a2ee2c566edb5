package dev.steward.inventory;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.upload.UploadRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the inventory in force at an instant: for each section and supersession scope, the records of the committed
 * upload with the latest asOf at or before the instant. Earlier uploads stay stored and answer for earlier instants.
 */
@ApplicationScoped
public class InventoryQueries {

    /** Optional filters of a listing; null means no filter. */
    public record Filter(String team, String environment, String owner) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    private final UploadRepository uploads;
    private final EntityManager em;
    private final InventoryLoads loads;

    public InventoryQueries(UploadRepository uploads, EntityManager em, InventoryLoads loads) {
        this.uploads = uploads;
        this.em = em;
        this.loads = loads;
    }

    public List<AgentRecord> agents(Instant asOf, Filter filter, int offset, int limit) {
        return agents(asOf, filter, null, offset, limit);
    }

    /** Like {@link #agents(Instant, Filter, int, int)}, only agents of the given teams (null = every team). */
    public List<AgentRecord> agents(Instant asOf, Filter filter, Set<String> teams, int offset, int limit) {
        List<Long> ids = uploads.inForce("agents", asOf);
        if (ids.isEmpty() || (teams != null && teams.isEmpty())) {
            return List.of();
        }
        StringBuilder q = new StringBuilder("from AgentEntity where uploadId in :ids");
        Parameters p = Parameters.with("ids", ids);
        if (teams != null) {
            q.append(" and team in :teams");
            p.and("teams", teams);
        }
        if (filter.team() != null) {
            q.append(" and team = :team");
            p.and("team", filter.team());
        }
        if (filter.environment() != null) {
            q.append(" and environment = :env");
            p.and("env", filter.environment());
        }
        if (filter.owner() != null) {
            q.append(" and owner = :owner");
            p.and("owner", filter.owner());
        }
        q.append(" order by id, uploadId");
        var query = em.createQuery(q.toString(), AgentEntity.class);
        p.map().forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(AgentEntity::toRecord).toList();
    }

    public Optional<AgentRecord> agent(String id, Instant asOf) {
        List<Long> ids = uploads.inForce("agents", asOf);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("from AgentEntity where uploadId in :ids and id = :id order by uploadId desc", AgentEntity.class)
                .setParameter("ids", ids).setParameter("id", id).setMaxResults(1).getResultStream()
                .findFirst().map(AgentEntity::toRecord);
    }

    public List<CredentialRecord> credentials(Instant asOf, String holder, String environment, int offset, int limit) {
        return credentials(asOf, holder, environment, c -> true, offset, limit);
    }

    /** Like {@link #credentials(Instant, String, String, int, int)}, only the credentials {@code visible} accepts. */
    public List<CredentialRecord> credentials(Instant asOf, String holder, String environment,
            Predicate<CredentialRecord> visible, int offset, int limit) {
        List<Long> ids = uploads.inForce("credentials", asOf);
        if (ids.isEmpty()) {
            return List.of();
        }
        var query = em.createQuery("from CredentialEntity where uploadId in :ids"
                + (environment != null ? " and environment = :env" : "") + " order by id, uploadId", CredentialEntity.class)
                .setParameter("ids", ids);
        if (environment != null) {
            query.setParameter("env", environment);
        }
        var stream = query.getResultStream().map(CredentialEntity::toRecord).filter(visible);
        if (holder != null) {
            stream = stream.filter(c -> c.holders().contains(holder));
        }
        return stream.skip(offset).limit(limit).toList();
    }

    public Optional<CredentialRecord> credential(String id, Instant asOf) {
        List<Long> ids = uploads.inForce("credentials", asOf);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("from CredentialEntity where uploadId in :ids and id = :id order by uploadId desc",
                        CredentialEntity.class)
                .setParameter("ids", ids).setParameter("id", id).setMaxResults(1).getResultStream()
                .findFirst().map(CredentialEntity::toRecord);
    }

    /** Every person in force, ordered by id then upload (the lean bulk read of {@link InventoryLoads}). */
    public List<PersonRecord> people(Instant asOf) {
        return loads.people(asOf);
    }

    /** Every credential in force, as the unfiltered listing orders them (the lean bulk read of {@link InventoryLoads}). */
    public List<CredentialRecord> allCredentials(Instant asOf) {
        return loads.credentials(asOf);
    }

    /** Every agent in force, as the unfiltered listing orders them (the lean bulk read of {@link InventoryLoads}). */
    public List<AgentRecord> allAgents(Instant asOf) {
        return loads.agents(asOf);
    }
}
