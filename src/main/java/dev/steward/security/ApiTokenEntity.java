package dev.steward.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API token; only its SHA-256 is stored. */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "token_hash")
    public String tokenHash;

    public String role;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "created_by")
    public String createdBy;

    /** For a manager token: the teams it may see, comma-separated; null for unscoped roles. */
    public String teams;

    /** The part of the organisation this token's holder may see. */
    public AccessScope scope() {
        if (!Role.parse(role).teamScoped()) {
            return AccessScope.ALL;
        }
        return AccessScope.teams(teams == null || teams.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(teams.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
