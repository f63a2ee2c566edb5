package dev.steward.assessment;

/** Where a team should start (CHECKS.md, "Prioritisation"). */
public enum Recommendation {
    GOVERNANCE_FIRST,
    ROTATION_FIRST,
    MAINTAIN
}
