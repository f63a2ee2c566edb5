package dev.steward.mapping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where Steward finds framework mappings beyond the bundled ones ({@code steward.mappings.*}). */
@ConfigMapping(prefix = "steward.mappings")
public interface MappingConfig {

    /**
     * Folder of extra or overriding mapping YAML files, read at start-up after the bundled ones. A file with the same
     * relative name as a bundled file (e.g. {@code nist-csf-2.0.yaml}) replaces it; any other file adds a framework
     * or crosswalk. Unset: only the bundled mappings.
     */
    Optional<Path> dir();

    /** Largest mapping file accepted, in bytes; larger files are rejected before the YAML parser sees them. */
    @WithDefault("8388608")
    long maxFileBytes();
}
