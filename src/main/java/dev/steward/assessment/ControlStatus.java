package dev.steward.assessment;

/**
 * Status of a framework control (CHECKS.md, "Control status"), plus OUT_OF_SCOPE for controls the mapping marks as
 * beyond what agent identity governance can evidence (they are never scored).
 */
public enum ControlStatus {
    SATISFIED,
    PARTIALLY_SATISFIED,
    NOT_SATISFIED,
    /** In scope, with checks, but no check gave a score: no evidence at all. */
    NOT_ASSESSED,
    /** Only manual evidence is defined, and none is attached. */
    MANUAL,
    OUT_OF_SCOPE
}
