package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.security.UserEntity;
import dev.steward.security.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code steward user add|list|set-role|passwd|disable|enable}: what each does to the stored user. */
@QuarkusTest
class UserCommandTest {

    @Inject
    CommandLine.IFactory factory;
    @Inject
    UserService users;

    private Run run(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Run.of(factory, args);
        } finally {
            System.setIn(saved);
        }
    }

    private Optional<UserEntity> stored(String name) {
        return QuarkusTransaction.requiringNew().call(() -> users.byName(name));
    }

    @Test
    void addListChangeAndDisableAUser() {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Run add = run("first password 123\n", "user", "add", name, "--role", "manager", "--teams", "payments,risk",
                "--person-id", "p-ana", "--password-stdin");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added user " + name).doesNotContain("first password");
        UserEntity u = stored(name).orElseThrow();
        assertThat(u.role).isEqualTo("manager");
        assertThat(u.teamList()).containsExactly("payments", "risk");
        assertThat(u.passwordHash).doesNotContain("first password");
        assertThat(users.signIn(name, "first password 123")).isPresent();

        assertThat(run("", "user", "list").out()).contains(name).contains("payments,risk").doesNotContain("pbkdf2");

        assertThat(run("", "user", "set-role", name, "auditor").exit()).isZero();
        assertThat(stored(name).orElseThrow().role).isEqualTo("auditor");
        assertThat(stored(name).orElseThrow().teams).as("only managers have teams").isNull();

        assertThat(run("second password 456\n", "user", "passwd", name, "--password-stdin").exit()).isZero();
        assertThat(users.signIn(name, "first password 123")).isEmpty();
        assertThat(users.signIn(name, "second password 456")).isPresent();

        assertThat(run("", "user", "disable", name).exit()).isZero();
        assertThat(users.signIn(name, "second password 456")).isEmpty();
        assertThat(run("", "user", "enable", name).exit()).isZero();
        assertThat(users.signIn(name, "second password 456")).isPresent();
    }

    @Test
    void badInputIsRefusedWithAReason() {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Run shortPassword = run("short\n", "user", "add", name, "--role", "viewer", "--password-stdin");
        assertThat(shortPassword.exit()).isNotZero();
        assertThat(shortPassword.err()).contains("12 characters");
        Run managerWithoutTeam = run("long enough password\n", "user", "add", name, "--role", "manager", "--password-stdin");
        assertThat(managerWithoutTeam.exit()).isNotZero();
        assertThat(managerWithoutTeam.err()).contains("at least one team");
        assertThat(stored(name)).isEmpty();
        assertThat(run("", "user", "--help").out()).contains("add").contains("set-role").contains("passwd").contains("disable");
    }
}
