package dev.steward.evidence;

import dev.steward.decisions.DecisionAggregates;
import dev.steward.inventory.InventoryLoads;
import dev.steward.upload.UploadRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Loads the evidence of one assessment from the store: the inventory and people in force at the as-of instant, the
 * decision aggregates of the window and the secrets found by ingestion up to the as-of instant. The inventory comes
 * through the lean bulk read of {@link InventoryLoads} (plain JDBC, shared repeated values), which an assessment,
 * a report model and an export all wait for before anything else.
 *
 * <p>The inventory of reports is kept for the next report, page or download of the same run: every page of the web UI
 * builds its view from a run's report model, and at 100k agents reading the inventory takes seconds and most of a
 * 1 GiB heap. One inventory is kept, softly (the collector drops it before it would run out of memory), and only
 * while nothing new has been stored; requests for it wait for one load instead of each loading a copy.
 */
@ApplicationScoped
public class EvidenceLoader {

    private static final Logger LOG = Logger.getLogger(EvidenceLoader.class);

    private final InventoryLoads inventory;
    private final DecisionAggregates decisions;
    private final UploadRepository uploads;
    /** The last inventory read for reports, with what it was read for; guarded by itself for loads. */
    private final Object loading = new Object();
    private volatile SoftReference<Kept> kept = new SoftReference<>(null);

    /**
     * An inventory read for reports at an as-of and window start, while the newest committed upload was {@code upload}:
     * as read ({@code read}, the listings' order) and indexed ({@code evidence}).
     */
    private record Kept(Instant asOf, Instant windowStart, long upload, InventoryLoads.Inventory read,
            Evidence evidence) {
    }

    public EvidenceLoader(InventoryLoads inventory, DecisionAggregates decisions, UploadRepository uploads) {
        this.inventory = inventory;
        this.decisions = decisions;
        this.uploads = uploads;
    }

    @jakarta.transaction.Transactional
    public Evidence load(Instant asOf, Instant windowStart) {
        InventoryLoads.Inventory i = read(asOf);
        return new Evidence(asOf, windowStart, i.people(), i.agents(), i.credentials(),
                decisions.window(windowStart, asOf), i.secrets());
    }

    /**
     * The same evidence without the decision aggregates: what reports and exports read (people, agents, credentials and
     * secrets). The aggregates are the bulk of an assessment's input (about one per decision in sparse logs), and no
     * report needs them, so leaving them out keeps a report's memory to the inventory's.
     */
    @jakarta.transaction.Transactional
    public Evidence inventory(Instant asOf, Instant windowStart) {
        // read before the inventory: an upload committed in between makes the next call read it again, never less
        long upload = uploads.lastCommitted();
        synchronized (loading) {
            Kept k = kept.get();
            if (k != null && k.asOf().equals(asOf) && k.windowStart().equals(windowStart) && k.upload() == upload) {
                return k.evidence();
            }
            kept.clear();
            InventoryLoads.Inventory i = read(asOf);
            Evidence e = new Evidence(asOf, windowStart, i.people(), i.agents(), i.credentials(), List.of(), i.secrets());
            kept = new SoftReference<>(new Kept(asOf, windowStart, upload, i, e));
            return e;
        }
    }

    /**
     * The people, agents and credentials in force at {@code at}, as listed (in id, upload order), from the inventory
     * kept for reports, when it holds exactly those: nothing was committed since it was read, and the same uploads of
     * people, of agents and of credentials are in force at {@code at} as at its as-of. Empty otherwise; never loads
     * anything (the inventory API then asks the database).
     */
    public Optional<InventoryLoads.Inventory> keptInForce(Instant at) {
        Kept k = kept.get();
        if (k == null || k.upload() != uploads.lastCommitted()) {
            return Optional.empty();
        }
        for (String section : List.of("people", "agents", "credentials")) {
            if (!Set.copyOf(uploads.inForce(section, at)).equals(Set.copyOf(uploads.inForce(section, k.asOf())))) {
                return Optional.empty();
            }
        }
        return Optional.of(k.read());
    }

    private InventoryLoads.Inventory read(Instant asOf) {
        long started = System.nanoTime();
        InventoryLoads.Inventory i = inventory.load(asOf);
        LOG.infof("inventory as of %s loaded in %d ms: %d people, %d agents, %d credentials, %d secrets found", asOf,
                (System.nanoTime() - started) / 1_000_000, i.people().size(), i.agents().size(), i.credentials().size(),
                i.secrets().size());
        return i;
    }
}
