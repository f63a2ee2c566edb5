package dev.steward.audit;

import java.time.Instant;

/** Optional filters of an audit listing or export; null means no filter. {@code to} is exclusive. */
public record AuditFilter(AuditAction action, String actor, Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);
}
