package dev.steward.cli;

import dev.steward.ingest.IngestException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Turns bad input into one clear line and exit code 2, and a failure to write a command's files into one clear line
 * and exit code 1; anything else is a defect and keeps its stack trace.
 */
public class CliErrors implements CommandLine.IExecutionExceptionHandler {

    /** The work was done and stored, but its files could not be written; the message says what to do. */
    static final class OutputFailed extends RuntimeException {
        OutputFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) throws Exception {
        if (ex instanceof IngestException || ex instanceof IllegalArgumentException) {
            cmd.getErr().println("error: " + ex.getMessage());
            return 2;
        }
        if (ex instanceof OutputFailed) {
            cmd.getErr().println("error: " + ex.getMessage());
            return 1;
        }
        throw ex;
    }

    /** The failure to write a stored run's files, saying that the run is kept and how to get its files. */
    static OutputFailed unwritten(Path out, String runId, Exception e) {
        Exception cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return new OutputFailed("cannot write to " + out + " (" + reason(cause) + "); assessment " + runId
                + " is stored, and the same command with another --out writes its files without assessing again", e);
    }

    /** What went wrong with a file, in words, with the file: the JDK's messages of file errors are often the path alone. */
    static String reason(Exception e) {
        String what = what(e);
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        return file == null ? what : what + ": " + file;
    }

    /** {@link #reason} without the file. */
    static String what(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
