package dev.steward.mapping;

/**
 * One crosswalk row: control {@code source} of the crosswalk's source framework stands in {@code relationship} to
 * control {@code target} of its target framework, for the reason given in {@code rationale}.
 */
public record Relationship(String source, String target, RelationshipType relationship, String rationale) {
}
