package dev.steward.web;

import dev.steward.audit.Actors;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditFile;
import dev.steward.audit.AuditFilter;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.audit.AuditVerification;
import dev.steward.ingest.Times;
import dev.steward.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail for auditors (and admins): a filtered, paged listing, a streamed export (JSON with every hash, to
 * re-verify offline, or formula-safe CSV to read), and the chain status. Every export is itself audited.
 */
@Path("/api/v1/audit")
@Tag(name = "audit")
@RolesAllowed(Role.AUDITOR_NAME)
public class AuditResource {

    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    public AuditResource(AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Audit entries, newest first, filtered by action, actor and time [from, to)")
    public Page<AuditEvent> list(@QueryParam("action") String action, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        int s = Page.checkedSize(size);
        int p = Page.checkedPage(page);
        AuditFilter f = filter(action, actor, from, to);
        return new Page<>(audit.page(f, p, s), p, s, audit.count(f), null);
    }

    /** The chain status with the head it was checked against. */
    public record ChainStatus(boolean ok, long entries, Long lastSeq, String lastHash, AuditLog.Head head,
            AuditVerification.Problem problem) {
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recompute the hash chain; ok, or the first broken entry (seq, what mismatches, expected and stored)")
    public ChainStatus verify() {
        AuditLog.Head head = audit.head();
        AuditVerification v = audit.verify();
        return new ChainStatus(v.ok(), v.entries(), v.lastSeq(), v.lastHash(), head, v.problem());
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Stream the audit trail as json (with every hash, to verify offline) or csv (formula-safe);"
            + " the export is itself recorded as AUDIT_EXPORTED")
    public Response export(@QueryParam("format") @DefaultValue("json") String format, @QueryParam("action") String action,
            @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to) {
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("csv")) {
            throw new IllegalArgumentException("format '" + format + "' is not one of json, csv");
        }
        AuditFilter filter = filter(action, actor, from, to);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("format", f);
        detail.put("filter", filter.toString());
        AuditLog.Head head = audit.head();
        detail.put("headSeq", head.seq());
        audit.record(Actors.of(identity), AuditAction.AUDIT_EXPORTED, "audit." + f, AuditOutcome.OK, detail);
        boolean complete = filter.equals(AuditFilter.NONE);
        Instant now = clock.instant();
        StreamingOutput body = out -> {
            try (AuditFile.EventWriter w = f.equals("json") ? AuditFile.json(out, head, complete, now) : AuditFile.csv(out)) {
                audit.stream(filter, e -> {
                    if (e.seq() <= head.seq()) {
                        w.accept(e);
                    }
                });
            }
        };
        return Response.ok(body, f.equals("json") ? MediaType.APPLICATION_JSON : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"steward-audit." + f + "\"")
                .header("X-Audit-Head", head.seq() + " " + head.hash()).build();
    }

    private AuditFilter filter(String action, String actor, String from, String to) {
        return new AuditFilter(action == null || action.isBlank() ? null : AuditAction.parse(action),
                actor == null || actor.isBlank() ? null : actor, Times.field("from", from), Times.field("to", to));
    }
}
