package dev.steward.web;

import dev.steward.audit.Actors;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.export.ExportRuns;
import dev.steward.export.ExportService;
import dev.steward.export.Manifest;
import dev.steward.export.Period;
import dev.steward.export.SigningKeys;
import dev.steward.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Evidence exports: the record of every period's export (status, size, manifest and chain hashes), a bundle's
 * manifest, and an on-demand export of a closed period (admin). Reading exports is for auditors.
 */
@Path("/api/v1/exports")
@Tag(name = "exports")
public class ExportResource {

    private final ExportService exports;
    private final ExportRuns runs;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public ExportResource(ExportService exports, ExportRuns runs, SecurityIdentity identity, AuditLog audit) {
        this.audit = audit;
        this.exports = exports;
        this.runs = runs;
        this.identity = identity;
    }

    /** Body of POST: the month to export, YYYY-MM. */
    public record ExportRequest(String period) {
    }

    @GET
    @RolesAllowed(Role.AUDITOR_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List evidence exports, newest period first, with status, size and hashes")
    public List<ExportRuns.ExportRun> list() {
        return runs.list();
    }

    @GET
    @Path("/{period}")
    @RolesAllowed(Role.AUDITOR_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The export record of one period")
    public ExportRuns.ExportRun get(@PathParam("period") String period) {
        return runs.get(Period.parse(period).toString())
                .orElseThrow(() -> new NotFoundException("period " + period + " has not been exported"));
    }

    /** The folder of a published bundle, or 404 naming why there is none. */
    private java.nio.file.Path published(String period) {
        ExportRuns.ExportRun r = get(period);
        if (!ExportRuns.DONE.equals(r.status()) || r.location() == null) {
            throw new NotFoundException("period " + r.period() + " has no published bundle (status " + r.status() + ")");
        }
        java.nio.file.Path folder = java.nio.file.Path.of(r.location());
        if (!Files.isRegularFile(folder.resolve(Manifest.FILE))) {
            throw new NotFoundException("the bundle of " + r.period() + " is no longer at " + r.location());
        }
        return folder;
    }

    @GET
    @Path("/public-key")
    @RolesAllowed(Role.AUDITOR_NAME)
    @Produces("application/x-pem-file")
    @Operation(summary = "This installation's Ed25519 public key that signs bundle manifests (PEM), its SHA-256 fingerprint"
            + " in X-Key-Fingerprint: the key to give steward verify --public-key")
    public Response publicKey() throws java.io.IOException, java.security.GeneralSecurityException {
        java.security.PublicKey key = exports.keys().getPublic();
        return Response.ok(SigningKeys.publicPem(key), "application/x-pem-file")
                .header("Content-Disposition", "attachment; filename=\"steward-public-key.pem\"")
                .header("X-Key-Fingerprint", SigningKeys.fingerprint(key)).build();
    }

    @GET
    @Path("/{period}/bundle")
    @RolesAllowed(Role.AUDITOR_NAME)
    @Produces("application/zip")
    @Operation(summary = "The whole published bundle as a zip (verify it offline with steward verify)")
    public Response bundle(@PathParam("period") String period) {
        java.nio.file.Path folder = published(period);
        String name = "steward-evidence-" + Period.parse(period) + ".zip";
        audit.record(Actors.of(identity), AuditAction.EXPORT_DOWNLOAD, Period.parse(period).toString(), AuditOutcome.OK,
                java.util.Map.of("file", name));
        jakarta.ws.rs.core.StreamingOutput zip = output -> {
            try (var out = new java.util.zip.ZipOutputStream(output);
                    var files = Files.walk(folder)) {
                for (java.nio.file.Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new java.util.zip.ZipEntry(
                            Period.parse(period) + "/" + folder.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        };
        return Response.ok(zip, "application/zip").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @GET
    @Path("/{period}/manifest")
    @RolesAllowed(Role.AUDITOR_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed manifest.json of a published bundle")
    public Response manifest(@PathParam("period") String period) throws java.io.IOException {
        ExportRuns.ExportRun r = get(period);
        java.nio.file.Path file = published(period).resolve(Manifest.FILE);
        audit.record(Actors.of(identity), AuditAction.EXPORT_DOWNLOAD, r.period(), AuditOutcome.OK,
                java.util.Map.of("file", Manifest.FILE, "manifestSha256", r.manifestSha256()));
        return Response.ok(Files.readAllBytes(file), MediaType.APPLICATION_JSON)
                .header("X-Manifest-SHA256", r.manifestSha256()).build();
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export a closed period now (201), or report it exported already (200)")
    public Response export(ExportRequest request) {
        if (request == null || request.period() == null) {
            throw new IllegalArgumentException("body must be {\"period\": \"YYYY-MM\"}");
        }
        YearMonth month = Period.parse(request.period());
        ExportService.Outcome done = exports.export(month, identity.getPrincipal().getName());
        return Response.status(done.status() == ExportService.Status.EXPORTED ? 201 : 200).entity(done.record()).build();
    }
}
