package dev.steward.audit;

import java.util.Locale;

/** How a recorded action ended: done, failed (an error or a rejected input), or denied (not allowed). */
public enum AuditOutcome {
    OK, FAILED, DENIED;

    /** The stored and hashed form: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditOutcome parse(String text) {
        for (AuditOutcome o : values()) {
            if (o.wire().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("outcome '" + text + "' is not one of ok, failed, denied");
    }
}
