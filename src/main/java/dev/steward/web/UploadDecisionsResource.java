package dev.steward.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.steward.audit.Actors;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.decisions.RawDecisions;
import dev.steward.ingest.DecisionLine;
import dev.steward.security.Role;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The raw decisions of one committed upload as JSON Lines, streamed: decisions are stored as packs, not SQL rows, and
 * this is how a user gets them back. Each line is a decision in the native decision-log format (FORMATS.md) with every
 * stored field, plus its provenance: {@code upload}, {@code sourceFile}, {@code sourceLine}. Secret values were
 * redacted at ingestion, so none can come back. Raw evidence, like attestation files: auditor and admin; each
 * download is in the audit trail.
 */
@Path("/api/v1/uploads")
@Tag(name = "uploads")
public class UploadDecisionsResource {

    static final String JSON_LINES = "application/x-ndjson";
    private static final JsonFactory JSON = new JsonFactory();

    private final RawDecisions decisions;
    private final UploadRepository uploads;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    public UploadDecisionsResource(RawDecisions decisions, UploadRepository uploads, AuditLog audit,
            SecurityIdentity identity) {
        this.decisions = decisions;
        this.uploads = uploads;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Path("/{id: \\d+}/decisions")
    @Produces(JSON_LINES)
    @RolesAllowed({Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The raw decisions of a committed upload as JSON Lines, in file order, each with its source"
            + " file and line (auditor, admin)")
    public Response decisions(@PathParam("id") long id) {
        UploadEntity u = uploads.findByIdOptional(id)
                .filter(x -> x.status == UploadEntity.Status.COMMITTED)
                .orElseThrow(() -> new NotFoundException("no committed upload " + id));
        long uploadId = u.id;
        audit.record(Actors.of(identity), AuditAction.DECISIONS_DOWNLOAD, "upload " + uploadId, AuditOutcome.OK);
        StreamingOutput body = out -> write(uploadId, out);
        return Response.ok(body, JSON_LINES)
                .header("Content-Disposition", "attachment; filename=\"upload-" + uploadId + "-decisions.jsonl\"").build();
    }

    private void write(long uploadId, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            decisions.ofUpload(uploadId, (upload, d) -> {
                line(g, upload, d);
                g.writeRaw('\n');
            });
        }
    }

    /** One decision as a native decision-log line with its provenance. */
    static void line(JsonGenerator g, long upload, DecisionLine d) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("time", d.time().toString());
        g.writeStringField("agent", d.agent());
        g.writeStringField("credential", d.credential());
        g.writeArrayFieldStart("onBehalfOf");
        for (String p : d.onBehalfOf()) {
            g.writeString(p);
        }
        g.writeEndArray();
        g.writeStringField("tool", d.tool());
        g.writeStringField("action", d.action());
        g.writeStringField("resource", d.resource());
        g.writeStringField("scope", d.scope());
        g.writeStringField("decision", d.allowed() ? "allow" : "deny");
        g.writeStringField("policy", d.policy());
        g.writeStringField("reason", d.reason());
        g.writeStringField("trigger", d.trigger());
        g.writeStringField("approval", d.approval());
        g.writeStringField("risk", d.risk());
        g.writeStringField("environment", d.environment());
        g.writeObjectFieldStart("client");
        if (d.interactive() == null) {
            g.writeNullField("interactive");
        } else {
            g.writeBooleanField("interactive", d.interactive());
        }
        g.writeStringField("userAgent", d.userAgent());
        g.writeEndObject();
        g.writeNumberField("upload", upload);
        g.writeStringField("sourceFile", d.file());
        g.writeNumberField("sourceLine", d.line());
        g.writeEndObject();
    }
}
