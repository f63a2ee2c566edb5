package dev.steward.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Parses a document on a thread of its own while the calling thread maps, validates and stores what was parsed, so
 * the two halves of an inventory upload use two cores (parsing a large YAML document is about as costly as
 * everything done with its records). The parser hands over {@link Step}s in document order, in batches through a
 * bounded queue (memory holds a few batches of records); the caller runs them in that order, so problems, ids and
 * records arrive exactly as a single thread would deliver them. A failure of the parser reaches the caller at its
 * place in the order, as the same exception; a failure of the caller stops the parser.
 */
final class ParseAhead {

    private static final int BATCH = 64;
    private static final int QUEUED = 8;

    /** Work for the calling thread, in document order. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    /** The parsing half: emits steps, may throw what the single-threaded reader threw. */
    @FunctionalInterface
    interface Parser {
        void parse(Consumer<Step> emit) throws IOException;
    }

    /** Unwinds the parser when the caller has stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static final List<Step> END = List.of();

    private ParseAhead() {
    }

    /** Runs the parser on its own thread and its steps on this one; returns when both are done. */
    static void run(String name, Parser parser) throws IOException {
        run(name, BATCH, QUEUED, parser);
    }

    /**
     * {@link #run(String, Parser)} with steps handed over {@code batch} at a time, at most {@code queued} batches
     * ahead: many small steps (lines of a log) need larger batches and a deeper queue than a document's records, or
     * the two threads wait on each other whenever the machine is busy.
     */
    static void run(String name, int batch, int queued, Parser parser) throws IOException {
        BlockingQueue<List<Step>> queue = new ArrayBlockingQueue<>(queued);
        Thread t = new Thread(() -> produce(parser, queue, batch), "parse-" + name);
        t.setDaemon(true);
        t.start();
        try {
            while (true) {
                List<Step> steps = queue.take();
                if (steps == END) {
                    return;
                }
                for (Step s : steps) {
                    s.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + name, e);
        } finally {
            t.interrupt();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void produce(Parser parser, BlockingQueue<List<Step>> queue, int size) {
        List<List<Step>> batch = new ArrayList<>(1);
        batch.add(new ArrayList<>(size));
        Consumer<Step> emit = s -> {
            batch.get(0).add(s);
            if (batch.get(0).size() == size) {
                put(queue, batch.get(0));
                batch.set(0, new ArrayList<>(size));
            }
        };
        Step failure = null;
        try {
            parser.parse(emit);
        } catch (Stopped e) {
            return;
        } catch (IOException e) {
            failure = () -> {
                throw e;
            };
        } catch (RuntimeException | Error e) {
            failure = () -> {
                throw e;
            };
        }
        try {
            if (failure != null) {
                batch.get(0).add(failure);
            }
            if (!batch.get(0).isEmpty()) {
                put(queue, batch.get(0));
            }
            put(queue, END);
        } catch (Stopped e) {
            // the caller has stopped: nobody waits for the end
        }
    }

    private static void put(BlockingQueue<List<Step>> queue, List<Step> steps) {
        try {
            queue.put(steps);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }
}
