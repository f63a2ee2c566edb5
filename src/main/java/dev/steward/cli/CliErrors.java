package dev.steward.cli;

import dev.steward.ingest.IngestException;
import picocli.CommandLine;

/** Turns bad input into one clear line and exit code 2; anything else is a defect and keeps its stack trace. */
public class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) throws Exception {
        if (ex instanceof IngestException || ex instanceof IllegalArgumentException) {
            cmd.getErr().println("error: " + ex.getMessage());
            return 2;
        }
        throw ex;
    }
}
