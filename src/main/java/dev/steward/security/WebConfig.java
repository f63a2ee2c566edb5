package dev.steward.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Browser session settings ({@code steward.web.*}). */
@ConfigMapping(prefix = "steward.web")
public interface WebConfig {

    /** A session unused for this long ends (the user signs in again). */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A session ends this long after sign-in, however active. */
    @WithDefault("PT12H")
    Duration absoluteTimeout();

    /**
     * Mark the session cookie Secure even when the request reached Steward over plain HTTP (behind a TLS-terminating
     * proxy). Requests that arrive over HTTPS always get a Secure cookie.
     */
    @WithDefault("false")
    boolean secureCookie();
}
