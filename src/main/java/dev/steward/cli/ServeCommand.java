package dev.steward.cli;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.Windows;
import dev.steward.export.ExportScheduler;
import dev.steward.export.ExportService;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.SourceAdapters;
import dev.steward.report.PageWarmer;
import dev.steward.security.BootstrapUser;
import dev.steward.security.UserService;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Keeps the service running: web UI, REST API, OpenAPI, health and metrics. With a folder it first ingests and
 * assesses it (as {@code assess} does), so one command shows a data set in the browser; it then says where to sign
 * in. The generated admin password is never printed: it stays in its owner-only file, and the console says where.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the HTTP service: the web UI at /, the REST API under /api/v1, OpenAPI at /q/openapi,"
                + " health at /q/health.",
                "With a folder, ingest and assess it first (as `steward assess <folder>` does), then serve.",
                "Prints where to sign in; on a fresh store the user admin's password is in <data-dir>/bootstrap-password."})
public class ServeCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "<folder>", description = "Files or folder to ingest and assess before serving.")
    Path folder;

    @Option(names = "--as-of", paramLabel = "<instant>", description = "With a folder: assess as of this instant"
            + " (RFC 3339 or YYYY-MM-DD). Default: now.")
    String asOf;

    @Option(names = "--window", paramLabel = "<duration>", description = "With a folder: the decision window before the"
            + " as-of instant (90d, 12h, P90D). Default: steward.assessment.default-window.")
    String window;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    @Spec
    CommandSpec spec;

    private final ExportScheduler exports;
    private final AssessmentService assessments;
    private final FolderIngest folders;
    private final BootstrapUser bootstrap;
    private final UserService users;
    private final PageWarmer warmer;

    @Inject
    public ServeCommand(ExportScheduler exports, AssessmentService assessments, IngestService ingest, IngestConfig limits,
            SourceAdapters sources, BootstrapUser bootstrap, UserService users, PageWarmer warmer) {
        this.exports = exports;
        this.warmer = warmer;
        this.assessments = assessments;
        this.folders = new FolderIngest(ingest, limits, sources);
        this.bootstrap = bootstrap;
        this.users = users;
    }

    @Override
    @ActivateRequestContext
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (folder != null && !prepare(out, spec.commandLine().getErr())) {
            return 1;
        }
        exports.start(folder == null);
        warmer.warmIfEnabled();
        out.println("Steward is serving on http://localhost:" + port + "  (Ctrl+C to stop)");
        out.println(signIn());
        out.flush();
        Quarkus.waitForExit();
        return 0;
    }

    /**
     * Ingests the folder, catches up the evidence export of the month closed at the as-of (now by default), then
     * assesses: in that order, so the run served is the newest and the one the pages show.
     */
    boolean prepare(PrintWriter out, PrintWriter err) {
        Instant at = FolderIngest.asOfOption(asOf);
        Duration w = window == null ? null : Windows.parse(window);
        if (!folders.ingestFirst(folder, "not served", out, err)) {
            return false;
        }
        exports.catchUp(at == null ? Instant.now() : at)
                .filter(o -> o.status() == ExportService.Status.EXPORTED)
                .ifPresent(o -> out.printf("Exported the evidence bundle of %s%s to %s.%n", o.period(),
                        at == null ? "" : ", the month closed at " + at + ",", o.bundle()));
        AssessmentService.Assessed done = assessments.assess(at, w, System.getProperty("user.name"));
        out.printf("Assessed %s as of %s (%s).%n", done.run().id(), done.run().summary().asOf(),
                done.created() ? "new" : "stored already, same inputs");
        return true;
    }

    private String signIn() {
        Path file = bootstrap.passwordFile();
        boolean bootstrapAdmin = users.byName(BootstrapUser.USERNAME).isPresent();
        if (bootstrapAdmin && Files.exists(file)) {
            return "Open http://localhost:" + port + "/ and sign in as " + BootstrapUser.USERNAME
                    + " with the password in " + file + " (readable by you only).";
        }
        return "Open http://localhost:" + port + "/ and sign in (add a user: steward user add <name> --role viewer).";
    }
}
