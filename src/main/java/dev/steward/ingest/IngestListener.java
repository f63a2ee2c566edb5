package dev.steward.ingest;

/** Progress of a long ingestion, for the CLI's progress line. */
public interface IngestListener {

    IngestListener NONE = (file, bytesRead, totalBytes, records) -> { };

    /** Called now and then while a file is read. */
    void progress(String file, long bytesRead, long totalBytes, long records);
}
