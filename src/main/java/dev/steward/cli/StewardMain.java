package dev.steward.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

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
        Quarkus.run(StewardApplication.class, args);
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
