package dev.steward.export;

import dev.steward.audit.Actors;
import dev.steward.report.PageWarmer;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import org.jboss.logging.Logger;

/**
 * Schedules the monthly export while Steward serves: the cron and zone of {@code steward.exports.*} export the period
 * closed most recently. Started by {@code serve} only (one-shot commands never export behind the user's back), it also
 * catches up at start, so a period missed while down or recorded FAILED is retried then. Failures are logged, counted
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

    /** Schedules the job and starts the catch-up in the background; false when exports are disabled. */
    public boolean start() {
        if (!config.enabled()) {
            LOG.info("scheduled evidence exports are disabled (steward.exports.enabled=false)");
            return false;
        }
        scheduler.newJob(JOB).setCron(config.cron()).setTimeZone(config.zone()).setTask(ctx -> exportClosedPeriod()).schedule();
        LOG.infof("evidence exports scheduled: cron '%s' in %s, into %s", config.cron(), config.zone(), exports.exportsDir());
        Thread catchUp = new Thread(this::catchUp, "steward-export-catch-up");
        catchUp.setDaemon(true);
        catchUp.start();
        return true;
    }

    /** At start: retries every period recorded FAILED, then exports the last closed one. */
    void catchUp() {
        for (ExportRuns.ExportRun r : runs.list()) {
            if (ExportRuns.FAILED.equals(r.status())) {
                try {
                    exports.export(YearMonth.parse(r.period()), Actors.SCHEDULER);
                } catch (RuntimeException e) {
                    LOG.errorf("retry of the failed export of %s failed again: %s", r.period(), e.getMessage());
                }
            }
        }
        exportClosedPeriod();
    }

    /**
     * Exports the most recently closed period unless it is exported already; the export's run is the newest, so the
     * web pages' model of it is then built in the background ({@link PageWarmer}).
     */
    void exportClosedPeriod() {
        YearMonth month = Period.previous(Instant.now(), exports.zone());
        try {
            exports.export(month, Actors.SCHEDULER);
        } catch (RuntimeException e) {
            LOG.errorf("scheduled export of %s failed: %s", month, e.getMessage());
        }
        pages.warmIfEnabled();
    }
}
