package dev.steward.work;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * One heavy job at a time in this process: an assessment that computes a run, or a monthly evidence export (which
 * assesses and writes every report). Each holds the inventory and a shard of the window in memory: at 100k agents and
 * 10M decisions one takes most of a 1 GiB heap, and two at once (say the export's catch-up at start and an assessment
 * asked through the API) ran the service out of memory, which closed the embedded database under both. A job that
 * finds another running waits for it, first come first served, and says so in the log; the same thread may take the
 * permit again (an export's own assessment). Reads of stored runs and reports need no permit.
 */
@ApplicationScoped
public class HeavyWork {

    private static final Logger LOG = Logger.getLogger(HeavyWork.class);

    private final ReentrantLock lock = new ReentrantLock(true);
    /** What holds the permit, for the log of those waiting; null when free. */
    private volatile String running;

    /** The permit, released by {@link Permit#close()}; waits while another thread's job holds it. */
    public Permit acquire(String what) {
        if (!lock.tryLock()) {
            LOG.infof("%s waits for %s to finish (one heavy job at a time)", what, String.valueOf(running));
            lock.lock();
        }
        return held(what);
    }

    /** The permit just locked, held for {@code what}. */
    private Permit held(String what) {
        String outer = running;
        running = what;
        return () -> {
            running = outer;
            lock.unlock();
        };
    }

    /**
     * The permit if it is free and no one is waiting for it, else null at once: for work that gives way to heavy jobs
     * instead of queueing for them (the pages' warm-up).
     */
    public Permit tryAcquire(String what) {
        try {
            // a timed try keeps the fair order: a free permit goes to those waiting first
            if (!lock.tryLock(0, TimeUnit.SECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return held(what);
    }

    /** Threads waiting for the permit. */
    public int waiting() {
        return lock.getQueueLength();
    }

    /** A held permit. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
