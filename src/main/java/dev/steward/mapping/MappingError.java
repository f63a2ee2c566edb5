package dev.steward.mapping;

/**
 * One problem found while loading mappings: the file (or folder) it is in, the line to edit (0 when the problem is not
 * at one place in a file), what it is about ("control GOVERN 1.6", "crosswalk x row 3 (NHI1 -> ASI04)"; null for the
 * whole file) and what is wrong. Printed the way compilers do: {@code file:line: subject: message}.
 */
public record MappingError(String file, int line, String subject, String message) {

    public MappingError(String file, String subject, String message) {
        this(file, 0, subject, message);
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return subject == null ? where + ": " + message : where + ": " + subject + ": " + message;
    }
}
