package dev.steward.cli;

import io.quarkus.runtime.Quarkus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;

/** Keeps the service running: REST API, OpenAPI, health and metrics. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP service (REST API under /api/v1, OpenAPI at /q/openapi, health at /q/health).")
public class ServeCommand implements Runnable {

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    @Override
    public void run() {
        System.out.println("Steward is serving on http://localhost:" + port + "  (Ctrl+C to stop)");
        Quarkus.waitForExit();
    }
}
