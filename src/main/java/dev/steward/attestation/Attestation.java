package dev.steward.attestation;

import java.time.Instant;

/**
 * A manual attestation as shown to users and written into runs and bundles: which manual evidence of which control it
 * answers, what the person stated, who and when, how long it is valid, the attached file's name, size and SHA-256, and
 * {@code contentHash}, the SHA-256 of all of that (what an assessment's input list records).
 */
public record Attestation(long id, String framework, String controlId, String evidenceId, String statement,
        String attestedBy, Instant attestedAt, Instant validFrom, Instant validUntil, String fileName, String fileSha256,
        Long fileSize, String contentHash, Instant withdrawnAt, String withdrawnBy, String withdrawReason) {

    static Attestation of(AttestationEntity e) {
        return new Attestation(e.id, e.framework, e.controlId, e.evidenceId, e.statement, e.attestedBy, e.attestedAt,
                e.validFrom, e.validUntil, e.fileName, e.fileSha256, e.fileSize, e.contentHash, e.withdrawnAt,
                e.withdrawnBy, e.withdrawReason);
    }

    /** {@code framework:control#evidence}: the manual evidence item this attestation answers. */
    public String evidenceKey() {
        return key(framework, controlId, evidenceId);
    }

    public static String key(String framework, String controlId, String evidenceId) {
        return framework + ":" + controlId + "#" + evidenceId;
    }

    /** How runs and reports name it. */
    public String ref() {
        return "attestation-" + id;
    }
}
