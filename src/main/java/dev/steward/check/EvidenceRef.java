package dev.steward.check;

import dev.steward.evidence.SourceRef;

/**
 * Points a result at the records behind it so a person can trace it: {@code kind} is agent, credential, person,
 * decisions (an aggregate over a time range), secret or grant; {@code id} the record id; {@code detail} a short
 * human-readable fact ("departed 2026-08-14", "3 allowed decisions 2026-10-01..2026-10-03"); {@code source} where
 * the record was read (null for derived aggregates).
 */
public record EvidenceRef(String kind, String id, String detail, SourceRef source) {

    public static EvidenceRef of(String kind, String id, String detail) {
        return new EvidenceRef(kind, id, detail, null);
    }
}
