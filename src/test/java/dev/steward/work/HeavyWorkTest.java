package dev.steward.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One heavy job at a time: others wait, first come first served; the holder may take the permit again; a try gives way
 * to a job that holds or waits for the permit.
 */
class HeavyWorkTest {

    @Test
    void jobsRunOneAtATimeInTheOrderTheyCame() throws Exception {
        HeavyWork heavy = new HeavyWork();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiting = new ArrayList<>();
        try (HeavyWork.Permit first = heavy.acquire("first")) {
            for (String name : List.of("second", "third")) {
                int before = heavy.waiting();
                Thread t = new Thread(() -> {
                    try (HeavyWork.Permit p = heavy.acquire(name)) {
                        order.add(name + " starts");
                        order.add(name + " ends");
                    }
                });
                t.start();
                waiting.add(t);
                awaitWaiting(heavy, before + 1);
            }
            assertThat(order).as("nothing runs while the first holds the permit").isEmpty();
            try (HeavyWork.Permit again = heavy.acquire("first, again")) {
                order.add("first again");
            }
        }
        for (Thread t : waiting) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(order).containsExactly("first again", "second starts", "second ends", "third starts", "third ends");
        assertThat(heavy.waiting()).isZero();
    }

    @Test
    void aReleasedPermitIsFreeForTheNextJob() throws Exception {
        HeavyWork heavy = new HeavyWork();
        heavy.acquire("one").close();
        CountDownLatch ran = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (HeavyWork.Permit p = heavy.acquire("two")) {
                ran.countDown();
            }
        });
        t.start();
        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        t.join();
    }

    @Test
    void tryingGivesWayToAJobRunningOrWaiting() throws Exception {
        HeavyWork heavy = new HeavyWork();
        Thread other;
        try (HeavyWork.Permit job = heavy.acquire("an assessment")) {
            assertThat(triedElsewhere(heavy)).as("held by another thread's job").isFalse();
            try (HeavyWork.Permit again = heavy.tryAcquire("the job's own step")) {
                assertThat(again).as("the holder may take it again").isNotNull();
            }
            other = new Thread(() -> heavy.acquire("the next assessment").close());
            other.start();
            awaitWaiting(heavy, 1);
            assertThat(triedElsewhere(heavy)).as("held, and a job waits").isFalse();
        }
        other.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(triedElsewhere(heavy)).as("free again").isTrue();
        HeavyWork.Permit free = heavy.tryAcquire("a warm-up");
        assertThat(free).as("free and no one waiting").isNotNull();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Thread waiter = new Thread(() -> {
            try (HeavyWork.Permit p = heavy.acquire("an assessment")) {
                order.add("assessment");
            }
        });
        try (free) {
            waiter.start();
            awaitWaiting(heavy, 1);
        }
        // released while a job waits: a try right after never jumps the queue
        HeavyWork.Permit jumped = heavy.tryAcquire("another warm-up");
        if (jumped != null) {
            order.add("warm-up");
            jumped.close();
        }
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(order.get(0)).isEqualTo("assessment");
        assertThat(heavy.waiting()).isZero();
    }

    /** Whether a try on another thread got the permit (released at once). */
    private static boolean triedElsewhere(HeavyWork heavy) throws Exception {
        java.util.concurrent.FutureTask<Boolean> t = new java.util.concurrent.FutureTask<>(() -> {
            HeavyWork.Permit p = heavy.tryAcquire("a warm-up");
            if (p != null) {
                p.close();
            }
            return p != null;
        });
        new Thread(t).start();
        return t.get(30, TimeUnit.SECONDS);
    }

    private static void awaitWaiting(HeavyWork heavy, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (heavy.waiting() < n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(heavy.waiting()).isEqualTo(n);
    }
}
