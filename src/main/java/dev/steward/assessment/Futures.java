package dev.steward.assessment;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for work an assessment hands to a thread of its own (the previous run's read, the next shard's read): its
 * exception is rethrown as it was thrown, so a failure on that thread fails the run exactly as it would have on the
 * calling thread.
 */
final class Futures {

    private Futures() {
    }

    /** The task's value; {@code what} names the work in the messages ("reading decision shard 3"). */
    static <T> T get(Future<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("failed " + what, e.getCause());
        }
    }
}
