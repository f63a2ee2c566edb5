package dev.steward.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A person who signs in to the web UI; only a PBKDF2 hash of the password is stored ({@link PasswordHasher}). */
@Entity
@Table(name = "app_user")
public class UserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "password_hash")
    public String passwordHash;

    public String role;

    /** For a manager: the teams they may see, comma-separated; null for unscoped roles. */
    public String teams;

    /** The person id in the people directory, when known. */
    @Column(name = "person_id")
    public String personId;

    public boolean disabled;

    @Column(name = "failed_attempts")
    public int failedAttempts;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;

    public List<String> teamList() {
        return teams == null || teams.isBlank() ? List.of()
                : Arrays.stream(teams.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** The part of the organisation this user may see. */
    public AccessScope scope() {
        return Role.parse(role).teamScoped() ? AccessScope.teams(teamList()) : AccessScope.ALL;
    }

    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
