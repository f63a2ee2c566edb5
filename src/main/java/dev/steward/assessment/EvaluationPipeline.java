package dev.steward.assessment;

import dev.steward.check.CheckResult;
import dev.steward.evidence.Evidence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates the evaluations of one evidence on a small pool of threads while the calling thread consumes their
 * results strictly in run order, so whatever the caller does with them (counting, storing, the diff) happens in
 * exactly the order and with exactly the values of a one-thread run. Checks are pure functions of the evidence, the
 * parameters and the as-of instant, and {@link Evidence} and {@link Attribution} are safe to read from several
 * threads, so the results are the same whichever thread computes them.
 *
 * <p>A worker runs one evaluation: the check, the sort into run order and the attribution of every result
 * ({@link AssessedResult}). At most {@code parallelism} evaluations are computed ahead of the one the caller consumes,
 * which bounds the results held in memory to {@code parallelism + 1} evaluations' lists. A failure inside a check
 * fails the run with the check's id and variant in the message; evaluations still in flight are cancelled. With a
 * parallelism of 1 every evaluation runs on the calling thread, as before the pool existed.
 */
final class EvaluationPipeline implements AutoCloseable {

    /**
     * One evaluation's results in run order, the check's unrounded score of each (counting uses those; the kept
     * result holds the rounded one), the attribution of each result's subject, and the nanoseconds the worker spent
     * on them.
     */
    record Evaluated(List<AssessedResult> results, Double[] rawScores, Attribution.Subject[] subjects, long nanos) {
    }

    /** Receives each evaluation's results on the calling thread, in run order. */
    interface Consumer {
        void accept(int index, Evaluation evaluation, Evaluated evaluated) throws Exception;
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int parallelism;
    private final ExecutorService pool;

    /** @param parallelism threads that evaluate (1 = the calling thread only) */
    EvaluationPipeline(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        this.pool = parallelism == 1 ? null : Executors.newFixedThreadPool(parallelism, threads());
    }

    private static ThreadFactory threads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "steward-assess-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Runs every evaluation on the evidence and hands the results to {@code consumer} in run order.
     *
     * @param where added to a failure's message ("shard 3 of 7"); null for none
     */
    void run(List<Evaluation> evaluations, Evidence evidence, Attribution attribution, String where, Consumer consumer) {
        if (pool == null) {
            for (int i = 0; i < evaluations.size(); i++) {
                Evaluation e = evaluations.get(i);
                Evaluated done;
                try {
                    done = evaluate(e, evidence, attribution);
                } catch (RuntimeException ex) {
                    throw failed(e, where, ex);
                }
                consume(consumer, i, e, done);
            }
            return;
        }
        Deque<Future<Evaluated>> inFlight = new ArrayDeque<>();
        int submitted = 0;
        try {
            for (int i = 0; i < evaluations.size(); i++) {
                while (submitted < evaluations.size() && submitted <= i + parallelism - 1) {
                    Evaluation next = evaluations.get(submitted++);
                    inFlight.add(pool.submit(() -> evaluate(next, evidence, attribution)));
                }
                Evaluation e = evaluations.get(i);
                Evaluated done = await(inFlight.poll(), e, where);
                if (submitted < evaluations.size()) {
                    Evaluation next = evaluations.get(submitted++);
                    inFlight.add(pool.submit(() -> evaluate(next, evidence, attribution)));
                }
                consume(consumer, i, e, done);
            }
        } finally {
            for (Future<Evaluated> f : inFlight) {
                f.cancel(true);
            }
        }
    }

    private static void consume(Consumer consumer, int i, Evaluation e, Evaluated done) {
        try {
            consumer.accept(i, e, done);
        } catch (RuntimeException ex) {
            throw ex;
        } catch (Exception ex) {
            throw new IllegalStateException("cannot keep the results of " + e.key(), ex);
        }
    }

    private static Evaluated await(Future<Evaluated> f, Evaluation e, String where) {
        try {
            return f.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + e.check().id() + " was evaluated", ex);
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw failed(e, where, cause);
        }
    }

    private static IllegalStateException failed(Evaluation e, String where, Throwable cause) {
        return new IllegalStateException("check " + e.check().id() + " (variant " + e.variant() + ") failed"
                + (where == null ? "" : " on " + where) + ": " + cause.getMessage(), cause);
    }

    /** One evaluation on a worker: the check's results in run order, attributed. */
    private static Evaluated evaluate(Evaluation e, Evidence evidence, Attribution attribution) {
        long started = System.nanoTime();
        List<CheckResult> results = Assessor.evaluate(e, evidence);
        List<AssessedResult> assessed = new ArrayList<>(results.size());
        Double[] raw = new Double[results.size()];
        Attribution.Subject[] subjects = attribution.of(results);
        for (int i = 0; i < raw.length; i++) {
            CheckResult r = results.get(i);
            assessed.add(AssessedResult.of(e, r, subjects[i]));
            raw[i] = r.score();
        }
        return new Evaluated(assessed, raw, subjects, System.nanoTime() - started);
    }

    /** Stops the workers; evaluations still running are interrupted and their results dropped. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
