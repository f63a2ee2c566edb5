package dev.steward.security;

import java.util.Locale;
import java.util.Set;

/**
 * Roles. viewer reads the evidence and results of the whole organisation; manager reads the same but only for the
 * teams it is scoped to (see {@link AccessScope}); auditor reads everything and downloads evidence exports; admin also
 * ingests and configures. A role's {@link #granted()} names are what {@code @RolesAllowed} sees.
 */
public enum Role {
    VIEWER, MANAGER, AUDITOR, ADMIN;

    public static final String VIEWER_NAME = "viewer";
    public static final String MANAGER_NAME = "manager";
    public static final String AUDITOR_NAME = "auditor";
    public static final String ADMIN_NAME = "admin";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role names a holder of this role has. A manager also holds "viewer", so every read endpoint admits it; what
     * it then sees is narrowed to its teams by {@link AccessScope}.
     */
    public Set<String> granted() {
        return switch (this) {
            case VIEWER -> Set.of(VIEWER_NAME);
            case MANAGER -> Set.of(VIEWER_NAME, MANAGER_NAME);
            case AUDITOR -> Set.of(VIEWER_NAME, AUDITOR_NAME);
            case ADMIN -> Set.of(VIEWER_NAME, AUDITOR_NAME, ADMIN_NAME);
        };
    }

    /** True when holders of this role see only their own teams. */
    public boolean teamScoped() {
        return this == MANAGER;
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.wire().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; allowed: viewer, manager, auditor, admin");
    }
}
