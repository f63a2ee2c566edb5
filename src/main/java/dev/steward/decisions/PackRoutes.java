package dev.steward.decisions;

import dev.steward.store.PackBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Routes the aggregates of stored packs to a window's shards by reference into each pack's texts, exactly as
 * {@link WindowShards#add} routes them by text, on two threads. The calling thread expands each pack and looks each
 * of its texts up in the window's dictionary by its bytes, undecoded and all the pack's texts at once
 * ({@link WindowShards#texts}: a probe of a large table per text); for packs that number their upload's texts
 * (version 2), all of the upload's texts at its first pack, and each pack's by number after that (at 10M decisions
 * 427k probes instead of 21M, which were most of the scan's time), then decodes the pack's aggregates into a
 * {@link Batch}; a router thread of its own routes them, each reference an array read, while the caller opens the
 * next packs (and the shards' {@link SpillWriter} writes their files). Packs are routed one after another in the
 * order given, so the shard files are the same as on one thread: a text gets its dictionary id on the router, on
 * first use by a routed row, as it did when the texts were looked up as the rows were read.
 */
final class PackRoutes implements AutoCloseable {

    /** Packs opened ahead of the router at most (a few hundred KiB each). */
    private static final int AHEAD = 8;

    private final WindowShards shards;
    private final ExecutorService router = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "steward-window-router");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore room = new Semaphore(AHEAD);
    private final ArrayDeque<Future<?>> routing = new ArrayDeque<>();
    /** Where each text of the pack being opened starts and how long it is; used on the calling thread only. */
    private int[] offsets = new int[0];
    private int[] lengths = new int[0];
    /**
     * The upload whose texts are looked up ({@code uploadResolved}, {@code uploadIndexes}: entry and index by text
     * number), all at once on its first pack of version 2; used on the calling thread only.
     */
    private long upload = -1;
    private UploadTexts uploadTexts;
    private WindowText[] uploadResolved;
    private int[] uploadIndexes;
    /** Batches routed and free to fill again. */
    private final ConcurrentLinkedQueue<Batch> free = new ConcurrentLinkedQueue<>();

    PackRoutes(WindowShards shards) {
        this.shards = shards;
    }

    /**
     * Routes the aggregates of one stored pack of {@code upload} whose day is in [from, to), after those of the packs
     * given before; {@code texts} gives the upload's texts when the pack numbers them (version 2).
     */
    void pack(long upload, byte[] body, LocalDate from, LocalDate to, UploadTexts.Cache texts) throws IOException {
        DailyPack.Opened pack = DailyPack.header(body);
        int[] numbers = pack.numbers();
        WindowText[] resolved;
        int[] indexes;
        if (numbers != null) {
            if (upload != this.upload) {
                resolveUpload(texts.of(upload));
            }
            int n = numbers.length;
            resolved = new WindowText[n + 1];
            indexes = new int[n + 1];
            indexes[0] = -1;
            for (int i = 0; i < n; i++) {
                int number = uploadTexts.checked(numbers[i]);
                resolved[i + 1] = uploadResolved[number];
                indexes[i + 1] = uploadIndexes[number];
            }
        } else {
            PackBytes.In in = pack.in();
            int n = in.varInt();
            if (offsets.length < n) {
                offsets = new int[Math.max(n, 2 * offsets.length)];
                lengths = new int[offsets.length];
            }
            for (int i = 0; i < n; i++) {
                int length = in.skipText();
                lengths[i] = length;
                offsets[i] = in.position() - Math.max(0, length);
            }
            resolved = new WindowText[n + 1];
            indexes = new int[n + 1];
            indexes[0] = -1;
            shards.texts(in.buffer(), offsets, lengths, n, resolved, indexes, 1);
        }
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while routing decision packs", e);
        }
        Batch batch = free.poll();
        if (batch == null) {
            batch = new Batch();
        }
        Batch rows = batch;
        try {
            rows.size = 0;
            DailyPack.rows(pack, from, to, rows);
            routing.add(router.submit(() -> {
                try {
                    rows.route(shards, resolved, indexes);
                    return null;
                } finally {
                    free.add(rows);
                    room.release();
                }
            }));
        } catch (IOException | RuntimeException e) {
            room.release();
            throw e;
        }
        while (!routing.isEmpty() && routing.peek().isDone()) {
            await(routing.poll());
        }
    }

    private void resolveUpload(UploadTexts texts) {
        int n = texts.size();
        uploadResolved = new WindowText[n];
        uploadIndexes = new int[n];
        shards.texts(texts.buffer(), texts.offsets(), texts.lengths(), n, uploadResolved, uploadIndexes, 0);
        uploadTexts = texts;
        upload = texts.upload();
    }

    /** Waits until every pack given is routed; rethrows the router's failure. */
    void finish() throws IOException {
        while (!routing.isEmpty()) {
            await(routing.poll());
        }
        router.shutdown();
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while routing decision packs", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException("cannot route decision packs", cause));
        }
    }

    /**
     * Stops the router and waits for the pack it is routing, so that nothing writes to the shards once this returns
     * (after a failure they are deleted next); packs not yet routed are dropped.
     */
    @Override
    public void close() {
        router.shutdownNow();
        try {
            if (!router.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("the decision pack router did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One pack's rows in the window, decoded on the calling thread ({@link DailyPack#rows}) and routed on the router
     * ({@link #route}): the router bounds the scan, and the calling thread, which mostly waits for it, has room for
     * the decoding. Each row is nine ints (epoch day, the references of agent, credential, tool, action, scope,
     * environment and on-behalf-of chain, allowed as 1 or 0) and eleven longs (the seven counts, then the first and
     * last decision's epoch second and nanosecond). A reference {@code r} is {@code resolved[r]}, whose
     * {@link WindowText#index} is {@code indexes[r]} (0: null). Batches are reused once routed.
     */
    static final class Batch implements DailyPack.Refs {
        private static final int INTS = 9;
        private static final int LONGS = 11;
        int size;
        private int[] ints = new int[1024 * INTS];
        private long[] longs = new long[1024 * LONGS];
        /** The counts of the row being routed; used on the router only. */
        private final long[] counts = new long[7];

        @Override
        public void texts(String[] texts) {
            throw new IllegalStateException("texts are resolved on the calling thread");
        }

        @Override
        public void row(long epochDay, int agent, int credential, int tool, int action, int scope, int environment,
                boolean allowed, int onBehalfOf, long[] counts, long firstSecond, long firstNano, long lastSecond,
                long lastNano) {
            if ((size + 1) * INTS > ints.length) {
                ints = Arrays.copyOf(ints, 2 * ints.length);
                longs = Arrays.copyOf(longs, 2 * longs.length);
            }
            int i = size * INTS;
            ints[i] = Math.toIntExact(epochDay);
            ints[i + 1] = agent;
            ints[i + 2] = credential;
            ints[i + 3] = tool;
            ints[i + 4] = action;
            ints[i + 5] = scope;
            ints[i + 6] = environment;
            ints[i + 7] = allowed ? 1 : 0;
            ints[i + 8] = onBehalfOf;
            int l = size * LONGS;
            System.arraycopy(counts, 0, longs, l, 7);
            longs[l + 7] = firstSecond;
            longs[l + 8] = firstNano;
            longs[l + 9] = lastSecond;
            longs[l + 10] = lastNano;
            size++;
        }

        /** Routes the batch's rows to the shards, in order. */
        void route(WindowShards shards, WindowText[] resolved, int[] indexes) throws IOException {
            int[] in = ints;
            long[] ln = longs;
            long[] c = counts;
            for (int r = 0; r < size; r++) {
                int i = r * INTS;
                int l = r * LONGS;
                System.arraycopy(ln, l, c, 0, 7);
                shards.row(in[i], resolved, indexes, in[i + 1], in[i + 2], in[i + 3], in[i + 4], in[i + 5],
                        in[i + 6], in[i + 7] != 0, in[i + 8], c, true, ln[l + 7], ln[l + 8], true, ln[l + 9],
                        ln[l + 10]);
            }
        }
    }
}
