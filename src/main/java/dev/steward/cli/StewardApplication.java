package dev.steward.cli;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Runs the picocli command tree inside the Quarkus application, so commands get CDI beans injected. */
public class StewardApplication implements QuarkusApplication {

    private final CommandLine.IFactory factory;

    @Inject
    public StewardApplication(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    @Override
    public int run(String... args) {
        return StewardCommand.commandLine(factory).execute(args);
    }
}
