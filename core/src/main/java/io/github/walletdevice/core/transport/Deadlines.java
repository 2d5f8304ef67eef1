package io.github.walletdevice.core.transport;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Call deadlines and retry pauses for every transport and client: one daemon timer thread that only keeps time,
 * and daemon threads named {@code walletdevice-async-N} that run what is due.
 *
 * <p>A task is handed to those threads when its time comes, never run on the timer thread: what it starts
 * (completing a call's future runs the caller's continuations, a retry encodes its request and asks for a new
 * identifier) may take long or block, and must not hold up the other deadlines in the JVM. The threads are
 * created as needed and end after a minute idle. Cancelled timers are removed at once, so finished calls leave
 * nothing behind.
 */
public final class Deadlines {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "walletdevice-timer");
        t.setDaemon(true);
        return t;
    });

    private static final ExecutorService RUNNER = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "walletdevice-async-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private Deadlines() {
    }

    /**
     * Runs a task after a delay, on a {@code walletdevice-async} thread (never on the timer thread).
     *
     * @param task what to run
     * @param delay how long to wait; a delay too long to count in nanoseconds (about 292 years) waits that long
     * @return a handle to cancel the task; cancelling it once the time has come does not stop the task
     */
    public static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return TIMER.schedule(() -> RUNNER.execute(task), nanos(delay), TimeUnit.NANOSECONDS);
    }

    private static long nanos(Duration delay) {
        if (delay.isNegative()) {
            return 0;
        }
        try {
            return delay.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
