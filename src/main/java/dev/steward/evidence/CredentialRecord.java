package dev.steward.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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

    /**
     * The run order of credentials, in which checks judge them and their results are stored and listed: credentials
     * without a holder first, by id; then by {@link #firstHolder()}, then id. A credential's results thus sit with the
     * other credentials of its holder, and a sharded assessment judges it in the shard of that holder, where its
     * decisions are already (most are made by its holder), instead of reading them a second time in a shard of their
     * own.
     */
    public static final Comparator<CredentialRecord> RUN_ORDER = (a, b) -> compareInRunOrder(a.id(), a.firstHolder(),
            b.id(), b.firstHolder());

    /** {@link #RUN_ORDER} of two credentials given by id and first holder (null for none). */
    public static int compareInRunOrder(String id, String firstHolder, String otherId, String otherFirstHolder) {
        if (firstHolder == null || otherFirstHolder == null) {
            if (firstHolder != otherFirstHolder) {
                return firstHolder == null ? -1 : 1;
            }
        } else {
            int c = firstHolder.compareTo(otherFirstHolder);
            if (c != 0) {
                return c;
            }
        }
        return id.compareTo(otherId);
    }

    /** The smallest holder id (whatever order the source lists them in), null when the credential has no holder. */
    public String firstHolder() {
        String first = null;
        for (String h : holders) {
            if (first == null || h.compareTo(first) < 0) {
                first = h;
            }
        }
        return first;
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

    /** The ids of the given credentials, in their order: a read-only view, nothing copied. */
    public static List<String> ids(List<CredentialRecord> credentials) {
        return credentials.isEmpty() ? List.of() : new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                return credentials.get(index).id();
            }

            @Override
            public int size() {
                return credentials.size();
            }
        };
    }
}
