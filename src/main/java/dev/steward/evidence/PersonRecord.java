package dev.steward.evidence;

import java.time.Instant;

/** A person of the directory, as of one inventory or people upload. */
public record PersonRecord(
        String id,
        String name,
        String email,
        String team,
        String manager,
        String status,
        Instant departedAt,
        SourceRef source) {

    public boolean active() {
        return !"departed".equalsIgnoreCase(status) && departedAt == null;
    }

    /** Departed at or before the instant (a future departure date is not yet a departure). */
    public boolean departedBy(Instant asOf) {
        if (departedAt != null) {
            return !departedAt.isAfter(asOf);
        }
        return "departed".equalsIgnoreCase(status);
    }
}
