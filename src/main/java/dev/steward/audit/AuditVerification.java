package dev.steward.audit;

/**
 * What a chain check found: how many entries it read, the first and last seq and the last hash, and the FIRST
 * problem (null when the chain holds). Checking stops mattering at the first broken link: everything after it can no
 * longer be trusted, so only that one is reported, precisely.
 */
public record AuditVerification(boolean ok, long entries, Long firstSeq, Long lastSeq, String lastHash, Problem problem) {

    /** Kinds of broken chain. */
    public enum Kind {
        /** An entry's fields no longer give its stored hash: a field was changed after it was written. */
        HASH_MISMATCH,
        /** An entry's prev_hash is not the stored hash of the entry before it. */
        PREV_HASH_MISMATCH,
        /** Two entries are in the wrong order: the entry at seq follows the one after it. */
        REORDERED,
        /** A seq is missing between two stored entries, or at the end (the head names a later one). */
        MISSING_ENTRY,
        /** An entry's seq is not greater than the one before it. */
        UNEXPECTED_SEQ,
        /** The chain's last entry is not the head recorded beside it. */
        HEAD_MISMATCH
    }

    /**
     * The first problem: the entry's seq, the kind, the field or hash that does not match (hash, prev_hash, seq or
     * head), the expected and the stored value, and a sentence for people.
     */
    public record Problem(long seq, Kind kind, String field, String expected, String stored, String message) {
    }
}
