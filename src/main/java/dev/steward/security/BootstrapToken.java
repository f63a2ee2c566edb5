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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure an admin can sign in: registers the configured bootstrap token, or on a fresh store generates one and
 * writes it to {@code <data-dir>/bootstrap-token} (owner-readable only). The token itself is never logged.
 */
@ApplicationScoped
public class BootstrapToken {

    private static final Logger LOG = Logger.getLogger(BootstrapToken.class);

    private final TokenService tokens;
    private final AuthConfig config;
    private final Path dataDir;

    public BootstrapToken(TokenService tokens, AuthConfig config, @ConfigProperty(name = "steward.data-dir") Path dataDir) {
        this.tokens = tokens;
        this.config = config;
        this.dataDir = dataDir;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::ensureAdmin);
    }

    void ensureAdmin() {
        if (config.bootstrapToken().isPresent()) {
            String token = config.bootstrapToken().get();
            if (token.length() < 12) {
                throw new IllegalArgumentException("steward.auth.bootstrap-token must be at least 12 characters");
            }
            tokens.register("bootstrap", token, Role.ADMIN, null, "configuration");
            return;
        }
        if (tokens.anyUsableAdmin()) {
            return;
        }
        TokenService.Created created = tokens.issue("bootstrap", Role.ADMIN, java.util.List.of(), null, "first start");
        Path file = dataDir.resolve("bootstrap-token");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(file, created.token() + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("file system without POSIX permissions; bootstrap token file left with default permissions");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bootstrap admin token to " + file, e);
        }
        LOG.infof("generated a bootstrap admin API token; it is in %s (use: Authorization: Bearer <token>)", file);
    }
}
