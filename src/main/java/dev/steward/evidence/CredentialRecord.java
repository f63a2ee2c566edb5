package dev.steward.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An inventoried credential. Never carries a secret value: {@code location} is a path or reference. {@code exposedAt}
 * and {@code exposureWhere} merge the declared exposure with secret values found during ingestion.
 */
public record CredentialRecord(
        String id,
        String type,
        List<String> holders,
        String environment,
        String issuer,
        String storage,
        String location,
        List<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        Long ttlSeconds,
        Instant lastRotatedAt,
        Instant lastUsedAt,
        String status,
        Instant revokedAt,
        Instant exposedAt,
        String exposureWhere,
        SourceRef source) {

    public CredentialRecord {
        holders = holders == null ? List.of() : List.copyOf(holders);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean revoked() {
        return "revoked".equalsIgnoreCase(status) || revokedAt != null;
    }

    public boolean exposed() {
        return exposedAt != null || exposureWhere != null;
    }

    /** CHECKS.md: status active, not past its expiresAt, and not revoked. */
    public boolean active(Instant asOf) {
        return "active".equalsIgnoreCase(status)
                && (expiresAt == null || expiresAt.isAfter(asOf))
                && !(revokedAt != null && !revokedAt.isAfter(asOf));
    }

    /** Lifetime: expiry - issue, else TTL; empty when it never expires. */
    public Optional<Duration> lifetime() {
        if (expiresAt != null && createdAt != null) {
            return Optional.of(Duration.between(createdAt, expiresAt));
        }
        if (ttlSeconds != null) {
            return Optional.of(Duration.ofSeconds(ttlSeconds));
        }
        return Optional.empty();
    }
}
