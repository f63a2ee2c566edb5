package dev.steward.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Web UI settings ({@code steward.web.*}): browser sessions, filter lists, the pages' model and long forms. */
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

    /**
     * A filter of the ownership gaps page with more values than this (the owners of a large organisation) is a text
     * field, where a person is given by id or name, instead of a list of every value.
     */
    @WithDefault("1000")
    int filterListLimit();

    /**
     * Build the overview's model of the latest run in the background when {@code steward serve} starts and after each
     * new run, so that the first page does not wait for it.
     */
    @WithDefault("true")
    boolean warmPages();

    /**
     * How long a form that starts long work (Assess now, Export a month now) waits for it before it sends the browser
     * to a page that follows the work instead: under a reverse proxy's usual 60 s, which would otherwise answer 504
     * while the work went on.
     */
    @WithDefault("PT10S")
    Duration formWait();
}
