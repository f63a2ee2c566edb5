package dev.steward.mapping;

/**
 * A mapping file's content before parsing. {@code name} is its path relative to the mappings root (a user file with
 * the same name replaces a bundled one, and names enter the mapping version); {@code origin} says where it was read,
 * for error messages.
 */
public record MappingFile(String name, String origin, byte[] bytes) {
}
