package io.github.walletdevice.core.transport;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread shared by every transport and client for call deadlines and retry backoff.
 * Cancelled timers are removed at once, so finished calls leave nothing behind.
 */
public final class Deadlines {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "walletdevice-timer");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private Deadlines() {
    }

    /**
     * Runs a task after a delay. The task must be short and must not block.
     *
     * @param task what to run
     * @param delay how long to wait
     * @return a handle to cancel the task
     */
    public static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return TIMER.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
}
