package dev.steward.web;

import dev.steward.attestation.Attestation;
import dev.steward.attestation.AttestationService;
import dev.steward.ingest.Times;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Manual evidence: a person attests a control's manual evidence item (a policy, a procedure, a training record) with a
 * statement, a validity period and optionally a file. Assessments made while it is in force count it (docs/assessment.md,
 * "Manual evidence"). Admins attach and withdraw; every reader lists; auditors and admins download the files.
 */
@Path("/api/v1/attestations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attestations")
public class AttestationResource {

    private final AttestationService attestations;
    private final SecurityIdentity identity;

    public AttestationResource(AttestationService attestations, SecurityIdentity identity) {
        this.attestations = attestations;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Attach manual evidence to a control (form fields framework, control, evidence, statement, "
            + "validFrom?, validUntil; optional file part 'file')")
    public Response attach(@RestForm String framework, @RestForm String control, @RestForm String evidence,
            @RestForm String statement, @RestForm String validFrom, @RestForm String validUntil,
            @RestForm("file") FileUpload file, UriInfo uri) throws IOException {
        byte[] bytes = null;
        String name = null;
        if (file != null) {
            name = java.nio.file.Path.of(file.fileName() == null || file.fileName().isBlank() ? "attachment"
                    : file.fileName()).getFileName().toString();
            bytes = Files.readAllBytes(file.uploadedFile());
        }
        Attestation a = attestations.attach(new AttestationService.Request(framework, control, evidence, statement,
                Times.field("validFrom", validFrom), Times.field("validUntil", validUntil), name, bytes),
                identity.getPrincipal().getName());
        return Response.status(201).location(uri.getBaseUriBuilder().path("api/v1/attestations/" + a.id()).build())
                .entity(a).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "Attestations, newest first, optionally of one framework and control")
    public List<Attestation> list(@QueryParam("framework") String framework, @QueryParam("control") String control) {
        return attestations.list(framework, control);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "One attestation")
    public Attestation get(@PathParam("id") long id) {
        return attestations.get(id).orElseThrow(() -> new NotFoundException("no attestation " + id));
    }

    @GET
    @Path("/{id}/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The file attached to an attestation (auditor, admin)")
    public Response file(@PathParam("id") long id) {
        Attestation a = get(id);
        byte[] bytes = attestations.file(id).orElseThrow(() -> new NotFoundException("attestation " + id + " has no file"));
        String safeName = a.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(bytes).header("Content-Disposition", "attachment; filename=\"" + safeName + "\"")
                .header("X-Content-SHA256", a.fileSha256()).build();
    }

    /** Why an attestation is withdrawn. */
    public record Withdrawal(String reason) {
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Withdraw an attestation: it stays on record but no later assessment counts it")
    public Attestation withdraw(@PathParam("id") long id, Withdrawal body) {
        return attestations.withdraw(id, body == null ? null : body.reason(), identity.getPrincipal().getName())
                .orElseThrow(() -> new NotFoundException("no attestation " + id));
    }
}
