package dev.steward.check.rules;

import static dev.steward.check.rules.Fixtures.AS_OF;
import static dev.steward.check.rules.Fixtures.daysAgo;
import static dev.steward.check.rules.Fixtures.src;

import dev.steward.evidence.CredentialRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Fluent fixture for a credential: active, type api-key, prod, issued 10 days before as-of, nothing else set. */
final class CredentialBuilder {

    private final String id;
    private final List<String> holders;
    private String type = "api-key";
    private String environment = "prod";
    private String issuer;
    private String storage;
    private String location;
    private List<String> scopes = List.of();
    private Instant createdAt = daysAgo(10);
    private Instant expiresAt;
    private Long ttlSeconds;
    private Instant lastRotatedAt;
    private Instant lastUsedAt;
    private String status = "active";
    private Instant revokedAt;
    private Instant exposedAt;
    private String exposureWhere;

    CredentialBuilder(String id, List<String> holders) {
        this.id = id;
        this.holders = holders;
    }

    CredentialBuilder type(String type) {
        this.type = type;
        return this;
    }

    CredentialBuilder env(String environment) {
        this.environment = environment;
        return this;
    }

    CredentialBuilder issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    CredentialBuilder storage(String storage, String location) {
        this.storage = storage;
        this.location = location;
        return this;
    }

    CredentialBuilder scopes(String... scopes) {
        this.scopes = List.of(scopes);
        return this;
    }

    CredentialBuilder created(Instant at) {
        this.createdAt = at;
        return this;
    }

    CredentialBuilder expires(Instant at) {
        this.expiresAt = at;
        return this;
    }

    /** createdAt and expiresAt such that the lifetime is the given duration and the credential is still valid. */
    CredentialBuilder lifetime(Duration lifetime) {
        this.createdAt = AS_OF.minus(Duration.ofMinutes(1));
        this.expiresAt = createdAt.plus(lifetime);
        return this;
    }

    CredentialBuilder ttl(Long seconds) {
        this.ttlSeconds = seconds;
        return this;
    }

    CredentialBuilder rotated(Instant at) {
        this.lastRotatedAt = at;
        return this;
    }

    CredentialBuilder lastUsed(Instant at) {
        this.lastUsedAt = at;
        return this;
    }

    CredentialBuilder status(String status) {
        this.status = status;
        return this;
    }

    CredentialBuilder revoked(Instant at) {
        this.status = "revoked";
        this.revokedAt = at;
        return this;
    }

    CredentialBuilder exposed(Instant at, String where) {
        this.exposedAt = at;
        this.exposureWhere = where;
        return this;
    }

    CredentialRecord build() {
        return new CredentialRecord(id, type, holders, environment, issuer, storage, location, scopes, createdAt,
                expiresAt, ttlSeconds, lastRotatedAt, lastUsedAt, status, revokedAt, exposedAt, exposureWhere,
                src("inventory.yaml", id));
    }
}
