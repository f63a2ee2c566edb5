package dev.steward.ingest;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import java.time.Instant;

/**
 * Where inventory adapters deliver normalized records, one at a time (so no adapter holds a whole inventory in
 * memory). {@code attributes} holds the source record's unknown fields as a JSON object, or null.
 */
public interface InventorySink {

    /** A section (people, agents, credentials) is present in the upload, even if empty: it supersedes older ones. */
    void section(RecordMapper.Section section);

    /** Document-level facts; may arrive before, between or after the records. */
    void meta(Instant asOf, String source);

    void person(PersonRecord person, String attributes);

    void agent(AgentRecord agent, String attributes);

    void credential(CredentialRecord credential, String attributes);

    /** A secret value found (and already redacted) in a record. */
    void secret(SecretFinding finding);
}
