package dev.steward.check;

/** Severity of a check (CHECKS.md: C, H, M, L). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
