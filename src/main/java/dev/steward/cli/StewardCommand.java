package dev.steward.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command tree. */
@Command(name = "steward", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Which agent has access, what can it do, and how quickly can that access be cut off.",
                "Ingests agent inventories, a people directory and authorization decision logs into an evidence store,"
                        + " and assesses them against the check catalog and five frameworks."},
        subcommands = {IngestCommand.class, AssessCommand.class, ReportCommand.class, AttestCommand.class, ExportCommand.class,
                VerifyCommand.class, AuditCommand.class, TokenCommand.class, UserCommand.class, BenchCommand.class,
                ServeCommand.class, CommandLine.HelpCommand.class})
public class StewardCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(StewardCommand.class, factory);
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl;
    }
}
