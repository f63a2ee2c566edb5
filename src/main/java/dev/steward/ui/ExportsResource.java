package dev.steward.ui;

import dev.steward.export.BundleChecks;
import dev.steward.export.BundleVerifier;
import dev.steward.export.ExportRuns;
import dev.steward.export.ExportService;
import dev.steward.export.SigningKeys;
import dev.steward.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evidence exports (auditor): each monthly bundle with its state, and whether it verifies against this installation's
 * signing key (every file's hash and size, the signature) and when that was checked ({@link BundleChecks}: again
 * whenever a file changes, and at least hourly), with a download link for the zip.
 */
@Path("/exports")
@RolesAllowed(Role.AUDITOR_NAME)
public class ExportsResource {

    private final Pages pages;
    private final ExportRuns runs;
    private final ExportService exports;
    private final SecurityIdentity identity;
    private final BundleChecks checks;

    @Context
    UriInfo uri;

    public ExportsResource(Pages pages, ExportRuns runs, ExportService exports, SecurityIdentity identity,
            BundleChecks checks) {
        this.checks = checks;
        this.pages = pages;
        this.runs = runs;
        this.exports = exports;
        this.identity = identity;
    }

    @GET
    public Response list(@QueryParam("download") String download, @QueryParam("table") String table) {
        Viewer me = Viewer.of(identity);
        PublicKey key = publicKey();
        Table.Builder t = new Table.Builder("exports", "Evidence exports", "Period", "State", "Verifies", "Finished",
                "Assessment", "Files", "Size (bytes)", "Manifest SHA-256", "Download");
        for (ExportRuns.ExportRun r : runs.list()) {
            String state = r.status().toLowerCase(Locale.ROOT);
            String verify = verify(checks, r, key);
            boolean done = ExportRuns.DONE.equals(r.status());
            // the hashes wrap in their columns, so that the download link stays on screen beside them
            t.row(Table.Cell.codes(r.period()), Table.Cell.styled(state, state), Table.Cell.styled(verify,
                    verify.startsWith("verified") ? "verified" : done ? "fail" : "none"), new View().time(r.finishedAt()),
                    Table.Cell.styled(r.assessmentId(), "hash"), r.fileCount(), r.sizeBytes(),
                    Table.Cell.styled(r.manifestSha256(), "hash"),
                    done ? Table.Cell.link("bundle.zip", "/api/v1/exports/" + r.period() + "/bundle") : "");
        }
        List<Table> tables = List.of(t.build());
        if (download != null) {
            return TableDownloads.download(tables, table, download);
        }
        return pages.page("exports", me, Map.of("title", "Exports", "tables", tables, "here", Here.of(uri),
                "fingerprint", key == null ? "" : SigningKeys.fingerprint(key)));
    }

    private PublicKey publicKey() {
        try {
            return exports.keys().getPublic();
        } catch (Exception e) {
            return null;
        }
    }

    private static String verify(BundleChecks checks, ExportRuns.ExportRun r, PublicKey key) {
        if (!ExportRuns.DONE.equals(r.status()) || r.location() == null) {
            return "not published";
        }
        java.nio.file.Path folder = java.nio.file.Path.of(r.location());
        if (!Files.isDirectory(folder)) {
            return "bundle missing from " + folder;
        }
        BundleChecks.Check check = checks.check(folder, key);
        BundleVerifier.Report report = check.report();
        String when = " (checked " + new View().time(check.checkedAt()) + ")";
        return report.ok() ? "verified" + (key == null ? ", own key only" : "") + when
                : "FAILS: " + String.join("; ", report.problems().stream().limit(3).toList()) + when;
    }
}
