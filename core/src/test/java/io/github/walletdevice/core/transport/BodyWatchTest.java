package io.github.walletdevice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The watch's ticks come one after another on one thread, so the tests order events by ticks (a body watched later
 * has been looked at twice: every tick since has passed) rather than by waiting some time.
 */
class BodyWatchTest {

    /** Counts the ticks it is looked at, and the latest tick's time. */
    private static final class Counting implements BodyWatch.Watched {
        final AtomicInteger checks = new AtomicInteger();
        final AtomicLong lastNow = new AtomicLong();
        final CountDownLatch twice = new CountDownLatch(2);

        @Override
        public void check(long now) {
            checks.incrementAndGet();
            lastNow.set(now);
            twice.countDown();
        }
    }

    /** Waits until two more ticks have passed: a body watched now has been looked at twice. */
    private static void twoMoreTicks() throws InterruptedException {
        Counting sentinel = new Counting();
        BodyWatch.watch(sentinel);
        try {
            assertThat(sentinel.twice.await(20, TimeUnit.SECONDS)).as("the watch ticks").isTrue();
        } finally {
            BodyWatch.unwatch(sentinel);
        }
    }

    @Test
    void aWatchedBodyIsLookedAtEveryTickUntilUnwatched() throws Exception {
        Counting body = new Counting();
        long start = System.nanoTime();

        BodyWatch.watch(body);
        assertThat(body.twice.await(20, TimeUnit.SECONDS)).isTrue();
        BodyWatch.unwatch(body);
        int seen = body.checks.get();
        twoMoreTicks();

        assertThat(body.lastNow.get() - start).isPositive();
        // At most a tick that had already started when it was unwatched.
        assertThat(body.checks.get()).isLessThanOrEqualTo(seen + 1);
    }

    @Test
    void theWatchWakesUpForABodyAfterItHasGoneToSleep() throws Exception {
        // With nothing to watch the thread sleeps after a while; wait for that (a condition, not a time).
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (BodyWatch.ticking() && System.nanoTime() - end < 0) {
            Thread.yield();
        }
        assertThat(BodyWatch.ticking()).as("the watch went to sleep").isFalse();
        Counting body = new Counting();

        BodyWatch.watch(body);
        try {
            assertThat(body.twice.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            BodyWatch.unwatch(body);
        }
    }

    @Test
    void aBodyWhoseCheckThrowsIsDroppedAndTheOthersAreStillWatched() throws Exception {
        AtomicInteger thrown = new AtomicInteger();
        CountDownLatch threw = new CountDownLatch(1);
        BodyWatch.Watched broken = now -> {
            thrown.incrementAndGet();
            threw.countDown();
            throw new IllegalStateException("broken");
        };

        BodyWatch.watch(broken);
        assertThat(threw.await(20, TimeUnit.SECONDS)).isTrue();
        twoMoreTicks();

        assertThat(thrown.get()).isEqualTo(1);
    }
}
