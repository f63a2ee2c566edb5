package dev.steward.security;

import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, checks and revokes API tokens. A token is 32 random bytes (URL-safe Base64 with a {@code stw_} prefix, so
 * secret scanners can recognise it); only its SHA-256 is stored, and the plain token is returned once.
 */
@ApplicationScoped
public class TokenService implements PanacheRepository<ApiTokenEntity> {

    /** A token just created: the only time its plain text exists. */
    public record Created(long id, String token, Role role, Instant expiresAt) {
    }

    /** A token as listed: never its hash, never the token. */
    public record TokenView(long id, String name, String role, List<String> teams, Instant createdAt, String createdBy,
            Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String status) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final AuditLog audit;

    public TokenService(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Creates a token on behalf of {@code actor} (an admin, the CLI) and records TOKEN_CREATED. {@code name} is 1..200
     * characters; {@code expiresAt}, when set, must be in the future.
     */
    public Created issue(String name, Role role, List<String> teams, Instant expiresAt, String actor) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a token needs a name of 1 to 200 characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " is not in the future");
        }
        List<String> t = teams == null ? List.of() : teams.stream().map(String::trim).toList();
        Created created = create(name.trim(), role, t, expiresAt, actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", name.trim());
        detail.put("role", role.wire());
        detail.put("teams", String.join(",", t));
        detail.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        audit.record(actor, AuditAction.TOKEN_CREATED, "token " + created.id(), AuditOutcome.OK, detail);
        return created;
    }

    /** Revokes a token on behalf of {@code actor} and records TOKEN_REVOKED; false when there is no such token. */
    public boolean revoke(long id, String actor) {
        Optional<String> name = QuarkusTransaction.requiringNew().call(() -> findByIdOptional(id).map(t -> {
            if (t.revokedAt == null) {
                t.revokedAt = clock.instant();
            }
            return t.name;
        }));
        name.ifPresent(n -> audit.record(actor, AuditAction.TOKEN_REVOKED, "token " + id, AuditOutcome.OK,
                Map.of("name", n)));
        return name.isPresent();
    }

    /** Every token, newest first, with its status at this instant (active, expired, revoked). */
    public List<TokenView> views() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> list("ORDER BY id DESC").stream().map(t -> new TokenView(t.id,
                t.name, t.role, t.teams == null || t.teams.isBlank() ? List.of() : List.of(t.teams.split(",")), t.createdAt,
                t.createdBy, t.expiresAt, t.revokedAt, t.lastUsedAt,
                t.revokedAt != null ? "revoked" : t.usableAt(now) ? "active" : "expired")).toList());
    }

    /** A time to live: 90d, 12h, 30m or an ISO-8601 duration (PT12H), more than zero. */
    public static Duration ttl(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.matches("\\d{1,6}d")) {
                d = Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.matches("\\d{1,8}h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.matches("\\d{1,9}m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ttl '" + text + "' is not 90d, 12h, 30m or an ISO-8601 duration such as PT12H");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("ttl '" + text + "' must be longer than 0");
        }
        return d;
    }

    public Created create(String name, Role role, Instant expiresAt, String createdBy) {
        return create(name, role, List.of(), expiresAt, createdBy);
    }

    /**
     * Creates a token; {@code teams} is required for (and only allowed with) the manager role, which sees only them.
     */
    public Created create(String name, Role role, List<String> teams, Instant expiresAt, String createdBy) {
        if (role.teamScoped() != !teams.isEmpty()) {
            throw new IllegalArgumentException(role.teamScoped()
                    ? "a manager token needs at least one team" : "only a manager token is scoped to teams");
        }
        for (String team : teams) {
            if (team.isBlank() || team.contains(",")) {
                throw new IllegalArgumentException("invalid team name '" + team + "'");
            }
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "stw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = register(name, token, role, expiresAt, createdBy);
        if (!teams.isEmpty()) {
            QuarkusTransaction.joiningExisting().run(() -> findById(id).teams = String.join(",", teams));
        }
        return new Created(id, token, role, expiresAt);
    }

    /** Stores the hash of a given token (bootstrap from configuration); idempotent. */
    public long register(String name, String token, Role role, Instant expiresAt, String createdBy) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            String hash = hash(token);
            Optional<ApiTokenEntity> existing = find("tokenHash", hash).firstResultOptional();
            if (existing.isPresent()) {
                return existing.get().id;
            }
            ApiTokenEntity e = new ApiTokenEntity();
            e.name = name;
            e.tokenHash = hash;
            e.role = role.wire();
            e.createdAt = clock.instant();
            e.expiresAt = expiresAt;
            e.createdBy = createdBy;
            persist(e);
            return e.id;
        });
    }

    /** The token's holder if the token exists, is not revoked and has not expired. */
    public Optional<ApiTokenEntity> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> find("tokenHash", hash(token)).firstResultOptional()
                .filter(t -> t.usableAt(now))
                .map(t -> {
                    t.lastUsedAt = now;
                    return t;
                }));
    }

    public boolean revoke(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> findByIdOptional(id).map(t -> {
            if (t.revokedAt == null) {
                t.revokedAt = clock.instant();
            }
            return true;
        }).orElse(false));
    }

    public boolean anyUsableAdmin() {
        Instant now = clock.instant();
        List<ApiTokenEntity> admins = list("role", Role.ADMIN.wire());
        return admins.stream().anyMatch(t -> t.usableAt(now));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
