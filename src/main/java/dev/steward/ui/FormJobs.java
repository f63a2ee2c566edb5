package dev.steward.ui;

import dev.steward.security.WebConfig;
import dev.steward.work.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Long work asked through a page's form (Assess now, Export a month now) as a {@link Jobs job}, so that the browser's
 * request does not stay open for as long as the work takes. The form waits up to {@code steward.web.form-wait} (10 s):
 * work done by then answers as it always did, and a refusal within that time is thrown to the form as if it had done
 * the work itself; otherwise the browser is sent to the page's {@code ?job=} view, which says what runs and reloads
 * itself until the work is done, then goes where the form would have gone.
 */
@ApplicationScoped
public class FormJobs {

    private final Jobs jobs;
    private volatile Duration wait;

    public FormJobs(Jobs jobs, WebConfig config) {
        this.jobs = jobs;
        this.wait = config.formWait();
    }

    /** What a page says of a job: a sentence, its style, and whether the page reloads to follow it. */
    public record Progress(String text, String css, boolean pending) {
        /** Seconds between the reloads of a page that follows a job. */
        static final int RELOAD = 5;
    }

    /** Queues {@code work}, which returns where to send the browser when it is done. */
    Jobs.Job submit(String what, String user, Callable<URI> work) {
        return jobs.submit(what, user, work);
    }

    /**
     * Where the form sends the browser: the work's answer when it is done within the wait, else {@code page} with the
     * job's id. A failure within the wait is thrown as it was raised.
     */
    URI answer(Jobs.Job job, String page) {
        return job.await(wait).orElseGet(() -> URI.create(page + (page.contains("?") ? "&" : "?") + "job=" + job.id()));
    }

    /**
     * A page's view of the job {@code id} (admins only; null = none asked): a redirect where the form would have sent
     * the browser once the job is done; otherwise what the page says of it goes into its {@code values} ({@code job}),
     * with a reload ({@code refresh}, read by the layout) while it is not done.
     */
    Optional<Response> follow(String id, Viewer me, Map<String, Object> values) {
        if (id == null || !me.admin()) {
            return Optional.empty();
        }
        Optional<URI> done = jobs.find(id).flatMap(Jobs.Job::result);
        if (done.isPresent()) {
            return Optional.of(Response.seeOther(done.get()).build());
        }
        Progress progress = progress(id);
        values.put("job", progress);
        if (progress.pending()) {
            values.put("refresh", Progress.RELOAD);
        }
        return Optional.empty();
    }

    /** What a page says of the job {@code id} that is not done yet, failed, or is no longer kept. */
    Progress progress(String id) {
        Optional<Jobs.Job> found = jobs.find(id);
        if (found.isEmpty()) {
            return new Progress("No job " + id + " is kept here: the service keeps the last " + Jobs.KEPT
                    + " jobs asked through its forms and its API until it stops.", "error", false);
        }
        Jobs.Job j = found.get();
        String reload = ". This page reloads every " + Progress.RELOAD + " seconds until it is done.";
        return switch (j.state()) {
            case QUEUED, RUNNING -> new Progress(sentence(j) + reload, "progress", true);
            case FAILED -> new Progress(sentence(j), "error", false);
            case DONE -> new Progress(sentence(j) + ".", "notice", false);
        };
    }

    /** A job as the overview lists it for admins: what it says, where its result is once done, its style. */
    public record Listed(String text, String href, String css) {
    }

    /** The jobs kept, newest first: what admins see of the work asked through the forms and the API. */
    List<Listed> recent() {
        return jobs.recent().stream().map(j -> new Listed(sentence(j), j.result().map(URI::toString).orElse(null),
                switch (j.state()) {
                    case QUEUED, RUNNING -> "running";
                    case FAILED -> "fail";
                    case DONE -> "done";
                })).toList();
    }

    /** What, who asked and when, and where it is: waiting, running, done or failed (and why). */
    private String sentence(Jobs.Job j) {
        String asked = j.what() + ", asked by " + j.user() + " at " + new View().time(j.asked());
        return switch (j.state()) {
            case QUEUED -> {
                int ahead = jobs.ahead(j);
                yield asked + ": waiting for " + ahead + " job" + (ahead == 1 ? "" : "s") + " asked before it";
            }
            case RUNNING -> asked + ": running for " + Duration.between(j.started(), Instant.now()).toSeconds() + " s";
            case FAILED -> asked + ", failed: " + j.failure();
            case DONE -> asked + ": done in " + Duration.between(j.started(), j.finished()).toSeconds() + " s";
        };
    }

    /** For tests: how long forms wait before they hand the browser to the job's page; returns the wait before. */
    Duration waitFor(Duration d) {
        Duration before = wait;
        wait = d;
        return before;
    }
}
