package dev.steward.inventory;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.store.StringListConverter;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the inventory in force at an instant: for each section and supersession scope, the records of the committed
 * upload with the latest asOf at or before the instant. Earlier uploads stay stored and answer for earlier instants.
 *
 * <p>A filtered listing (or one of several uploads in force) is cut from the inventory kept for the web pages and
 * reports ({@link EvidenceLoader#keptInForce}) when that holds the very records in force: the database would read and
 * sort every record in force for each page (1-6 s a page at 100k agents and 300k credentials). Otherwise, and for an
 * unfiltered listing of one upload, the database pages.
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
    private final EvidenceLoader kept;

    public InventoryQueries(UploadRepository uploads, EntityManager em, InventoryLoads loads, EvidenceLoader kept) {
        this.uploads = uploads;
        this.em = em;
        this.loads = loads;
        this.kept = kept;
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
        if (ids.size() == 1 && teams == null && filter.equals(Filter.NONE)) {
            return alongIndex(AgentEntity.class, "agent", ids.get(0), offset, limit).stream().map(AgentEntity::toRecord)
                    .toList();
        }
        Optional<InventoryLoads.Inventory> held = kept.keptInForce(asOf);
        if (held.isPresent()) {
            return cut(held.get().agents(), matches(filter, teams), offset, limit).items();
        }
        Parameters p = Parameters.with("ids", ids);
        var query = em.createQuery("from AgentEntity" + agentsWhere(filter, teams, p) + " order by id, uploadId",
                AgentEntity.class);
        p.map().forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(AgentEntity::toRecord).toList();
    }

    /**
     * A page of one upload's records in id order, read along the unique index on (upload, id) rather than by sorting
     * every record in force (1.5-3.7 s a page at 100k agents and 300k credentials). It is SQL of its own for two
     * reasons: the query language drops an order by a column compared for equality, and H2 picks the index on the
     * upload alone unless a condition on id ({@code id >= ''}, true for every id) tips it to (upload, id). Unfiltered
     * listings only: with a filter, reading the rows in index order costs more pages than sorting them.
     */
    private <T> List<T> alongIndex(Class<T> entity, String table, long upload, int offset, int limit) {
        var query = em.createNativeQuery("SELECT * FROM " + table + " WHERE upload_id = :upload AND id >= ''"
                + " ORDER BY upload_id, id", entity).setParameter("upload", upload);
        @SuppressWarnings("unchecked")
        List<T> rows = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows;
    }

    /** How many agents {@link #agents(Instant, Filter, Set, int, int)} lists over all its pages. */
    public long countAgents(Instant asOf, Filter filter, Set<String> teams) {
        List<Long> ids = uploads.inForce("agents", asOf);
        if (ids.isEmpty() || (teams != null && teams.isEmpty())) {
            return 0;
        }
        Optional<InventoryLoads.Inventory> held = teams == null && filter.equals(Filter.NONE) ? Optional.empty()
                : kept.keptInForce(asOf);
        if (held.isPresent()) {
            return cut(held.get().agents(), matches(filter, teams), 0, 0).total();
        }
        Parameters p = Parameters.with("ids", ids);
        var query = em.createQuery("select count(*) from AgentEntity" + agentsWhere(filter, teams, p), Long.class);
        p.map().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Whether an agent passes a listing's filter and teams (null = every team), as {@link #agentsWhere} selects. */
    private static Predicate<AgentRecord> matches(Filter filter, Set<String> teams) {
        return a -> (teams == null || a.team() != null && teams.contains(a.team()))
                && (filter.team() == null || filter.team().equals(a.team()))
                && (filter.environment() == null || filter.environment().equals(a.environment()))
                && (filter.owner() == null || filter.owner().equals(a.owner()));
    }

    /** A page of the records that match, in the listing's order, and how many match over all pages. */
    record Cut<T>(List<T> items, long total) {
    }

    static <T> Cut<T> cut(Iterable<T> inOrder, Predicate<T> matches, int offset, int limit) {
        List<T> page = new ArrayList<>();
        long total = 0;
        for (T r : inOrder) {
            if (matches.test(r)) {
                if (total >= offset && page.size() < limit) {
                    page.add(r);
                }
                total++;
            }
        }
        return new Cut<>(List.copyOf(page), total);
    }

    private static String agentsWhere(Filter filter, Set<String> teams, Parameters p) {
        StringBuilder q = new StringBuilder(" where uploadId in :ids");
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
        return q.toString();
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

    /** One page of credentials and how many there are over all pages. */
    public record CredentialPage(List<CredentialRecord> items, long total) {
    }

    public List<CredentialRecord> credentials(Instant asOf, String holder, String environment, int offset, int limit) {
        return credentials(asOf, holder, environment, null, offset, limit).items();
    }

    /**
     * Credentials in force, optionally of one holder and environment, only those {@code visible} accepts (null = every
     * credential), with how many match over all pages. From the kept inventory when it holds the credentials in force
     * (see above); else without a holder or visibility filter the database pages and counts, and with one the
     * credentials in force are read once and the page is cut from those that match.
     */
    public CredentialPage credentials(Instant asOf, String holder, String environment, Predicate<CredentialRecord> visible,
            int offset, int limit) {
        List<Long> ids = uploads.inForce("credentials", asOf);
        if (ids.isEmpty()) {
            return new CredentialPage(List.of(), 0);
        }
        Optional<InventoryLoads.Inventory> held = ids.size() == 1 && holder == null && environment == null
                && visible == null ? Optional.empty() : kept.keptInForce(asOf);
        if (held.isPresent()) {
            Cut<CredentialRecord> c = cut(held.get().credentials(), r -> (visible == null || visible.test(r))
                    && (holder == null || r.holders().contains(holder))
                    && (environment == null || environment.equals(r.environment())), offset, limit);
            return new CredentialPage(c.items(), c.total());
        }
        // a holder is looked for in the stored JSON array first (its JSON text between the brackets), then exactly
        String where = " where uploadId in :ids" + (environment != null ? " and environment = :env" : "")
                + (holder != null ? " and cast(holders as String) like :holder escape '!'" : "");
        var query = em.createQuery("from CredentialEntity" + where + " order by id, uploadId", CredentialEntity.class)
                .setParameter("ids", ids);
        if (environment != null) {
            query.setParameter("env", environment);
        }
        if (holder != null) {
            query.setParameter("holder", "%" + likeLiteral(StringListConverter.write(List.of(holder)).substring(1)
                    .replaceFirst("]$", "")) + "%");
        }
        if (holder == null && visible == null) {
            var count = em.createQuery("select count(*) from CredentialEntity" + where, Long.class).setParameter("ids", ids);
            if (environment != null) {
                count.setParameter("env", environment);
            }
            List<CredentialEntity> rows = ids.size() == 1 && environment == null
                    ? alongIndex(CredentialEntity.class, "credential", ids.get(0), offset, limit)
                    : query.setFirstResult(offset).setMaxResults(limit).getResultList();
            return new CredentialPage(rows.stream().map(CredentialEntity::toRecord).toList(), count.getSingleResult());
        }
        // each entity is let go once read: a manager's listing reads every credential in force
        Stream<CredentialRecord> read = query.getResultStream().map(e -> {
            CredentialRecord r = e.toRecord();
            em.detach(e);
            return r;
        });
        Cut<CredentialRecord> c = cut(read::iterator, r -> (visible == null || visible.test(r))
                && (holder == null || r.holders().contains(holder)), offset, limit);
        return new CredentialPage(c.items(), c.total());
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

    /**
     * The secret values ingestion found (and redacted) for one credential up to {@code asOf}, oldest first: where and
     * of what kind, never the value.
     */
    public List<SecretFinding> secretsOf(String credentialId, Instant asOf) {
        return em.createQuery("select s from SecretFindingEntity s, UploadEntity u where u.id = s.uploadId"
                        + " and u.status = :committed and s.credentialId = :id and s.foundAt <= :asOf order by s.foundAt, s.pk",
                        SecretFindingEntity.class)
                .setParameter("committed", UploadEntity.Status.COMMITTED).setParameter("id", credentialId)
                .setParameter("asOf", asOf).getResultStream().map(SecretFindingEntity::toRecord).toList();
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

    /** {@code text} matched literally by LIKE with escape character {@code !}. */
    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
