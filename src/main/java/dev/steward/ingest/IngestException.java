package dev.steward.ingest;

/**
 * Bad input that stops an upload as a whole (an unreadable file, a limit exceeded, an unknown format). Problems of
 * single records are not exceptions: they are collected in the {@link IngestReport}.
 */
public class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
