package dev.steward.ui;

import dev.steward.export.BundleChecks;
import dev.steward.export.BundleVerifier;
import dev.steward.export.ExportException;
import dev.steward.export.ExportRuns;
import dev.steward.export.ExportService;
import dev.steward.export.Period;
import dev.steward.export.SigningKeys;
import dev.steward.security.Role;
import dev.steward.work.Jobs;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.security.PublicKey;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

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
    private final FormJobs jobs;

    @Context
    UriInfo uri;

    public ExportsResource(Pages pages, ExportRuns runs, ExportService exports, SecurityIdentity identity,
            BundleChecks checks, FormJobs jobs) {
        this.jobs = jobs;
        this.checks = checks;
        this.pages = pages;
        this.runs = runs;
        this.exports = exports;
        this.identity = identity;
    }

    @GET
    public Response list(@QueryParam("download") String download, @QueryParam("table") String table,
            @QueryParam("exported") String exported, @QueryParam("skipped") String skipped,
            @QueryParam("job") String job) {
        Map<String, Object> extra = new java.util.HashMap<>();
        java.util.Optional<Response> done = jobs.follow(job, Viewer.of(identity), extra);
        if (done.isPresent()) {
            return done.get();
        }
        notice(exported != null ? exported : skipped, exported != null).ifPresent(n -> extra.put("notice", n));
        return listPage(200, download, table, extra);
    }

    /**
     * Exports a closed month now (admin; empty = the last closed month), as {@code steward export --period} does: a
     * month exported already is not exported again. The answer redirects to the list with a notice; an export that
     * takes longer than the form waits is a {@link FormJobs job} the list follows ({@code /exports?job=}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response exportNow(@RestForm String period) {
        try {
            YearMonth month = period == null || period.isBlank()
                    ? Period.previous(java.time.Instant.now(), exports.zone()) : Period.parse(period);
            String user = identity.getPrincipal().getName();
            Jobs.Job job = jobs.submit("Export of " + month, user, () -> {
                ExportService.Outcome done = exports.export(month, user);
                String key = done.status() == ExportService.Status.SKIPPED ? "skipped" : "exported";
                return java.net.URI.create("/exports?" + key + "=" + done.period());
            });
            return Response.seeOther(jobs.answer(job, "/exports")).build();
        } catch (IllegalArgumentException | ExportException e) {
            return listPage(400, null, null, Map.of("formError", e.getMessage(),
                    "period", period == null ? "" : period));
        }
    }

    private java.util.Optional<String> notice(String period, boolean exported) {
        if (period == null || !period.matches("\\d{4}-\\d{2}")) {
            return java.util.Optional.empty();
        }
        return runs.get(period).map(r -> exported
                ? "Exported " + r.period() + ": " + r.fileCount() + " files, " + String.format(Locale.ROOT, "%,d",
                        r.sizeBytes()) + " bytes, manifest SHA-256 "
                        + r.manifestSha256() + ", from assessment " + r.assessmentId() + "."
                : r.period() + " was exported already (" + r.status().toLowerCase(Locale.ROOT) + ", "
                        + new View().time(r.finishedAt()) + "): a month is exported once, so that later months'"
                        + " manifests keep chaining to it.");
    }

    private Response listPage(int status, String download, String table, Map<String, Object> extra) {
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
        Map<String, Object> values = new java.util.HashMap<>(extra);
        values.put("title", "Exports");
        values.put("tables", tables);
        values.put("here", "/exports?");
        values.put("fingerprint", key == null ? "" : SigningKeys.fingerprint(key));
        values.put("lastClosed", Period.previous(java.time.Instant.now(), exports.zone()).toString());
        values.put("zone", exports.zone().toString());
        return pages.page(status, "exports", me, values);
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
