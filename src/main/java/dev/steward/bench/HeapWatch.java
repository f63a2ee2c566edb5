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
 * Peak heap in use while a benchmark stage runs: the largest of the heap in use sampled every 20 ms
 * ({@link MemoryMXBean}) and the heap in use just before each collection (GC notifications), which catches the peaks
 * a sampler misses between two samples. {@link #reset()} starts a new stage; {@link #peak()} reads it.
 */
public final class HeapWatch implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
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
        long used = 0;
        for (MemoryUsage u : info.getGcInfo().getMemoryUsageBeforeGc().values()) {
            used += u.getUsed();
        }
        record(used - nonHeapBefore(info));
    }

    /** Before-GC usage lists every pool, heap and not; the non-heap pools are subtracted by name. */
    private static long nonHeapBefore(GarbageCollectionNotificationInfo info) {
        long nonHeap = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.NON_HEAP) {
                MemoryUsage u = info.getGcInfo().getMemoryUsageBeforeGc().get(pool.getName());
                nonHeap += u == null ? 0 : u.getUsed();
            }
        }
        return nonHeap;
    }

    private void record(long used) {
        peak.accumulateAndGet(used, Math::max);
    }

    /** Starts a new stage: the peak becomes the heap in use now. */
    public void reset() {
        peak.set(memory.getHeapMemoryUsage().getUsed());
    }

    /** Largest heap in use since the last {@link #reset()}, in bytes. */
    public long peak() {
        record(memory.getHeapMemoryUsage().getUsed());
        return peak.get();
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
