package dev.steward.cli;

import dev.steward.export.ExportRuns;
import dev.steward.export.ExportService;
import dev.steward.export.Manifest;
import dev.steward.export.Period;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code steward export}: builds the signed evidence bundle of one closed month (default: the last one), exactly once;
 * a period exported already is reported and skipped.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Build the signed evidence bundle of a closed month: reports, findings, the run, the inventory"
                + " snapshot, the mappings, a decision sample and a signed manifest.",
                "Exit code: 0 when exported or exported already, 1 when the export failed or the bundle exported"
                        + " already is no longer where it was written, 2 on bad usage."})
public class ExportCommand implements Callable<Integer> {

    @Option(names = "--period", paramLabel = "<YYYY-MM>", description = "The month to export. Default: the last closed month.")
    String period;

    @Option(names = "--out", paramLabel = "<folder>", description = "Where the <period> bundle folder goes."
            + " Default: steward.exports.dir (<steward.data-dir>/exports).")
    Path out;

    @Spec
    CommandSpec spec;

    private final ExportService exports;

    public ExportCommand(ExportService exports) {
        this.exports = exports;
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (out != null) {
            OutFolder.check(out);
        }
        YearMonth month = period == null ? Period.previous(java.time.Instant.now(), exports.zone()) : Period.parse(period);
        Period p = exports.period(month);
        o.printf("Period %s (%s): as of %s, window from %s%n", p.id(), p.zone(), p.asOf(), p.windowStart());
        ExportService.Outcome done;
        try {
            done = exports.export(month, out, dev.steward.audit.Actors.cli(), ExportService.Step.NONE,
                    java.time.Instant.now());
        } catch (dev.steward.export.ExportException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        if (done.status() == ExportService.Status.SKIPPED) {
            ExportRuns.ExportRun r = done.record();
            if (ExportRuns.DONE.equals(r.status()) && r.location() != null
                    && !Files.isRegularFile(Path.of(r.location()).resolve(Manifest.FILE))) {
                // exported once, then moved or deleted: exporting it again would give a new manifest, and the later
                // months' manifests chain to the one recorded, so the bundle has to come back from where it was kept
                spec.commandLine().getErr().printf("error: %s was exported at %s to %s, but no bundle is there now (moved or"
                        + " deleted). A period is exported once, so that later months' manifests keep chaining to it:"
                        + " restore that folder from your archive; its manifest.json has SHA-256 %s, and steward verify"
                        + " checks the rest.%n", p.id(), r.finishedAt(), r.location(), r.manifestSha256());
                return 1;
            }
            o.printf("Skipped: %s is %s already (%s)%n", p.id(), r.status(), r.location());
        } else {
            ExportRuns.ExportRun r = done.record();
            o.printf("%s %s: %d files, %,d bytes%nManifest SHA-256 %s%n",
                    done.status() == ExportService.Status.RECONCILED ? "Recorded the bundle published earlier at" : "Exported",
                    done.bundle(), r.fileCount(), r.sizeBytes(), r.manifestSha256());
            // the bundle carries a copy of the key, but a key that travels with what it signs proves integrity only:
            // auditors verify against this installation's key (or its fingerprint) received apart from the bundle
            o.printf("Signed with the key %s (fingerprint %s): give auditors that file or its fingerprint apart"
                    + " from the bundle.%nVerify with: steward verify %s --public-key %s%n", exports.publicKeyFile(),
                    fingerprint(), done.bundle(), exports.publicKeyFile());
        }
        o.flush();
        return 0;
    }

    private String fingerprint() {
        try {
            return dev.steward.export.SigningKeys.fingerprint(exports.keys().getPublic());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the signing key is no longer readable: " + e.getMessage(), e);
        }
    }
}
