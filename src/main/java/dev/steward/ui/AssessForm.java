package dev.steward.ui;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.Windows;
import dev.steward.ingest.Times;
import dev.steward.report.PageWarmer;
import dev.steward.report.ReportService;
import dev.steward.security.Role;
import dev.steward.work.Jobs;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Assess now" on the overview (admin): the same assessment as {@code steward assess} and {@code POST
 * /api/v1/assessments}, as of the instant given (empty = now) over the window given (empty = the configured default),
 * so that what was uploaded or attested in the browser can be counted without a terminal. It answers with the overview
 * and a notice naming the run; the same inputs assessed before give back the run stored then. The assessment runs as a
 * {@link FormJobs job}: one that takes longer than the form waits is followed on the overview ({@code /?job=}).
 */
@Path("/assess")
@RolesAllowed(Role.ADMIN_NAME)
public class AssessForm {

    private static final View VIEW = new View();

    private final AssessmentService assessments;
    private final PageWarmer warmer;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final FormJobs jobs;

    public AssessForm(AssessmentService assessments, PageWarmer warmer, Pages pages, SecurityIdentity identity,
            FormJobs jobs) {
        this.jobs = jobs;
        this.assessments = assessments;
        this.warmer = warmer;
        this.pages = pages;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assess(@RestForm String asOf, @RestForm String window) {
        Instant at;
        Duration w;
        try {
            at = Times.field("asOf", asOf);
            w = window == null || window.isBlank() ? null : Windows.parse(window);
        } catch (IllegalArgumentException e) {
            return pages.message(400, Viewer.of(identity), "Not assessed", e.getMessage()
                    + ". Go back to the overview and correct it.");
        }
        if (at != null && at.isAfter(Instant.now())) {
            return pages.message(400, Viewer.of(identity), "Not assessed", "field 'asOf' value '" + asOf + "': in the"
                    + " future; an assessment is made as of now or an earlier instant. Go back to the overview and"
                    + " correct it.");
        }
        // "now" is when the form was sent, not when a job queued before this one lets it start
        Instant asOfAt = (at == null ? Instant.now() : at).truncatedTo(ChronoUnit.SECONDS);
        Duration over = w;
        String user = identity.getPrincipal().getName();
        String what = "Assessment as of " + VIEW.time(asOfAt) + (over == null ? "" : " over " + window.trim());
        Jobs.Job job = jobs.submit(what, user, () -> {
            AssessmentService.Assessed done = assessments.assess(asOfAt, over, user);
            if (done.created()) {
                warmer.warmIfEnabled();
            }
            return URI.create("/?assessed=" + done.run().id() + (done.created() ? "" : "&stored=1"));
        });
        return Response.seeOther(jobs.answer(job, "/")).build();
    }

    /** The overview's notice after the form: which run, and whether the page shows it. */
    static Optional<String> notice(AssessmentService assessments, ReportService reports, String id, boolean stored) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        Optional<AssessmentSummary> s = assessments.summary(id);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String what = "Assessment " + id + " as of " + VIEW.time(s.get().asOf()) + ", decisions from "
                + VIEW.day(s.get().windowStart()) + ": " + s.get().totals().findings() + " findings";
        if (!stored) {
            return Optional.of(what + ". This page shows it.");
        }
        boolean shown = reports.latest().map(id::equals).orElse(false);
        return Optional.of(what + ": the same inputs were assessed before, so this is the run stored then, unchanged. "
                + (shown ? "This page shows it." : "This page shows the newest assessment; that one's reports are on"
                        + " the Assessments page."));
    }
}
