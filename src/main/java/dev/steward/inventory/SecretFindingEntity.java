package dev.steward.inventory;

import dev.steward.evidence.SecretFinding;
import dev.steward.evidence.SourceRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a secret value was found (and redacted) during ingestion. The value itself is never stored. */
@Entity
@Table(name = "secret_finding")
public class SecretFindingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "secret_finding_seq")
    @SequenceGenerator(name = "secret_finding_seq", sequenceName = "secret_finding_seq", allocationSize = 500)
    public Long pk;

    @Column(name = "upload_id")
    public long uploadId;

    @Column(name = "credential_id")
    public String credentialId;

    @Column(name = "agent_id")
    public String agentId;

    public String kind;
    public String field;

    @Column(name = "found_at")
    public Instant foundAt;

    @Column(name = "source_file")
    public String sourceFile;

    @Column(name = "source_line")
    public long sourceLine;

    public SecretFinding toRecord() {
        return new SecretFinding(credentialId, agentId, kind, field, foundAt, new SourceRef(uploadId, sourceFile, sourceLine));
    }

    public static SecretFindingEntity from(SecretFinding f) {
        SecretFindingEntity e = new SecretFindingEntity();
        e.uploadId = f.source().uploadId();
        e.credentialId = f.credentialId();
        e.agentId = f.agentId();
        e.kind = f.kind();
        e.field = f.field();
        e.foundAt = f.foundAt();
        e.sourceFile = f.source().file();
        e.sourceLine = f.source().line();
        return e;
    }
}
