package dev.steward.audit;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who an audit entry names: the principal of a REST caller ({@code token:<name>}, or a signed-in user), {@code
 * cli:<os user>} for a command run on the host, {@code scheduler} for the scheduled export.
 */
public final class Actors {

    public static final String SCHEDULER = "scheduler";

    private Actors() {
    }

    /** The operating system user running a command, as {@code cli:<user.name>}. */
    public static String cli() {
        String user = System.getProperty("user.name");
        return "cli:" + (user == null || user.isBlank() ? "unknown" : user);
    }

    /** The principal name of a REST caller; {@code anonymous} when there is none. */
    public static String of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return "anonymous";
        }
        return identity.getPrincipal().getName();
    }
}
