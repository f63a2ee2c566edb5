package dev.steward.assessment;

/**
 * One team, owner, manager or environment: weighted score and coverage over the default-variant results of the
 * subjects attributed to it, the result counts, and its FAILs by severity. {@code key} is {@value #NONE} for subjects
 * without that attribute (a shadow agent has no team).
 */
public record RollupEntry(String key, Double score, Double coverage, ResultCounts results, SeverityCounts fails) {

    public static final String NONE = "(none)";
}
