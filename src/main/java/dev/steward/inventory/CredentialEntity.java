package dev.steward.inventory;

import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.SourceRef;
import dev.steward.store.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A credential as stored by one upload. Never holds a secret value. */
@Entity
@Table(name = "credential")
public class CredentialEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credential_seq")
    @SequenceGenerator(name = "credential_seq", sequenceName = "credential_seq", allocationSize = 500)
    public Long pk;

    @Column(name = "upload_id")
    public long uploadId;

    public String id;
    public String type;

    @Convert(converter = StringListConverter.class)
    public List<String> holders;

    public String environment;
    public String issuer;
    public String storage;
    public String location;

    @Convert(converter = StringListConverter.class)
    public List<String> scopes;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "ttl_seconds")
    public Long ttlSeconds;

    @Column(name = "last_rotated_at")
    public Instant lastRotatedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public String status;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "exposure_at")
    public Instant exposureAt;

    @Column(name = "exposure_where")
    public String exposureWhere;

    public String attributes;

    @Column(name = "source_file")
    public String sourceFile;

    @Column(name = "source_line")
    public long sourceLine;

    public CredentialRecord toRecord() {
        return new CredentialRecord(id, type, holders, environment, issuer, storage, location, scopes, createdAt,
                expiresAt, ttlSeconds, lastRotatedAt, lastUsedAt, status, revokedAt, exposureAt, exposureWhere,
                new SourceRef(uploadId, sourceFile, sourceLine));
    }

    public static CredentialEntity from(CredentialRecord r, String attributes) {
        CredentialEntity e = new CredentialEntity();
        e.uploadId = r.source().uploadId();
        e.id = r.id();
        e.type = r.type();
        e.holders = r.holders();
        e.environment = r.environment();
        e.issuer = r.issuer();
        e.storage = r.storage();
        e.location = r.location();
        e.scopes = r.scopes();
        e.createdAt = r.createdAt();
        e.expiresAt = r.expiresAt();
        e.ttlSeconds = r.ttlSeconds();
        e.lastRotatedAt = r.lastRotatedAt();
        e.lastUsedAt = r.lastUsedAt();
        e.status = r.status();
        e.revokedAt = r.revokedAt();
        e.exposureAt = r.exposedAt();
        e.exposureWhere = r.exposureWhere();
        e.attributes = attributes;
        e.sourceFile = r.source().file();
        e.sourceLine = r.source().line();
        return e;
    }
}
