package dev.steward.mapping;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The OSCAL control-mapping relationship words. Read "source is equivalent-to / a subset-of / a superset-of /
 * intersects-with target".
 */
public enum RelationshipType {
    EQUIVALENT_TO("equivalent-to"),
    SUBSET_OF("subset-of"),
    SUPERSET_OF("superset-of"),
    INTERSECTS_WITH("intersects-with");

    private final String word;

    RelationshipType(String word) {
        this.word = word;
    }

    /** The word as written in the files and in OSCAL. */
    @JsonValue
    public String word() {
        return word;
    }

    /** The relationship read from target to source: subset and superset swap, the others are symmetric. */
    public RelationshipType inverse() {
        return switch (this) {
            case SUBSET_OF -> SUPERSET_OF;
            case SUPERSET_OF -> SUBSET_OF;
            default -> this;
        };
    }
}
