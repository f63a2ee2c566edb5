package dev.steward.web;

import dev.steward.security.Role;
import dev.steward.work.Jobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Jobs: work asked with {@code Prefer: respond-async} (an assessment, {@code POST /api/v1/assessments}, or an upload,
 * {@code POST /api/v1/uploads/...}) or through a page's form, followed until it is done. A done job names its result;
 * a failed one says why.
 */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "jobs")
public class JobResource {

    private final Jobs jobs;

    public JobResource(Jobs jobs) {
        this.jobs = jobs;
    }

    /**
     * A job as the API gives it: {@code state} QUEUED, RUNNING, DONE or FAILED; {@code ahead} the jobs asked before it
     * and not done; {@code result} the path of what it made, once done; {@code error} why it failed.
     */
    public record JobView(String id, String what, String askedBy, Instant askedAt, String state, int ahead,
            Instant startedAt, Instant finishedAt, String result, String error) {

        static JobView of(Jobs.Job j, Jobs jobs) {
            Jobs.State s = j.state();
            return new JobView(j.id(), j.what(), j.user(), j.asked(), s.name(),
                    s == Jobs.State.QUEUED ? jobs.ahead(j) : 0, j.started(), j.finished(),
                    j.result().map(Object::toString).orElse(null), j.failure());
        }
    }

    /** Whether a request's {@code Prefer} header (RFC 7240) asks for an asynchronous answer. */
    static boolean respondAsync(String prefer) {
        return prefer != null && prefer.toLowerCase(Locale.ROOT).matches("(.*[,;\\s])?respond-async([,;\\s].*)?");
    }

    /** 202 for work queued as {@code job}: the job, where to follow it, and that the preference was applied. */
    static Response accepted(Jobs.Job job, Jobs jobs, UriInfo uri) {
        return Response.accepted(JobView.of(job, jobs)).header("Preference-Applied", "respond-async")
                .location(uri.getBaseUriBuilder().path("api/v1/jobs/" + job.id()).build()).build();
    }

    @GET
    @Operation(summary = "The jobs kept, newest first (the last 100 until the service stops)")
    public List<JobView> list() {
        return jobs.recent().stream().map(j -> JobView.of(j, jobs)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One job: its state, and once done the path of its result (or why it failed)")
    public JobView get(@PathParam("id") String id) {
        return jobs.find(id).map(j -> JobView.of(j, jobs)).orElseThrow(() -> new NotFoundException("no job " + id
                + " is kept: the service keeps the last " + Jobs.KEPT + " jobs until it stops"));
    }
}
