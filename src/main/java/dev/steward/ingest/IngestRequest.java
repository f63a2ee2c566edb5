package dev.steward.ingest;

import java.time.Instant;
import java.util.List;

/**
 * One upload to ingest. {@code format} is auto or native (adapters add more); {@code asOf} and {@code source}
 * override or supply the document-level values (CSV and XLSX have no other place for them); {@code scope} names the
 * supersession scope (default native). {@code user} is who uploaded, for provenance. {@code expected}, when set,
 * is the kind the caller means to upload (the REST endpoint); files of another kind are refused before reading.
 */
public record IngestRequest(List<InputFile> files, String format, Instant asOf, String source, String scope,
        String user, IngestListener listener, dev.steward.upload.UploadKind expected) {

    public IngestRequest {
        files = List.copyOf(files);
        format = format == null || format.isBlank() ? "auto" : format;
        scope = scope == null || scope.isBlank() ? "native" : scope;
        listener = listener == null ? IngestListener.NONE : listener;
    }

    public static IngestRequest of(List<InputFile> files) {
        return new IngestRequest(files, "auto", null, null, null, null, null, null);
    }
}
