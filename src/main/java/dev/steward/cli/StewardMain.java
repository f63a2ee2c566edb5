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
        if (!servesHttp(args)) {
            // one-shot commands print their own output; the console log only carries warnings and errors
            System.getProperties().putIfAbsent("quarkus.http.host-enabled", "false");
            System.getProperties().putIfAbsent("quarkus.log.console.level", "WARN");
        }
        Quarkus.run(StewardApplication.class, args);
    }

    static boolean servesHttp(String... args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            return "serve".equals(a);
        }
        return false;
    }
}
