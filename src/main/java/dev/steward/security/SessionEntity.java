package dev.steward.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A browser session; the id is stored as its SHA-256 only. */
@Entity
@Table(name = "web_session")
public class SessionEntity {

    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "csrf_token")
    public String csrfToken;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "remote_address")
    public String remoteAddress;
}
