package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WsidGeneratorTest {

    @Test
    void wsidsFromManyThreadsAtOnceAreUniqueAndEachThreadSeesThemIncrease() throws Exception {
        int threads = 16;
        int perThread = 20_000;
        WsidGenerator generator = new WsidGenerator(System::currentTimeMillis);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    long[] ids = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        ids[i] = generator.getAsLong();
                    }
                    return ids;
                }));
            }
            start.countDown();
            Set<Long> all = new HashSet<>();
            long outOfOrder = 0;
            long smallest = Long.MAX_VALUE;
            long largest = 0;
            for (Future<long[]> f : futures) {
                long[] ids = f.get();
                for (int i = 0; i < ids.length; i++) {
                    all.add(ids[i]);
                    if (i > 0 && ids[i] <= ids[i - 1]) {
                        outOfOrder++;
                    }
                    smallest = Math.min(smallest, ids[i]);
                    largest = Math.max(largest, ids[i]);
                }
            }
            assertThat(outOfOrder).as("WSIDs a thread saw not increasing").isZero();
            assertThat(smallest).isPositive();
            assertThat(Long.toString(largest)).hasSizeLessThanOrEqualTo(19);
            assertThat(all).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClockThatStepsBackNeverCausesARepeat() {
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        WsidGenerator generator = new WsidGenerator(clock::get);
        long first = generator.getAsLong();
        long second = generator.getAsLong();
        clock.addAndGet(-60_000);
        long afterStepBack = generator.getAsLong();
        clock.addAndGet(120_000);
        long afterJump = generator.getAsLong();

        assertThat(first).isEqualTo(1_700_000_000_000_000L);
        assertThat(second).isEqualTo(first + 1);
        assertThat(afterStepBack).isEqualTo(second + 1);
        assertThat(afterJump).isEqualTo(1_700_000_060_000_000L);
    }

    @Test
    void readsAsTheTimeAndFitsThreddsNineteenDigits() {
        long before = System.currentTimeMillis();
        long wsid = WsidGenerator.shared().getAsLong();
        assertThat(wsid / 1000).isGreaterThanOrEqualTo(before);
        assertThat(Long.toString(wsid)).hasSizeLessThanOrEqualTo(19);
        assertThat(WsidGenerator.shared()).isSameAs(WsidGenerator.shared());
    }
}
