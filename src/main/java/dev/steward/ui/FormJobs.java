package dev.steward.ui;

import dev.steward.security.WebConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Long work asked through a page's form (Assess now, Export a month now), run on a thread of its own, one job at a
 * time in the order asked, so that the browser's request does not stay open for as long as the work takes: at 100k
 * agents and 10M decisions about a minute, longer than a reverse proxy's usual 60 s, which answered 504 while the work
 * went on. The form waits up to {@code steward.web.form-wait} (10 s): work done by then answers as it always did, and
 * a refusal within that time is thrown to the form as if it had done the work itself; otherwise the browser is sent to
 * the page's {@code ?job=} view, which says what runs and reloads itself until the work is done, then shows what the
 * form would have shown. Jobs are kept in memory (the last {@value #KEPT}); what they did is in the audit trail.
 */
@ApplicationScoped
public class FormJobs {

    private static final Logger LOG = Logger.getLogger(FormJobs.class);
    static final int KEPT = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a job is. */
    enum State { QUEUED, RUNNING, DONE, FAILED }

    /** One job: what it does, who asked and when, and where the browser goes when it is done. */
    static final class Job {
        final String id;
        final String what;
        final String user;
        final Instant asked;
        final CompletableFuture<URI> done = new CompletableFuture<>();
        volatile Instant started;
        volatile Instant finished;

        Job(String id, String what, String user, Instant asked) {
            this.id = id;
            this.what = what;
            this.user = user;
            this.asked = asked;
        }

        State state() {
            if (done.isDone()) {
                return done.isCompletedExceptionally() ? State.FAILED : State.DONE;
            }
            return started == null ? State.QUEUED : State.RUNNING;
        }

        /** Why it failed: the refusal's own words (they name field and value), or the kind of error. */
        String failure() {
            try {
                done.getNow(null);
                return null;
            } catch (java.util.concurrent.CompletionException e) {
                Throwable c = e.getCause() == null ? e : e.getCause();
                return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            } catch (java.util.concurrent.CancellationException e) {
                return "cancelled: the service stopped";
            }
        }
    }

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steward-form-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT && eldest.getValue().done.isDone();
        }
    };
    private volatile Duration wait;

    public FormJobs(WebConfig config) {
        this.wait = config.formWait();
    }

    /** Queues {@code work}, which returns where to send the browser when it is done; runs in a request context. */
    Job submit(String what, String user, Callable<URI> work) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        Job job = new Job(HexFormat.of().formatHex(id), what, user, Instant.now());
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        runner.execute(() -> {
            job.started = Instant.now();
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                job.done.complete(work.call());
            } catch (Exception | Error e) {
                LOG.errorf("%s, asked by %s, failed: %s", what, user, e.getMessage());
                job.done.completeExceptionally(e);
            } finally {
                context.terminate();
                job.finished = Instant.now();
            }
        });
        return job;
    }

    /**
     * Where the form sends the browser: the work's answer when it is done within the wait, else {@code page} with the
     * job's id. A failure within the wait is thrown as it was raised.
     */
    URI answer(Job job, String page) {
        try {
            return job.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return URI.create(page + (page.contains("?") ? "&" : "?") + "job=" + job.id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return URI.create(page + (page.contains("?") ? "&" : "?") + "job=" + job.id);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The job of that id, when it is still kept. */
    Optional<Job> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** What a page says of a job: a sentence, its style, and whether the page reloads to follow it. */
    public record Progress(String text, String css, boolean pending) {
        /** Seconds between the reloads of a page that follows a job. */
        static final int RELOAD = 5;
    }

    /** What a page says of the job {@code id} that is not done yet, failed, or is no longer kept. */
    Progress progress(String id) {
        Optional<Job> found = find(id);
        if (found.isEmpty()) {
            return new Progress("No job " + id + " is kept here: the service keeps the last " + KEPT
                    + " jobs asked through its forms until it stops.", "error", false);
        }
        Job j = found.get();
        String asked = j.what + ", asked by " + j.user + " at " + new View().time(j.asked);
        String reload = ". This page reloads every " + Progress.RELOAD + " seconds until it is done.";
        return switch (j.state()) {
            case QUEUED -> new Progress(asked + ": waiting for " + ahead(j) + " job" + (ahead(j) == 1 ? "" : "s")
                    + " asked before it" + reload, "running", true);
            case RUNNING -> new Progress(asked + ": running for "
                    + Duration.between(j.started, Instant.now()).toSeconds() + " s" + reload, "running", true);
            case FAILED -> new Progress(asked + ", failed: " + j.failure(), "error", false);
            case DONE -> new Progress(asked + ": done.", "notice", false);
        };
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
        Optional<URI> done = find(id).filter(j -> j.state() == State.DONE).map(j -> j.done.join());
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

    /** Jobs queued before this one and not started yet, and the one running. */
    int ahead(Job job) {
        synchronized (jobs) {
            int n = 0;
            for (Job j : jobs.values()) {
                if (j == job) {
                    return n;
                }
                if (!j.done.isDone()) {
                    n++;
                }
            }
            return n;
        }
    }

    /** For tests: how long forms wait before they hand the browser to the job's page. */
    Duration waitFor(Duration d) {
        Duration before = wait;
        wait = d;
        return before;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
