package dev.steward.ingest;

/**
 * Bad input that stops an upload as a whole (an unreadable file, a limit exceeded, an unknown format). Problems of
 * single records are not exceptions: they are collected in the {@link IngestReport}.
 */
public class IngestException extends RuntimeException {

    private final boolean tooLarge;

    public IngestException(String message) {
        this(message, false);
    }

    /** @param tooLarge the upload as a whole is over the size limit (HTTP 413) */
    public IngestException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
        this.tooLarge = false;
    }
}
