package dev.steward.evidence;

/**
 * Provenance of one stored record: the upload it came from, the file inside that upload and the line (JSON Lines,
 * YAML) or row (CSV, XLSX) where it starts. Line numbers are 1-based; 0 means unknown.
 */
public record SourceRef(long uploadId, String file, long line) {

    @Override
    public String toString() {
        return "upload " + uploadId + " " + file + (line > 0 ? ":" + line : "");
    }
}
