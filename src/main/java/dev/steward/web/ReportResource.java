package dev.steward.web;

import dev.steward.audit.Actors;
import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import dev.steward.report.ReportFilter;
import dev.steward.report.ReportFormat;
import dev.steward.report.ReportKind;
import dev.steward.report.ReportModel;
import dev.steward.report.ReportService;
import dev.steward.security.AccessScope;
import dev.steward.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Report downloads: the ownership or gap report of a run (default: the latest) in XLSX, PDF, HTML, CSV or JSON,
 * narrowed by framework, team, manager, owner and environment. The model is built before the response starts (so a
 * bad parameter is a 400 problem, not a broken download), or for the latest run taken from the web pages' kept model
 * ({@link ReportService#download}); the file is then streamed as it is written.
 */
@Path("/api/v1/reports")
@Tag(name = "reports")
public class ReportResource {

    private final ReportService reports;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    public ReportResource(ReportService reports, AuditLog audit, SecurityIdentity identity) {
        this.reports = reports;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Path("/{report}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "Download the ownership or gaps report of a run (default: the latest) as xlsx, pdf, html, csv or json")
    public Response download(@PathParam("report") String report, @QueryParam("format") @DefaultValue("pdf") String format,
            @QueryParam("framework") String framework, @QueryParam("team") String team, @QueryParam("manager") String manager,
            @QueryParam("owner") String owner, @QueryParam("environment") String environment,
            @QueryParam("assessment") String assessment) {
        ReportKind kind = ReportKind.parse(report);
        ReportFormat f = ReportFormat.parse(format);
        ReportFilter filter = scoped(new ReportFilter(team, manager, owner, environment));
        ReportModel model = reports.download(assessment, framework, filter)
                .orElseThrow(() -> new NotFoundException(assessment == null || assessment.isBlank()
                        ? "no assessment has been run yet" : "no assessment " + assessment));
        String name = kind.wire() + "." + f.extension();
        audit.record(Actors.of(identity), AuditAction.REPORT_DOWNLOAD, name, AuditOutcome.OK, auditDetail(model, framework, filter));
        StreamingOutput body = out -> reports.write(kind, f, model, out);
        return Response.ok(body, f.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Assessment-Id", model.meta().assessmentId())
                .build();
    }

    private static Map<String, Object> auditDetail(ReportModel model, String framework, ReportFilter filter) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assessmentId", model.meta().assessmentId());
        d.put("framework", framework);
        d.put("filter", filter.toString());
        return d;
    }

    /** A manager's report covers only their teams; everyone else's is as asked. */
    private ReportFilter scoped(ReportFilter filter) {
        AccessScope scope = AccessScope.of(identity);
        return scope.unrestricted() ? filter : filter.within(scope.teams());
    }
}
