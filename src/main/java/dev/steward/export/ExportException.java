package dev.steward.export;

/** An export that failed; nothing was published and the period is recorded FAILED, to be retried. */
public class ExportException extends RuntimeException {
    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
