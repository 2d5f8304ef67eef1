package io.github.walletdevice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

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

    @Test
    void aWatchedBodyIsLookedAtEveryTickUntilUnwatched() throws Exception {
        Counting body = new Counting();
        long start = System.nanoTime();

        BodyWatch.watch(body);
        assertThat(body.twice.await(5, TimeUnit.SECONDS)).isTrue();
        BodyWatch.unwatch(body);
        int seen = body.checks.get();
        Thread.sleep(100);

        assertThat(body.lastNow.get() - start).isPositive();
        // At most a tick that had already started when it was unwatched.
        assertThat(body.checks.get()).isLessThanOrEqualTo(seen + 1);
    }

    @Test
    void theWatchWakesUpForABodyAfterItHasGoneToSleep() throws Exception {
        // Longer than the linger, so the watch thread has parked when the body arrives.
        Thread.sleep(1_500);
        Counting body = new Counting();

        BodyWatch.watch(body);
        try {
            assertThat(body.twice.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            BodyWatch.unwatch(body);
        }
    }

    @Test
    void aBodyWhoseCheckThrowsIsDroppedAndTheOthersAreStillWatched() throws Exception {
        AtomicInteger thrown = new AtomicInteger();
        BodyWatch.Watched broken = now -> {
            thrown.incrementAndGet();
            throw new IllegalStateException("broken");
        };
        Counting healthy = new Counting();

        BodyWatch.watch(broken);
        BodyWatch.watch(healthy);
        try {
            assertThat(healthy.twice.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);
            assertThat(thrown.get()).isEqualTo(1);
        } finally {
            BodyWatch.unwatch(healthy);
        }
    }
}
