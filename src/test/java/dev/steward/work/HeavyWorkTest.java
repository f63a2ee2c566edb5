package dev.steward.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One heavy job at a time: others wait, first come first served; the holder may take the permit again. */
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

    private static void awaitWaiting(HeavyWork heavy, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (heavy.waiting() < n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(heavy.waiting()).isEqualTo(n);
    }
}
