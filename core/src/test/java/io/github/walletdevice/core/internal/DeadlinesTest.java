package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.HttpRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The shared timer only fires: what a deadline runs must never hold up the other deadlines. */
class DeadlinesTest {

    @Test
    void aBlockedContinuationDoesNotStopAnotherDeadlineFromFiring() throws Exception {
        CountDownLatch firstEntered = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = new CompletableFuture<>();
        // The continuation of the first deadline's future stands for user code: it blocks until told to go on.
        CompletableFuture<Void> firstHandled = first.whenComplete((v, e) -> {
            firstEntered.countDown();
            await(releaseFirst);
        });
        Deadlines.schedule(() -> first.complete(null), Duration.ZERO);
        try {
            assertThat(firstEntered.await(20, TimeUnit.SECONDS)).as("first deadline fired").isTrue();

            CompletableFuture<Void> second = new CompletableFuture<>();
            Deadlines.schedule(() -> second.complete(null), Duration.ofMillis(1));

            assertThat(second).succeedsWithin(Duration.ofSeconds(20));
            assertThat(firstHandled).isNotDone();
        } finally {
            releaseFirst.countDown();
        }
        assertThat(firstHandled).succeedsWithin(Duration.ofSeconds(20));
    }

    @Test
    void tasksRunOffTheTimerThreadOnDaemonThreads() throws Exception {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        Deadlines.schedule(() -> ranOn.complete(Thread.currentThread()), Duration.ZERO);

        Thread t = ranOn.get(20, TimeUnit.SECONDS);
        assertThat(t.getName()).startsWith("walletdevice-async-");
        assertThat(t.isDaemon()).isTrue();
    }

    @Test
    void aCancelledTaskNeverRunsAndAFarOffDelayIsAccepted() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        ScheduledFuture<?> far = Deadlines.schedule(ran::countDown, Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(far.cancel(false)).isTrue();
        assertThat(far.isCancelled()).isTrue();
        assertThat(ran.getCount()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWatchedDeadlineRunsItsTaskOnceItHasPassedAndNotBefore() throws Exception {
        CompletableFuture<Long> ranAt = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);

        Deadlines.watch(deadline, () -> ranAt.complete(System.nanoTime()));

        assertThat(ranAt.get(20, TimeUnit.SECONDS) - deadline).isNotNegative();
    }

    @Test
    void aCancelledWatchNeverRunsItsTask() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        Deadlines.Watch watch = Deadlines.watch(deadline, ran::countDown);

        watch.cancel();
        // Past the deadline, then two full ticks of the watch (a body watched now is looked at twice): a watch
        // still in place would have run by then.
        while (deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(deadline - System.nanoTime());
        }
        CountDownLatch twoTicks = new CountDownLatch(2);
        TimeoutWatch.Watched sentinel = now -> twoTicks.countDown();
        TimeoutWatch.watch(sentinel);
        try {
            assertThat(twoTicks.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            TimeoutWatch.unwatch(sentinel);
        }

        assertThat(ran.getCount()).as("task not run").isEqualTo(1);
    }
}
