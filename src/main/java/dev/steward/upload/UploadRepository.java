package dev.steward.upload;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class UploadRepository implements PanacheRepository<UploadEntity> {

    /** The committed upload holding exactly this content, if any. */
    public Optional<UploadEntity> committedWithHash(String contentHash) {
        return find("contentHash = ?1 and status = ?2", contentHash, UploadEntity.Status.COMMITTED).firstResultOptional();
    }

    public List<UploadEntity> page(int index, int size) {
        return findAll(Sort.descending("id")).page(Page.of(index, size)).list();
    }

    /** The newest committed upload's id (0 when none): it changes whenever anything is stored. */
    public long lastCommitted() {
        Long id = getEntityManager().createQuery("select max(u.id) from UploadEntity u where u.status = :s", Long.class)
                .setParameter("s", UploadEntity.Status.COMMITTED).getSingleResult();
        return id == null ? 0 : id;
    }

    /**
     * The uploads in force at an instant for one inventory section: per scope, the committed upload with that section
     * whose asOf is the latest at or before the instant (ties: the later upload). Section is people, agents or
     * credentials.
     */
    public List<Long> inForce(String section, Instant asOf) {
        String flag = switch (section) {
            case "people" -> "hasPeople";
            case "agents" -> "hasAgents";
            case "credentials" -> "hasCredentials";
            default -> throw new IllegalArgumentException("unknown inventory section " + section);
        };
        List<UploadEntity> candidates = list("status = ?1 and " + flag + " = true and asOf <= ?2",
                Sort.ascending("asOf", "id"), UploadEntity.Status.COMMITTED, asOf);
        Map<String, Long> latestPerScope = new LinkedHashMap<>();
        for (UploadEntity u : candidates) {
            latestPerScope.put(u.scope, u.id);
        }
        return new ArrayList<>(latestPerScope.values());
    }
}
