package dev.steward.evidence;

import java.time.Instant;

/**
 * A secret value found (and redacted) during ingestion. Carries where it was found and its kind, never the value.
 * {@code credentialId} names the credential the value belongs to when the record tells (else null).
 */
public record SecretFinding(String credentialId, String agentId, String kind, String field, Instant foundAt,
        SourceRef source) {
}
