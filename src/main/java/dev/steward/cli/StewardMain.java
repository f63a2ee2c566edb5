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
        if (!servesHttp(args) && System.getProperty("quarkus.http.host-enabled") == null) {
            System.setProperty("quarkus.http.host-enabled", "false");
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
