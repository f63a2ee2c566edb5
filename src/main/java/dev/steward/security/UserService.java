package dev.steward.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Built-in users: add, change, disable, and check a password. Sign-in answers the same for an unknown user, a wrong
 * password, a disabled user and a locked account (the caller shows one generic message), spends the same hashing time
 * in each case, and locks an account for {@link #LOCK} after {@link #MAX_FAILURES} consecutive failures.
 */
@ApplicationScoped
public class UserService implements PanacheRepository<UserEntity> {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(5);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private final Clock clock = Clock.systemUTC();

    /** What a user may be changed to; null fields stay as they are. */
    public record Change(Role role, List<String> teams, String displayName, String personId, Boolean disabled) {
    }

    public UserEntity add(String username, String displayName, String password, Role role, List<String> teams,
            String personId) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is 1-100 letters, digits or . _ @ - (got '" + username + "')");
        }
        PasswordHasher.checkStrength(password);
        List<String> t = checkedTeams(role, teams);
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (find("username", username).firstResultOptional().isPresent()) {
                throw new IllegalArgumentException("user '" + username + "' already exists");
            }
            UserEntity u = new UserEntity();
            u.username = username;
            u.displayName = blankToNull(displayName);
            u.passwordHash = PasswordHasher.hash(password);
            u.role = role.wire();
            u.teams = t.isEmpty() ? null : String.join(",", t);
            u.personId = blankToNull(personId);
            u.createdAt = clock.instant();
            persist(u);
            return u;
        });
    }

    /**
     * The user an OpenID Connect provider vouched for: created on first sign-in (with a random password nobody knows,
     * so only the provider signs them in), and given the role and teams the provider's claims carry at every sign-in.
     * Empty when the account was disabled in Steward: a disabled user stays out whatever the provider says.
     */
    public Optional<UserEntity> provision(String username, String displayName, Role role, List<String> teams) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("the provider's user name '" + username
                    + "' is not 1-100 letters, digits or . _ @ -; set steward.oidc.username-claim");
        }
        List<String> t = checkedTeams(role, role.teamScoped() ? teams : List.of());
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<UserEntity> found = find("username", username).firstResultOptional();
            if (found.isEmpty()) {
                byte[] b = new byte[32];
                new java.security.SecureRandom().nextBytes(b);
                add(username, displayName, java.util.Base64.getUrlEncoder().encodeToString(b), role, t, null);
            } else if (found.get().disabled) {
                return Optional.<UserEntity>empty();
            } else if (!found.get().role.equals(role.wire()) || !found.get().teamList().equals(t)) {
                change(username, new Change(role, t, null, null, null));
            }
            UserEntity u = find("username", username).firstResult();
            u.lastSignInAt = clock.instant();
            return Optional.of(u);
        });
    }

    public Optional<UserEntity> byName(String username) {
        return QuarkusTransaction.joiningExisting().call(() -> find("username", username).firstResultOptional());
    }

    public List<UserEntity> all() {
        return QuarkusTransaction.joiningExisting().call(() -> list("order by username"));
    }

    public boolean any() {
        return QuarkusTransaction.joiningExisting().call(() -> count() > 0);
    }

    /** Applies a change; a role change re-checks the teams (a manager needs teams, other roles have none). */
    public UserEntity change(String username, Change c) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            UserEntity u = find("username", username).firstResultOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
            Role role = c.role() != null ? c.role() : Role.parse(u.role);
            List<String> teams = c.teams() != null ? c.teams() : role.teamScoped() ? u.teamList() : List.of();
            List<String> t = checkedTeams(role, teams);
            u.role = role.wire();
            u.teams = t.isEmpty() ? null : String.join(",", t);
            if (c.displayName() != null) {
                u.displayName = blankToNull(c.displayName());
            }
            if (c.personId() != null) {
                u.personId = blankToNull(c.personId());
            }
            if (c.disabled() != null) {
                u.disabled = c.disabled();
            }
            return u;
        });
    }

    public void setPassword(String username, String password) {
        PasswordHasher.checkStrength(password);
        String hash = PasswordHasher.hash(password);
        QuarkusTransaction.joiningExisting().run(() -> {
            UserEntity u = find("username", username).firstResultOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
            u.passwordHash = hash;
            u.failedAttempts = 0;
            u.lockedUntil = null;
        });
    }

    /**
     * The user when the name and password match an enabled, unlocked account; empty otherwise (never saying which).
     * A failure counts towards the lock; a success resets it and records the sign-in time.
     */
    public Optional<UserEntity> signIn(String username, String password) {
        if (username == null || password == null || username.length() > 100 || password.length() > 1024) {
            PasswordHasher.verifyDummy("");
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<UserEntity> found = QuarkusTransaction.requiringNew().call(() -> find("username", username).firstResultOptional());
        if (found.isEmpty()) {
            PasswordHasher.verifyDummy(password);
            return Optional.empty();
        }
        boolean matches = PasswordHasher.verify(password, found.get().passwordHash);
        return QuarkusTransaction.requiringNew().call(() -> {
            UserEntity u = findById(found.get().id);
            if (u == null) {
                return Optional.<UserEntity>empty();
            }
            boolean locked = u.lockedUntil != null && u.lockedUntil.isAfter(now);
            if (!matches) {
                u.failedAttempts++;
                if (u.failedAttempts >= MAX_FAILURES) {
                    u.lockedUntil = now.plus(LOCK);
                    u.failedAttempts = 0;
                }
                return Optional.<UserEntity>empty();
            }
            if (locked || u.disabled) {
                return Optional.<UserEntity>empty();
            }
            u.failedAttempts = 0;
            u.lockedUntil = null;
            u.lastSignInAt = now;
            return Optional.of(u);
        });
    }

    static List<String> checkedTeams(Role role, List<String> teams) {
        List<String> t = teams == null ? List.of() : teams.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (role.teamScoped() && t.isEmpty()) {
            throw new IllegalArgumentException("a manager needs at least one team");
        }
        if (!role.teamScoped() && !t.isEmpty()) {
            throw new IllegalArgumentException("only a manager is scoped to teams");
        }
        for (String team : t) {
            if (team.contains(",") || team.length() > 200) {
                throw new IllegalArgumentException("invalid team name '" + team + "'");
            }
        }
        return t;
    }

    /** "payments, risk" or "payments;risk" as a list. */
    public static List<String> parseTeams(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
