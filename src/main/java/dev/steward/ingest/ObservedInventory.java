package dev.steward.ingest;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.inventory.CredentialEntity;
import dev.steward.inventory.SecretFindingEntity;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Inventory records a decision log reveals (credentials seen in use or issued, e.g. Vault tokens, STS sessions),
 * held until the log's upload becomes visible and then stored in that same small transaction, so they appear
 * together with the decisions or not at all. Only credentials are expected from logs; anything else is refused.
 */
final class ObservedInventory implements InventorySink {

    private record Credential(CredentialRecord record, String attributes) {
    }

    private final List<Credential> credentials = new ArrayList<>();
    private final List<SecretFinding> secrets = new ArrayList<>();

    @Override
    public void section(RecordMapper.Section section) {
        // a log adds what it saw; it never declares a whole section
    }

    @Override
    public void meta(Instant asOf, String source) {
        // a log's time is the time of its decisions
    }

    @Override
    public void person(PersonRecord person, String attributes) {
        throw new IllegalStateException("a decision log delivered a person record: " + person.id());
    }

    @Override
    public void agent(AgentRecord agent, String attributes) {
        throw new IllegalStateException("a decision log delivered an agent record: " + agent.id());
    }

    @Override
    public void credential(CredentialRecord credential, String attributes) {
        credentials.add(new Credential(credential, attributes));
    }

    @Override
    public void secret(SecretFinding finding) {
        secrets.add(finding);
    }

    List<CredentialRecord> credentials() {
        return credentials.stream().map(Credential::record).toList();
    }

    List<SecretFinding> secrets() {
        return secrets;
    }

    /** Stores everything collected; call inside the transaction that makes the upload visible. */
    void persist(EntityManager em) {
        int n = 0;
        for (Credential c : credentials) {
            em.persist(CredentialEntity.from(c.record(), c.attributes()));
            if (++n % 500 == 0) {
                em.flush();
                em.clear();
            }
        }
        for (SecretFinding s : secrets) {
            em.persist(SecretFindingEntity.from(s));
        }
    }
}
