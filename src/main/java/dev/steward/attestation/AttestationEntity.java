package dev.steward.attestation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored manual attestation (metadata only; the file is in {@link AttestationFileEntity}). */
@Entity
@Table(name = "manual_attestation")
public class AttestationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String framework;

    @Column(name = "control_id")
    public String controlId;

    @Column(name = "evidence_id")
    public String evidenceId;

    public String statement;

    @Column(name = "attested_by")
    public String attestedBy;

    @Column(name = "attested_at")
    public Instant attestedAt;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_sha256")
    public String fileSha256;

    @Column(name = "file_size")
    public Long fileSize;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdraw_reason")
    public String withdrawReason;

    /** In force at an instant: not withdrawn, and {@code validFrom <= at < validUntil}. */
    public boolean inForceAt(Instant at) {
        return withdrawnAt == null && !validFrom.isAfter(at) && validUntil.isAfter(at);
    }
}
