package dev.steward.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap high-water marks while a benchmark stage runs. {@link #peak()}: the largest heap in use, sampled every 20 ms
 * ({@link MemoryMXBean}) and read just before each collection (GC notifications), garbage included, so with a
 * collector that lets the heap fill before collecting it approaches -Xmx whatever the stage needs. {@link #live()}:
 * the largest heap still in use just after a collection during the stage, i.e. what the stage actually holds; the
 * number to compare with a heap limit. {@link #reset()} starts a new stage.
 */
public final class HeapWatch implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final Thread sampler;
    private final List<Runnable> unregister = new ArrayList<>();
    private volatile boolean running = true;

    public HeapWatch() {
        NotificationListener listener = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone: nothing to remove
                    }
                });
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                record(memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "steward-bench-heap");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        record(heap(info.getGcInfo().getMemoryUsageBeforeGc()));
        long after = heap(info.getGcInfo().getMemoryUsageAfterGc());
        live.accumulateAndGet(after, Math::max);
    }

    /** GC usage lists every pool, heap and not; only the heap pools are added up. */
    private static long heap(java.util.Map<String, MemoryUsage> pools) {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                MemoryUsage u = pools.get(pool.getName());
                used += u == null ? 0 : u.getUsed();
            }
        }
        return used;
    }

    private void record(long used) {
        peak.accumulateAndGet(used, Math::max);
    }

    /** Starts a new stage: the peak becomes the heap in use now. */
    public void reset() {
        peak.set(memory.getHeapMemoryUsage().getUsed());
        live.set(0);
    }

    /** Largest heap in use since the last {@link #reset()}, in bytes. */
    public long peak() {
        record(memory.getHeapMemoryUsage().getUsed());
        return peak.get();
    }

    /**
     * Largest heap in use just after a collection since the last {@link #reset()}, in bytes; when no collection ran
     * in the stage, the heap in use now (an upper bound).
     */
    public long live() {
        long l = live.get();
        return l > 0 ? l : memory.getHeapMemoryUsage().getUsed();
    }

    /** The heap limit (-Xmx), in bytes. */
    public long max() {
        return memory.getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unregister.forEach(Runnable::run);
    }
}
