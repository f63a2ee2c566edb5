package dev.steward.report;

import dev.steward.assessment.AssessmentService;
import dev.steward.assessment.ScopedReads;
import dev.steward.decisions.DecisionAggregates;
import dev.steward.security.WebConfig;
import dev.steward.work.HeavyWork;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Builds the web pages' model of the latest run in the background, so that the first person to open the overview after
 * {@code steward serve} starts, or after a new run (through the API or the monthly export), does not wait for it: at
 * 100k agents and 10M decisions the model and the inventory it reads take 10-20 s to build the first time. It then
 * builds the filters of the window's decision packs ({@link DecisionAggregates#prepareWindowOf}), so that the first
 * agent or credential page reads only the packs that may name its subject, and splits the run's results by team
 * ({@link ScopedReads#prepare}), so that a manager's first read of the run is not the one that reads them all. A
 * page that asks for the model while it is built waits for that build ({@link ReportService#latestForPages}) instead
 * of starting a second one. {@code steward.web.warm-pages} (true unless set) turns it off.
 *
 * <p>Each of the three steps reads the inventory or a whole run, so at that scale it is heavy work ({@link HeavyWork}):
 * it runs under the permit, never beside an assessment or an export, and a step is left out when heavy work holds
 * the permit or waits for it, since the run that work makes is the one the pages will show next (its own warm-up
 * follows it). Beside an assessment, the warm-up of the run before it made that assessment up to ten times slower
 * in a 1 GiB heap (10M decisions: 100-351 s instead of 35-40 s), and one such request failed.
 */
@ApplicationScoped
public class PageWarmer {

    private static final Logger LOG = Logger.getLogger(PageWarmer.class);

    private final ReportService reports;
    private final DecisionAggregates decisions;
    private final AssessmentService assessments;
    private final ScopedReads scoped;
    private final HeavyWork heavy;
    private final boolean enabled;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steward-page-warmer");
        t.setDaemon(true);
        return t;
    });

    public PageWarmer(ReportService reports, DecisionAggregates decisions, AssessmentService assessments,
            ScopedReads scoped, WebConfig web, HeavyWork heavy) {
        this.reports = reports;
        this.decisions = decisions;
        this.assessments = assessments;
        this.scoped = scoped;
        this.heavy = heavy;
        this.enabled = web.warmPages();
    }

    /** Starts building the latest run's unfiltered page model unless warming is turned off; completes with it. */
    public CompletableFuture<Optional<ReportModel>> warmIfEnabled() {
        return enabled ? warm() : CompletableFuture.completedFuture(Optional.empty());
    }

    /** Builds the latest run's unfiltered page model on the warmer's thread (empty when there is no run). */
    public CompletableFuture<Optional<ReportModel>> warm() {
        return CompletableFuture.supplyAsync(this::build, thread);
    }

    private Optional<ReportModel> build() {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        long started = System.nanoTime();
        try {
            Optional<ReportModel> model = step("the pages' model", () -> reports.latestForPages(ReportFilter.NONE));
            if (model == null || model.isEmpty()) {
                return Optional.empty();
            }
            ReportModel m = model.get();
            String id = m.meta().assessmentId();
            if (!ran("the decision filters of run " + id,
                    () -> decisions.prepareWindowOf(m.meta().windowStart(), m.meta().asOf()))) {
                return model;
            }
            LOG.infof("The web pages of run %s are ready (model and decision filters in %d ms)", id,
                    (System.nanoTime() - started) / 1_000_000);
            long split = System.nanoTime();
            assessments.get(id).ifPresent(run -> {
                if (ran("the split of run " + id + " by team", () -> scoped.prepare(run))) {
                    LOG.infof("Run %s is ready for managers (its results split by team in %d ms)", run.id(),
                            (System.nanoTime() - split) / 1_000_000);
                }
            });
            return model;
        } catch (RuntimeException e) {
            // the pages build their model themselves when asked; a failed warm-up only costs the first page its wait
            LOG.warnf("Could not prepare the web pages in advance: %s", e.toString());
            return Optional.empty();
        } finally {
            request.terminate();
        }
    }

    /**
     * One step of the warm-up under the heavy-work permit; null, and not run, when heavy work holds the permit or waits
     * for it (the pages then build what they need when first asked, and the job's end starts a warm-up of its own).
     */
    private <T> T step(String what, Supplier<T> work) {
        HeavyWork.Permit permit = heavy.tryAcquire("preparing " + what + " for the web pages");
        if (permit == null) {
            LOG.infof("Preparing %s for the web pages is left for later: heavy work runs or waits", what);
            return null;
        }
        try (permit) {
            return work.get();
        }
    }

    /** {@link #step} of work without a result: whether it ran. */
    private boolean ran(String what, Runnable work) {
        return step(what, () -> {
            work.run();
            return Boolean.TRUE;
        }) != null;
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
