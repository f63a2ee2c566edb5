package dev.steward.mapping;

/**
 * A control related to a given control through a crosswalk row, as seen from the given control. {@code inverse} is
 * true when the row was written the other way round (the given control is the row's target); the relationship is
 * then already inverted (subset-of becomes superset-of).
 */
public record CrosswalkTarget(
        String crosswalkId,
        Provenance provenance,
        String framework,
        String controlId,
        RelationshipType relationship,
        String rationale,
        boolean inverse) {

    /** {@code framework:controlId}. */
    public String ref() {
        return MappingSet.ref(framework, controlId);
    }
}
