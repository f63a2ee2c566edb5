package dev.steward.security;

import java.util.Locale;
import java.util.Set;

/**
 * Roles, each including the ones below it: viewer reads the evidence and results; auditor also downloads evidence
 * exports; admin also ingests and configures.
 */
public enum Role {
    VIEWER, AUDITOR, ADMIN;

    public static final String VIEWER_NAME = "viewer";
    public static final String AUDITOR_NAME = "auditor";
    public static final String ADMIN_NAME = "admin";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role names a holder of this role has (its own and every lower one). */
    public Set<String> granted() {
        return switch (this) {
            case VIEWER -> Set.of(VIEWER_NAME);
            case AUDITOR -> Set.of(VIEWER_NAME, AUDITOR_NAME);
            case ADMIN -> Set.of(VIEWER_NAME, AUDITOR_NAME, ADMIN_NAME);
        };
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.wire().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; allowed: viewer, auditor, admin");
    }
}
