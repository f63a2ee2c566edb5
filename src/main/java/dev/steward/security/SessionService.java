package dev.steward.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Server-side browser sessions. A session id is 32 random bytes handed to the browser once, in the cookie; the store
 * keeps its SHA-256, the user, a per-session CSRF token and the times that end it: idle ({@code steward.web.idle-timeout})
 * and absolute ({@code steward.web.absolute-timeout}). Resolving a session also re-reads the user, so disabling a
 * user or changing their role takes effect on their next request.
 */
@ApplicationScoped
public class SessionService implements PanacheRepositoryBase<SessionEntity, String> {

    /** A session just created: the only time the plain id exists. */
    public record Opened(String id, String csrfToken) {
    }

    /** A live session with its user. */
    public record Live(String idHash, String csrfToken, UserEntity user) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** last_seen_at is written at most this often, so reading pages does not write on every request. */
    private static final Duration TOUCH = Duration.ofSeconds(30);

    private final WebConfig config;
    private final UserService users;
    private final Clock clock = Clock.systemUTC();

    public SessionService(WebConfig config, UserService users) {
        this.config = config;
        this.users = users;
    }

    public Opened open(UserEntity user, String remoteAddress) {
        String id = random();
        String csrf = random();
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            SessionEntity s = new SessionEntity();
            s.idHash = TokenService.hash(id);
            s.userId = user.id;
            s.csrfToken = csrf;
            s.createdAt = now;
            s.lastSeenAt = now;
            s.expiresAt = now.plus(config.absoluteTimeout());
            s.remoteAddress = remoteAddress == null ? null : remoteAddress.substring(0, Math.min(100, remoteAddress.length()));
            persist(s);
            delete("expiresAt < ?1 or lastSeenAt < ?2", now, now.minus(config.idleTimeout()));
        });
        return new Opened(id, csrf);
    }

    /** The live session of a cookie value: not expired, not idle too long, its user enabled. Ends a dead one. */
    public Optional<Live> resolve(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = TokenService.hash(id);
        return QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity s = findById(hash);
            if (s == null) {
                return Optional.<Live>empty();
            }
            UserEntity u = users.findById(s.userId);
            if (u == null || u.disabled || !s.expiresAt.isAfter(now) || !s.lastSeenAt.plus(config.idleTimeout()).isAfter(now)) {
                delete(s);
                return Optional.<Live>empty();
            }
            if (s.lastSeenAt.plus(TOUCH).isBefore(now)) {
                s.lastSeenAt = now;
            }
            return Optional.of(new Live(hash, s.csrfToken, u));
        });
    }

    /** Ends a session (sign-out); the id is useless afterwards. */
    public void close(String idHash) {
        QuarkusTransaction.requiringNew().run(() -> deleteById(idHash));
    }

    /** Ends every session of a user (disabled, or password changed). */
    public void closeAll(long userId) {
        QuarkusTransaction.joiningExisting().run(() -> delete("userId", userId));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
