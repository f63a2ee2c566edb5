package dev.steward.mapping;

import java.util.List;
import java.util.Objects;

/**
 * Relationships between the controls of two frameworks (kind Crosswalk), in OSCAL control-mapping words. The
 * {@link #provenance()} says who stands behind the rows: the framework owner, or Steward's own analysis.
 */
public record Crosswalk(
        String apiVersion,
        String kind,
        String id,
        String source,
        String target,
        Provenance provenance,
        String reference,
        List<String> notes,
        List<Relationship> relationships) {

    public Crosswalk {
        notes = List.copyOf(Objects.requireNonNullElse(notes, List.of()));
        relationships = List.copyOf(Objects.requireNonNullElse(relationships, List.of()));
    }
}
