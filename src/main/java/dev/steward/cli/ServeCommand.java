package dev.steward.cli;

import dev.steward.export.ExportScheduler;
import io.quarkus.runtime.Quarkus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;

/** Keeps the service running: REST API, OpenAPI, health and metrics. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP service (REST API under /api/v1, OpenAPI at /q/openapi, health at /q/health).")
public class ServeCommand implements Runnable {

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    private final ExportScheduler exports;

    public ServeCommand(ExportScheduler exports) {
        this.exports = exports;
    }

    @Override
    public void run() {
        exports.start();
        System.out.println("Steward is serving on http://localhost:" + port + "  (Ctrl+C to stop)");
        Quarkus.waitForExit();
    }
}
