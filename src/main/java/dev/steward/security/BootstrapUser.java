package dev.steward.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure a person can sign in to a fresh store: when no user exists, creates {@code admin} with a generated
 * password and writes the password to {@code <data-dir>/bootstrap-password} (owner-readable only). The password is
 * never logged or printed; only the file's location is.
 */
@ApplicationScoped
public class BootstrapUser {

    public static final String USERNAME = "admin";
    public static final String FILE = "bootstrap-password";
    private static final Logger LOG = Logger.getLogger(BootstrapUser.class);

    private final UserService users;
    private final SecurityEvents events;
    private final Path dataDir;

    public BootstrapUser(UserService users, SecurityEvents events, @ConfigProperty(name = "steward.data-dir") Path dataDir) {
        this.users = users;
        this.events = events;
        this.dataDir = dataDir;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::ensureUser);
    }

    /** The file holding the generated password, whether or not it exists. */
    public Path passwordFile() {
        return dataDir.resolve(FILE);
    }

    void ensureUser() {
        if (users.any()) {
            return;
        }
        String password = PasswordHasher.generate();
        Path file = passwordFile();
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.writeString(file, password + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("file system without POSIX permissions; bootstrap password file left with default permissions");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bootstrap admin password to " + file, e);
        }
        users.add(USERNAME, "Administrator", password, Role.ADMIN, List.of(), null);
        events.userChanged("first start", USERNAME, "added role=admin (bootstrap)");
        LOG.infof("created the web user '%s'; its password is in %s (change it: steward user passwd %s)", USERNAME, file,
                USERNAME);
    }
}
