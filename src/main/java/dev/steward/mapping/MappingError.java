package dev.steward.mapping;

/**
 * One problem found while loading mappings: the file (or folder) it is in, what it is about ("control GOVERN 1.6",
 * "crosswalk x row 3 (NHI1 -> ASI04)"; null for the whole file) and what is wrong.
 */
public record MappingError(String file, String subject, String message) {

    @Override
    public String toString() {
        return subject == null ? file + ": " + message : file + ": " + subject + ": " + message;
    }
}
