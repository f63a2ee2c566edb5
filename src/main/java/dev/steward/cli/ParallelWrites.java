package dev.steward.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent file writers (the reports of one model) on as many threads as there are cores, so a PDF and an
 * XLSX are written at the same time instead of one after the other; every writer reads the same immutable model.
 * Returns each writer's line in submission order; the first failure is rethrown once every writer has stopped.
 */
final class ParallelWrites {

    private ParallelWrites() {
    }

    static List<String> run(List<Callable<String>> jobs) throws IOException {
        int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "steward-report-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<String>> futures = new ArrayList<>();
            jobs.forEach(j -> futures.add(pool.submit(j)));
            List<String> lines = new ArrayList<>();
            Throwable failure = null;
            for (Future<String> f : futures) {
                try {
                    lines.add(f.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing reports", e);
                }
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure != null) {
                throw new UncheckedIOException(new IOException(failure));
            }
            return lines;
        } finally {
            pool.shutdownNow();
        }
    }
}
