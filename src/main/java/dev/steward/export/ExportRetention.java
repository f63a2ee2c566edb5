package dev.steward.export;

import dev.steward.audit.AuditAction;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps the newest {@code steward.exports.keep} published bundles on disk (0 = all). After an export succeeds, every
 * older DONE bundle beyond that number is deleted and its record marked PURGED, keeping its manifest hash and the
 * hash it chained to, so the manifests of later periods still verify against the record. Only DONE periods count and
 * are deleted: a RUNNING export is never touched, and the bundle just published never goes. Each purge is audited as
 * EXPORT_PURGED; a conditional update makes exactly one replica purge a period.
 */
@ApplicationScoped
public class ExportRetention {

    private static final Logger LOG = Logger.getLogger(ExportRetention.class);

    private final ExportConfig config;
    private final ExportRuns runs;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    public ExportRetention(ExportConfig config, ExportRuns runs, AuditLog audit) {
        this.config = config;
        this.runs = runs;
        this.audit = audit;
    }

    /** Purges the bundles beyond the limit; {@code published} is the period just exported. Returns the purged periods. */
    public List<String> apply(String published, String actor) {
        int keep = config.keep();
        if (keep < 0) {
            throw new IllegalArgumentException("steward.exports.keep must be 0 (keep all) or more, not " + keep);
        }
        List<String> purged = new ArrayList<>();
        if (keep == 0) {
            return purged;
        }
        int kept = 0;
        for (ExportRuns.ExportRun r : runs.list()) {
            if (!ExportRuns.DONE.equals(r.status())) {
                continue;
            }
            if (++kept <= keep || r.period().equals(published)) {
                continue;
            }
            if (purge(r, actor)) {
                purged.add(r.period());
            }
        }
        return purged;
    }

    private boolean purge(ExportRuns.ExportRun r, String actor) {
        if (!runs.purged(r.period(), clock.instant())) {
            return false;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("manifestSha256", r.manifestSha256());
        detail.put("location", r.location());
        detail.put("keep", config.keep());
        AuditOutcome outcome = AuditOutcome.OK;
        try {
            Path folder = r.location() == null ? null : Path.of(r.location());
            if (folder != null && Files.isRegularFile(folder.resolve(Manifest.FILE))) {
                Bundles.deleteTree(folder);
                LOG.infof("retention: deleted the bundle of %s (%s), keeping the newest %d", r.period(), folder, config.keep());
            } else {
                detail.put("note", "no bundle on disk at the recorded location");
            }
        } catch (IOException e) {
            outcome = AuditOutcome.FAILED;
            detail.put("error", e.getMessage());
            LOG.errorf("retention: cannot delete the bundle of %s at %s: %s", r.period(), r.location(), e.getMessage());
        }
        audit.record(actor, AuditAction.EXPORT_PURGED, r.period(), outcome, detail);
        return true;
    }
}
