package dev.steward.check;

/** The result a check gives one subject (CHECKS.md, "Results"). */
public enum Result {
    PASS,
    PARTIAL,
    FAIL,
    NOT_APPLICABLE,
    INSUFFICIENT_EVIDENCE;

    /** Whether the result counts in the weighted score (PASS, PARTIAL, FAIL). */
    public boolean scored() {
        return this == PASS || this == PARTIAL || this == FAIL;
    }

    /** Whether the result appears in findings.json (FAIL, PARTIAL, INSUFFICIENT_EVIDENCE). */
    public boolean finding() {
        return this == FAIL || this == PARTIAL || this == INSUFFICIENT_EVIDENCE;
    }
}
