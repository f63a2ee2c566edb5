package dev.steward.work;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Work asked of the service that may outlast the request asking it: an assessment or an export asked through a page's
 * form, or through the API with {@code Prefer: respond-async}. At 100k agents and 10M decisions either takes about a
 * minute, longer than a reverse proxy's usual 60 s, which answered 504 while the work went on. Jobs run on a thread of
 * their own, one at a time in the order asked (and, like every heavy job, one at a time with the rest: {@link
 * HeavyWork}), each in a request context of its own. They are kept in memory, the last {@value #KEPT}; what they did
 * is in the audit trail.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    /** Jobs kept, finished ones first to go. */
    public static final int KEPT = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a job is. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** One job: what it does, who asked and when, and what it answers when done (a path to its result). */
    public static final class Job {
        private final String id;
        private final String what;
        private final String user;
        private final Instant asked;
        private final CompletableFuture<URI> done = new CompletableFuture<>();
        private volatile Instant started;
        private volatile Instant finished;

        private Job(String id, String what, String user, Instant asked) {
            this.id = id;
            this.what = what;
            this.user = user;
            this.asked = asked;
        }

        public String id() {
            return id;
        }

        public String what() {
            return what;
        }

        public String user() {
            return user;
        }

        public Instant asked() {
            return asked;
        }

        public Instant started() {
            return started;
        }

        public Instant finished() {
            return finished;
        }

        public State state() {
            if (done.isDone()) {
                return done.isCompletedExceptionally() ? State.FAILED : State.DONE;
            }
            return started == null ? State.QUEUED : State.RUNNING;
        }

        /** Where its result is, once done. */
        public Optional<URI> result() {
            return state() == State.DONE ? Optional.of(done.join()) : Optional.empty();
        }

        /** Why it failed (the refusal's own words: they name field and value), or null. */
        public String failure() {
            try {
                done.getNow(null);
                return null;
            } catch (CompletionException e) {
                Throwable c = e.getCause() == null ? e : e.getCause();
                return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            } catch (CancellationException e) {
                return "cancelled: the service stopped";
            }
        }

        /**
         * Its result when it is done within {@code wait}, else empty; a failure within the wait is thrown as it was
         * raised, as if the caller had done the work itself.
         */
        public Optional<URI> await(Duration wait) {
            try {
                return Optional.of(done.get(wait.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steward-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT && eldest.getValue().done.isDone();
        }
    };

    /** Queues {@code work}, which returns the path of what it made; it runs in a request context of its own. */
    public Job submit(String what, String user, Callable<URI> work) {
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

    /** The job of that id, when it is still kept. */
    public Optional<Job> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** The jobs kept, newest first. */
    public List<Job> recent() {
        synchronized (jobs) {
            List<Job> all = new ArrayList<>(jobs.values());
            Collections.reverse(all);
            return all;
        }
    }

    /** Jobs asked before this one and not done: the one running and those queued ahead. */
    public int ahead(Job job) {
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

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
