package dev.steward.ui;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentStore;
import dev.steward.report.ReportService;
import dev.steward.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every assessment run, newest first, with what it was computed from (as-of, window, mapping version, who asked, the
 * run it was compared with) and its reports: an auditor asked about last quarter's figures downloads that run's gap
 * and ownership reports here, whichever run the other pages show (the newest). A manager's downloads hold their teams.
 */
@Path("/assessments")
@RolesAllowed(Role.VIEWER_NAME)
public class RunsResource {

    private static final View VIEW = new View();

    private final Pages pages;
    private final AssessmentService assessments;
    private final ReportService reports;
    private final SecurityIdentity identity;

    @Context
    UriInfo uri;

    public RunsResource(Pages pages, AssessmentService assessments, ReportService reports, SecurityIdentity identity) {
        this.pages = pages;
        this.assessments = assessments;
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    public Response list(@QueryParam("download") String download, @QueryParam("table") String table,
            @QueryParam("page") String page, @QueryParam("rows") String rows) {
        Viewer me = Viewer.of(identity);
        long count = assessments.countRuns();
        // the run the other pages show: the newest made, which is not always the one of the latest as-of
        String shown = reports.latest().orElse(null);
        Table.Builder t = new Table.Builder("assessments", "Assessments, newest first", "Assessment", "As of",
                "Window from", "Made", "By", "Mappings", "Results", "Findings", "Compared with", "Gap report",
                "Ownership report");
        List<String> formats = List.of("PDF", "XLSX", "HTML");
        for (AssessmentStore.RunListItem r : assessments.list(0, (int) Math.min(count, Integer.MAX_VALUE))) {
            String q = "?assessment=" + r.id() + "&format=";
            t.row(Table.Cell.styled(r.id(), r.id().equals(shown) ? "hash shown" : "hash"),
                    VIEW.time(r.asOf()), VIEW.day(r.windowStart()), VIEW.time(r.createdAt()), r.createdBy(),
                    Table.Cell.styled(r.mappingVersion() == null ? "" : r.mappingVersion().substring(0,
                            Math.min(12, r.mappingVersion().length())), "hash"), r.results(), r.findings(),
                    Table.Cell.styled(r.previousId(), "hash"),
                    Table.Cell.links(formats, formats.stream().map(f -> "/api/v1/reports/gaps" + q
                            + f.toLowerCase(java.util.Locale.ROOT)).toList()),
                    Table.Cell.links(formats, formats.stream().map(f -> "/api/v1/reports/ownership" + q
                            + f.toLowerCase(java.util.Locale.ROOT)).toList()));
        }
        Table all = t.build();
        if (download != null) {
            return TableDownloads.download(List.of(all), table, download);
        }
        Paging p = Paging.of(all.rows().size(), page, rows);
        Map<String, Object> values = new HashMap<>();
        values.put("title", "Assessments");
        values.put("tables", List.of(all.page(p)));
        values.put("p", p);
        values.put("pageLink", Here.without(uri, "page", "rows"));
        values.put("here", Here.of(uri));
        return pages.page("assessments", me, values);
    }
}
