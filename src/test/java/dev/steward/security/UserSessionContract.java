package dev.steward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Users and sessions on a real store (H2 and PostgreSQL subclasses): unique names, the stored password is a hash,
 * a session resolves by its cookie value only, ends on sign-out, on expiry and when its user is disabled or deleted.
 */
public abstract class UserSessionContract {

    static final String PASSWORD = "a long enough password";

    @Inject
    UserService users;
    @Inject
    SessionService sessions;

    private UserEntity add(Role role, List<String> teams) {
        String name = "c-" + UUID.randomUUID().toString().substring(0, 8);
        return QuarkusTransaction.requiringNew().call(() -> users.add(name, null, PASSWORD, role, teams, "p-x"));
    }

    @Test
    void aUserNameIsUniqueAndTheStoredPasswordIsAHash() {
        UserEntity u = add(Role.MANAGER, List.of("payments"));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> users.add(u.username, null, PASSWORD, Role.VIEWER,
                List.of(), null))).hasMessageContaining("already exists");
        UserEntity stored = QuarkusTransaction.requiringNew().call(() -> users.byName(u.username).orElseThrow());
        assertThat(stored.passwordHash).startsWith("pbkdf2-sha256$").doesNotContain(PASSWORD);
        assertThat(stored.scope()).isEqualTo(AccessScope.teams(List.of("payments")));
        assertThat(stored.personId).isEqualTo("p-x");
        assertThat(users.signIn(u.username, PASSWORD)).isPresent();
        assertThat(QuarkusTransaction.requiringNew().call(() -> users.byName(u.username).orElseThrow().lastSignInAt)).isNotNull();
    }

    @Test
    void aSessionResolvesByItsCookieValueAndEndsOnCloseExpiryOrDisable() {
        UserEntity u = add(Role.VIEWER, List.of());
        SessionService.Opened a = sessions.open(u, "127.0.0.1");
        SessionService.Opened b = sessions.open(u, "127.0.0.1");
        assertThat(sessions.resolve(a.id())).hasValueSatisfying(l -> {
            assertThat(l.user().username).isEqualTo(u.username);
            assertThat(l.csrfToken()).isEqualTo(a.csrfToken());
        });
        assertThat(sessions.resolve(TokenService.hash(a.id()))).as("the stored hash is not a session id").isEmpty();
        sessions.close(TokenService.hash(a.id()));
        assertThat(sessions.resolve(a.id())).isEmpty();
        assertThat(sessions.resolve(b.id())).isPresent();
        QuarkusTransaction.requiringNew().run(() -> sessions.findById(TokenService.hash(b.id())).expiresAt = Instant.now());
        assertThat(sessions.resolve(b.id())).isEmpty();

        SessionService.Opened c = sessions.open(u, null);
        QuarkusTransaction.requiringNew().run(() -> users.change(u.username, new UserService.Change(null, null, null, null, true)));
        assertThat(sessions.resolve(c.id())).as("a disabled user's session is dead").isEmpty();
        QuarkusTransaction.requiringNew().run(() -> users.change(u.username, new UserService.Change(null, null, null, null, false)));
        SessionService.Opened d = sessions.open(u, null);
        QuarkusTransaction.requiringNew().run(() -> sessions.closeAll(u.id));
        assertThat(sessions.resolve(d.id())).isEmpty();
    }

    @Test
    void aRoleChangeChecksTeams() {
        UserEntity u = add(Role.VIEWER, List.of());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> users.change(u.username,
                new UserService.Change(Role.MANAGER, List.of(), null, null, null)))).hasMessageContaining("at least one team");
        QuarkusTransaction.requiringNew().run(() -> users.change(u.username,
                new UserService.Change(Role.MANAGER, List.of("risk"), null, null, null)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> users.byName(u.username).orElseThrow().scope()))
                .isEqualTo(AccessScope.teams(List.of("risk")));
    }
}
