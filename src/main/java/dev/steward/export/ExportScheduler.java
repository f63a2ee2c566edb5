package dev.steward.export;

import dev.steward.audit.Actors;
import dev.steward.report.PageWarmer;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Schedules the monthly export while Steward serves: the cron and zone of {@code steward.exports.*} export the period
 * closed most recently. Started by {@code serve} only (one-shot commands never export behind the user's back), it also
 * catches up at start, so a period missed while down or recorded FAILED is retried then (before {@code serve}
 * assesses its folder, as of its {@code --as-of}). Failures are logged, counted
 * ({@code steward.exports{outcome=failed}}) and recorded by {@link ExportService}; the schedule goes on.
 */
@ApplicationScoped
public class ExportScheduler {

    private static final Logger LOG = Logger.getLogger(ExportScheduler.class);
    static final String JOB = "steward-monthly-export";

    private final ExportConfig config;
    private final ExportService exports;
    private final Scheduler scheduler;
    private final ExportRuns runs;
    private final PageWarmer pages;

    public ExportScheduler(ExportConfig config, ExportService exports, Scheduler scheduler, ExportRuns runs,
            PageWarmer pages) {
        this.config = config;
        this.exports = exports;
        this.scheduler = scheduler;
        this.runs = runs;
        this.pages = pages;
    }

    /**
     * Schedules the job and, with {@code catchUp}, starts the catch-up in the background ({@code serve} without a
     * folder, which assesses nothing of its own); false when exports are disabled.
     */
    public boolean start(boolean catchUp) {
        if (!config.enabled()) {
            LOG.info("scheduled evidence exports are disabled (steward.exports.enabled=false)");
            return false;
        }
        scheduler.newJob(JOB).setCron(config.cron()).setTimeZone(config.zone()).setTask(ctx -> {
            exportClosedPeriod(Instant.now());
            pages.warmIfEnabled();
        }).schedule();
        LOG.infof("evidence exports scheduled: cron '%s' in %s, into %s", config.cron(), config.zone(), exports.exportsDir());
        if (catchUp) {
            Thread thread = new Thread(() -> {
                catchUp(Instant.now());
                pages.warmIfEnabled();
            }, "steward-export-catch-up");
            thread.setDaemon(true);
            thread.start();
        }
        return true;
    }

    /**
     * The catch-up on the calling thread, as if it were {@code now}: retries every period recorded FAILED, then
     * exports the one closed most recently at {@code now}. {@code serve <folder>} runs it before it assesses the
     * folder, so that the run it serves is the newest one the pages show, and with {@code --as-of} the month exported
     * is the one closed at that instant, whose run is the served one when the as-of starts a month. Empty when
     * exports are disabled or the export failed (logged and recorded; retried at the next start).
     */
    public Optional<ExportService.Outcome> catchUp(Instant now) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        for (ExportRuns.ExportRun r : runs.list()) {
            if (ExportRuns.FAILED.equals(r.status())) {
                try {
                    exports.export(YearMonth.parse(r.period()), Actors.SCHEDULER);
                } catch (RuntimeException e) {
                    LOG.errorf("retry of the failed export of %s failed again: %s", r.period(), e.getMessage());
                }
            }
        }
        // an as-of in the future has no closed month beyond the one closed now
        Instant wallClock = Instant.now();
        return exportClosedPeriod(now.isAfter(wallClock) ? wallClock : now);
    }

    /** Exports the period closed most recently at {@code now} unless it is exported already. */
    Optional<ExportService.Outcome> exportClosedPeriod(Instant now) {
        YearMonth month = Period.previous(now, exports.zone());
        try {
            return Optional.of(exports.export(month, Actors.SCHEDULER));
        } catch (RuntimeException e) {
            LOG.errorf("scheduled export of %s failed: %s", month, e.getMessage());
            return Optional.empty();
        }
    }
}
