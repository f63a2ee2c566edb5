package dev.steward.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Authentication settings. */
@ConfigMapping(prefix = "steward.auth")
public interface AuthConfig {

    /**
     * A bootstrap admin API token to accept (e.g. from a secret store, at least 24 characters). When absent and no
     * admin token exists yet, one is generated on first start and written to {@code <data-dir>/bootstrap-token}
     * (readable by the owner only); it is never logged.
     */
    Optional<String> bootstrapToken();
}
