package dev.steward.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What part of the organisation a caller may see: everything, or only the agents, owners and findings of some teams
 * (a manager). Carried on the {@link SecurityIdentity} as the attribute {@link #ATTRIBUTE}; an identity without it
 * sees everything, which is right for viewer, auditor and admin and for the CLI, which has no identity.
 *
 * @param unrestricted true when every team is visible
 * @param teams        the visible teams when restricted (may be empty: a manager with no team sees nothing)
 */
public record AccessScope(boolean unrestricted, Set<String> teams) {

    public static final String ATTRIBUTE = "steward.teams";
    public static final AccessScope ALL = new AccessScope(true, Set.of());

    public AccessScope {
        teams = Set.copyOf(new TreeSet<>(teams));
    }

    public static AccessScope teams(Collection<String> teams) {
        return new AccessScope(false, new TreeSet<>(teams));
    }

    /** The scope of an identity: restricted when it carries the teams attribute, unrestricted otherwise. */
    public static AccessScope of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ALL;
        }
        Object value = identity.getAttribute(ATTRIBUTE);
        if (value instanceof AccessScope scope) {
            return scope;
        }
        return ALL;
    }

    /** Whether a record of this team is visible. A record with no team is visible only to unrestricted callers. */
    public boolean allows(String team) {
        return unrestricted || (team != null && teams.contains(team));
    }
}
