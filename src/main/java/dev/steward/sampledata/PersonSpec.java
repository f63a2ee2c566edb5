package dev.steward.sampledata;

import java.time.Instant;

/** One person of the generated directory; {@code departedAt} null means active. */
record PersonSpec(String id, String name, String email, String team, String manager, Instant departedAt) {

    String status() {
        return departedAt == null ? "active" : "departed";
    }

    boolean active() {
        return departedAt == null;
    }
}
