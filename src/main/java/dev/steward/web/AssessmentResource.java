package dev.steward.web;

import dev.steward.assessment.AssessmentRun;
import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentStore;
import dev.steward.assessment.ControlResult;
import dev.steward.assessment.Explanation;
import dev.steward.assessment.Finding;
import dev.steward.assessment.RollupEntry;
import dev.steward.assessment.RollupPages;
import dev.steward.assessment.Windows;
import dev.steward.check.Check;
import dev.steward.check.CheckCatalog;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.report.PageWarmer;
import dev.steward.security.AccessScope;
import dev.steward.security.Role;
import dev.steward.work.Jobs;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Assessment runs: run one (admin), list them, read one with its diff, its controls, its findings (filtered, paged),
 * one roll-up a page at a time, all its results (JSON Lines) and the explanation of a control down to the evidence.
 * A manager sees only its teams' subjects (findings, failing counts, roll-ups, recommendations, diff entries).
 * Translation only: {@link AssessmentService} decides.
 */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assessments")
public class AssessmentResource {

    /** JSON Lines, as uploads of decision logs are typed. */
    static final String RESULTS_TYPE = "application/x-ndjson";

    private final AssessmentService assessments;
    private final SecurityIdentity identity;
    private final PageWarmer warmer;
    private final RollupPages rollups;
    private final CheckCatalog catalog;
    private final Jobs jobs;
    private final Clock clock = Clock.systemUTC();

    public AssessmentResource(AssessmentService assessments, SecurityIdentity identity, PageWarmer warmer,
            RollupPages rollups, CheckCatalog catalog, Jobs jobs) {
        this.jobs = jobs;
        this.assessments = assessments;
        this.catalog = catalog;
        this.rollups = rollups;
        this.identity = identity;
        this.warmer = warmer;
    }

    /** Body of a run request: as-of instant (RFC 3339 or date; default now) and window (90d, 12h, P90D; default configured). */
    public record AssessRequest(String asOf, String window) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Assess the stored evidence as of an instant; 201 with the run,"
            + " 200 when the same inputs were assessed already; with Prefer: respond-async, 202 with the job"
            + " (GET /api/v1/jobs/{id}) that assesses")
    public Response assess(AssessRequest request, UriInfo uri, @HeaderParam("Prefer") String prefer) {
        AssessRequest r = request == null ? new AssessRequest(null, null) : request;
        var asOf = r.asOf() == null || r.asOf().isBlank() ? null : AsOfParam.parse(r.asOf(), clock);
        var window = r.window() == null || r.window().isBlank() ? null : Windows.parse(r.window());
        String user = identity.getPrincipal().getName();
        if (JobResource.respondAsync(prefer)) {
            // "now" is when it was asked, not when the jobs asked before let it start
            Instant at = asOf != null ? asOf : clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Jobs.Job job = jobs.submit("Assessment as of " + at + (window == null ? "" : " over " + r.window().trim()),
                    user, () -> {
                        AssessmentService.Assessed done = assessments.assess(at, window, user);
                        if (done.created()) {
                            warmer.warmIfEnabled();
                        }
                        return URI.create("/api/v1/assessments/" + done.run().id());
                    });
            return JobResource.accepted(job, jobs, uri);
        }
        AssessmentService.Assessed done = assessments.assess(asOf, window, user);
        if (!done.created()) {
            return Response.ok(done.run()).build();
        }
        warmer.warmIfEnabled();
        return Response.status(201).location(uri.getBaseUriBuilder().path("api/v1/assessments/" + done.run().id()).build())
                .entity(done.run()).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "List assessment runs, newest first")
    public Page<AssessmentStore.RunListItem> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        int s = Page.checkedSize(size);
        int p = Page.checkedPage(page);
        return new Page<>(assessments.list(p, s), p, s, assessments.countRuns(), null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "One run: summary (scores, roll-ups, recommendations, revocation latency)"
            + " and diff against the previous run")
    public AssessmentRun get(@PathParam("id") String id) {
        return assessments.get(id, AccessScope.of(identity)).orElseThrow(() -> missing(id));
    }

    @GET
    @Path("/{id}/controls")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "Every control of a run as scored, optionally of one framework")
    public List<ControlResult> controls(@PathParam("id") String id, @QueryParam("framework") String framework) {
        return assessments.controls(id, framework, AccessScope.of(identity)).orElseThrow(() -> missing(id));
    }

    @GET
    @Path("/{id}/findings")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "A run's findings (FAIL, PARTIAL, INSUFFICIENT_EVIDENCE) in run order, filtered and paged;"
            + " '(none)' matches a missing team, owner or environment")
    public Page<Finding> findings(@PathParam("id") String id, @QueryParam("checkId") String checkId,
            @QueryParam("severity") String severity, @QueryParam("team") String team, @QueryParam("owner") String owner,
            @QueryParam("environment") String environment, @QueryParam("result") String result,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        int s = Page.checkedSize(size);
        int p = Page.checkedPage(page);
        Result r = result == null ? null : parse(Result.class, "result", result);
        if (r != null && !r.finding()) {
            throw new IllegalArgumentException("result '" + result
                    + "' is never a finding; allowed: FAIL, PARTIAL, INSUFFICIENT_EVIDENCE");
        }
        Severity sev = severity == null ? null : parse(Severity.class, "severity", severity);
        String check = checkId == null ? null : checkId.trim().toUpperCase(Locale.ROOT);
        if (check != null && catalog.byId(check).isEmpty()) {
            // an unknown id would match nothing: an empty page that reads as "no findings of that check"
            throw new IllegalArgumentException("checkId '" + checkId + "' is not a check of the catalog; checks: "
                    + catalog.all().stream().map(Check::id).toList());
        }
        var filter = new AssessmentStore.FindingFilter(check, null, sev, team, owner, environment, r);
        AccessScope scope = AccessScope.of(identity);
        List<Finding> items = assessments.findings(id, filter, scope, p, s).orElseThrow(() -> missing(id));
        return new Page<>(items, p, s, assessments.countFindings(id, filter, scope), null);
    }

    @GET
    @Path("/{id}/rollups/{dimension: teams|owners|managers|environments}")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "One roll-up of a run (teams, owners, managers or environments) a page at a time:"
            + " sort=failures (most FAILs first, the default), score (lowest first) or key; key= one entry;"
            + " a manager gets its teams'")
    public Page<RollupEntry> rollups(@PathParam("id") String id, @PathParam("dimension") String dimension,
            @QueryParam("sort") @DefaultValue("failures") String sort, @QueryParam("key") String key,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        int s = Page.checkedSize(size);
        int p = Page.checkedPage(page);
        RollupPages.Sort order = parse(RollupPages.Sort.class, "sort", sort);
        RollupPages.Slice slice = rollups.page(id, parse(RollupPages.Dimension.class, "dimension", dimension), order,
                key, AccessScope.of(identity), p, s).orElseThrow(() -> missing(id));
        return new Page<>(slice.items(), p, s, slice.total(), null);
    }

    @GET
    @Path("/{id}/results")
    @Produces(RESULTS_TYPE)
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "Every result of a run (PASS and NOT_APPLICABLE included) as JSON Lines in run order: one result"
            + " a line with the fields of findings.json plus seq; a manager gets only the results of its teams")
    @APIResponse(responseCode = "200", description = "one JSON object per line",
            content = @Content(mediaType = RESULTS_TYPE))
    public Response results(@PathParam("id") String id) {
        if (assessments.summary(id).isEmpty()) {
            throw missing(id);
        }
        AccessScope scope = AccessScope.of(identity);
        StreamingOutput body = out -> assessments.writeResults(id, scope, out);
        return Response.ok(body, RESULTS_TYPE)
                .header("Content-Disposition", "attachment; filename=\"results-" + id + ".jsonl\"").build();
    }

    @GET
    @Path("/{id}/explain")
    @RolesAllowed(Role.VIEWER_NAME)
    @Operation(summary = "Why a control (framework:controlId) has its status: its checks, their findings and evidence")
    public Explanation explain(@PathParam("id") String id, @QueryParam("control") String control,
            @QueryParam("findings") @DefaultValue("100") int findings) {
        int limit = Page.checkedSize(findings);
        return assessments.explain(id, control, limit, AccessScope.of(identity))
                .orElseThrow(() -> new NotFoundException("no control '" + control + "' in assessment " + id));
    }

    private static NotFoundException missing(String id) {
        return new NotFoundException("no assessment " + id);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
