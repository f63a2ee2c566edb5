package dev.steward.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

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
