package dev.steward.cli;

import dev.steward.mapping.MappingException;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Entry point of the jar. One-shot commands (ingest, assess, report, ...) run without the HTTP server; only
 * {@code serve} opens a port.
 */
@QuarkusMain
public final class StewardMain {

    private StewardMain() {
    }

    public static void main(String... args) {
        int verify = commandIndex(args);
        if (verify >= 0 && "verify".equals(args[verify])) {
            // offline: verifying a bundle needs the bundle and a key, not the application or its database
            String[] rest = new String[args.length - verify - 1];
            System.arraycopy(args, verify + 1, rest, 0, rest.length);
            System.exit(VerifyCommand.standalone(rest));
        }
        if (!servesHttp(args)) {
            // one-shot commands print their own output; the console log only carries warnings and errors
            System.getProperties().putIfAbsent("quarkus.http.host-enabled", "false");
            System.getProperties().putIfAbsent("quarkus.log.console.level", "WARN");
        }
        Quarkus.run(StewardApplication.class, StewardMain::exit, args);
    }

    /**
     * Ends the process as Quarkus would (exit with the command's code), except that a start that fails on the user's
     * own files or settings says so in one message instead of the start-up stack trace: mappings that do not load
     * (every error listed, exit 2), an invalid configuration value, a port in use.
     */
    static void exit(Integer code, Throwable failure) {
        if (failure != null) {
            Optional<String> told = told(failure);
            if (told.isPresent()) {
                System.err.println(told.get());
                System.err.flush();
                System.exit(2);
            }
            Logger.getLogger(Application.class).errorv(failure, "Failed to start application");
        }
        System.exit(code);
    }

    /** The message for a start that failed on the user's input, empty for any other failure. */
    static Optional<String> told(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MappingException) {
                return Optional.of("error: Steward does not start: its mappings do not load. " + t.getMessage());
            }
            if (t instanceof ConfigurationException || t instanceof ConfigValidationException) {
                return Optional.of("error: Steward does not start: " + t.getMessage());
            }
            if (t instanceof QuarkusBindException b) {
                return Optional.of("error: Steward does not start: port " + b.getPort() + " on " + b.getHost()
                        + " is in use by another process (another steward serve?); stop it, or set quarkus.http.port");
            }
        }
        return Optional.empty();
    }

    static boolean servesHttp(String... args) {
        int i = commandIndex(args);
        return i >= 0 && "serve".equals(args[i]);
    }

    /** Index of the first argument that is not an option (the subcommand), or -1. */
    static int commandIndex(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                return i;
            }
        }
        return -1;
    }
}
