package dev.steward.ingest;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.inventory.AgentEntity;
import dev.steward.inventory.CredentialEntity;
import dev.steward.inventory.PersonEntity;
import dev.steward.inventory.SecretFindingEntity;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The inventory sink that stores records of one upload in its transaction. Once any error is known it stops writing (the upload will roll back) while reading goes on to list every
 * problem. Flushes and clears the persistence context every few hundred records to keep memory flat.
 */
final class InventoryStore implements InventorySink {

    private static final int FLUSH_EVERY = 500;

    private final EntityManager em;
    private final Problems problems;
    private long people;
    private long agents;
    private long credentials;
    private final Set<RecordMapper.Section> sections = EnumSet.noneOf(RecordMapper.Section.class);
    private long secrets;
    private int unflushed;
    Instant asOf;
    String source;

    InventoryStore(EntityManager em, Problems problems) {
        this.em = em;
        this.problems = problems;
    }

    @Override
    public void section(RecordMapper.Section section) {
        sections.add(section);
    }

    @Override
    public void meta(Instant asOf, String source) {
        if (asOf != null) {
            this.asOf = asOf;
        }
        if (source != null) {
            this.source = source;
        }
    }

    @Override
    public void person(PersonRecord p, String attributes) {
        people++;
        persist(PersonEntity.from(p, attributes));
    }

    @Override
    public void agent(AgentRecord a, String attributes) {
        agents++;
        persist(AgentEntity.from(a, attributes));
    }

    @Override
    public void credential(CredentialRecord c, String attributes) {
        credentials++;
        persist(CredentialEntity.from(c, attributes));
    }

    @Override
    public void secret(SecretFinding finding) {
        secrets++;
        persist(SecretFindingEntity.from(finding));
    }

    private void persist(Object entity) {
        if (problems.hasErrors()) {
            return;
        }
        em.persist(entity);
        if (++unflushed >= FLUSH_EVERY) {
            em.flush();
            em.clear();
            unflushed = 0;
        }
    }

    boolean has(RecordMapper.Section section) {
        return sections.contains(section);
    }

    long people() {
        return people;
    }

    long agents() {
        return agents;
    }

    long credentials() {
        return credentials;
    }

    long secrets() {
        return secrets;
    }
}
