package dev.steward.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One compliance framework as loaded from a mappings/ YAML file (kind Framework): its metadata and its controls in
 * file order. Controls form a tree through {@link Control#parent()}; ids are referenced elsewhere as
 * {@code <framework id>:<control id>}. Frameworks are data: a new one is a new file, never a new class.
 */
public record Framework(
        String apiVersion,
        String kind,
        String id,
        String name,
        String version,
        String publisher,
        String source,
        String license,
        List<String> notes,
        List<Control> controls) {

    public Framework {
        notes = List.copyOf(Objects.requireNonNullElse(notes, List.of()));
        controls = List.copyOf(Objects.requireNonNullElse(controls, List.of()));
    }

    /** The control with this id, if the framework has one. */
    public Optional<Control> control(String controlId) {
        return controls.stream().filter(c -> c.id().equals(controlId)).findFirst();
    }
}
