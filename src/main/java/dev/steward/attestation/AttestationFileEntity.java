package dev.steward.attestation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The file attached to an attestation, kept apart so listing attestations never loads file bytes. */
@Entity
@Table(name = "manual_attestation_file")
public class AttestationFileEntity {

    @Id
    @Column(name = "attestation_id")
    public Long attestationId;

    public byte[] content;
}
