package io.github.walletdevice.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each test has a watch of its own: what the rest of the JVM's tests still watch on the shared one (a body whose
 * read timeout has not yet come) cannot keep it awake. The watch's ticks come one after another on one thread, so
 * the tests order events by ticks (a body watched later has been looked at twice: every tick since has passed)
 * rather than by waiting some time.
 */
class TimeoutWatchTest {
    private final TimeoutWatch watch = new TimeoutWatch("test-timeout-watch");

    @AfterEach
    void stopTheWatch() {
        watch.stop();
    }

    /** Counts the ticks it is looked at, and the latest tick's time. */
    private static final class Counting implements TimeoutWatch.Watched {
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
    private void twoMoreTicks() throws InterruptedException {
        Counting sentinel = new Counting();
        watch.add(sentinel);
        try {
            assertThat(sentinel.twice.await(20, TimeUnit.SECONDS)).as("the watch ticks").isTrue();
        } finally {
            watch.remove(sentinel);
        }
    }

    @Test
    void aWatchedBodyIsLookedAtEveryTickUntilUnwatched() throws Exception {
        Counting body = new Counting();
        long start = System.nanoTime();

        watch.add(body);
        assertThat(body.twice.await(20, TimeUnit.SECONDS)).isTrue();
        watch.remove(body);
        int seen = body.checks.get();
        twoMoreTicks();

        assertThat(body.lastNow.get() - start).isPositive();
        // At most a tick that had already started when it was unwatched.
        assertThat(body.checks.get()).isLessThanOrEqualTo(seen + 1);
    }

    @Test
    void theWatchSleepsWithNothingToWatchAndWakesUpForABody() throws Exception {
        // With nothing to watch the thread sleeps after a while; wait for that (a condition, not a time).
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (watch.ticking() && System.nanoTime() - end < 0) {
            Thread.yield();
        }
        assertThat(watch.ticking()).as("the watch went to sleep").isFalse();
        Counting body = new Counting();

        watch.add(body);
        try {
            assertThat(body.twice.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            watch.remove(body);
        }
    }

    @Test
    void aBodyWhoseCheckThrowsIsDroppedAndTheOthersAreStillWatched() throws Exception {
        AtomicInteger thrown = new AtomicInteger();
        CountDownLatch threw = new CountDownLatch(1);
        TimeoutWatch.Watched broken = now -> {
            thrown.incrementAndGet();
            threw.countDown();
            throw new IllegalStateException("broken");
        };

        watch.add(broken);
        assertThat(threw.await(20, TimeUnit.SECONDS)).isTrue();
        twoMoreTicks();

        assertThat(thrown.get()).isEqualTo(1);
    }

    @Test
    void theSharedWatchLooksAtWhatTheSdkWatches() throws Exception {
        Counting body = new Counting();

        TimeoutWatch.watch(body);
        try {
            assertThat(body.twice.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            TimeoutWatch.unwatch(body);
        }
    }
}
