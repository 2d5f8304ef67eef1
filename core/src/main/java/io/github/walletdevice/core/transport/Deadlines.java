package io.github.walletdevice.core.transport;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /**
     * Runs a task once a deadline passes, as {@link #schedule} does, but checked every 10 ms by one shared thread
     * instead of by a timer of its own: setting and cancelling the watch only add to and remove from a set, where
     * arming a timer wakes the timer thread whenever the new one is the earliest, which for back-to-back calls is
     * every time. For deadlines of whole calls, where running up to 10 ms late does not matter.
     *
     * @param deadlineNanos when to run the task, on the {@link System#nanoTime()} clock
     * @param task what to run, on a {@code walletdevice-async} thread
     * @return a handle; {@link Watch#cancel()} stops the watch
     */
    public static Watch watch(long deadlineNanos, Runnable task) {
        DeadlineWatch w = new DeadlineWatch(deadlineNanos, task);
        BodyWatch.watch(w);
        return w;
    }

    /** A deadline being watched. */
    public interface Watch {
        /** Stops the watch; the task does not run unless it already has started. */
        void cancel();
    }

    private static final class DeadlineWatch implements Watch, BodyWatch.Watched {
        private final long deadlineNanos;
        private final Runnable task;
        private final AtomicBoolean done = new AtomicBoolean();

        DeadlineWatch(long deadlineNanos, Runnable task) {
            this.deadlineNanos = deadlineNanos;
            this.task = task;
        }

        @Override
        public void check(long now) {
            if (deadlineNanos - now <= 0 && done.compareAndSet(false, true)) {
                BodyWatch.unwatch(this);
                RUNNER.execute(task);
            }
        }

        @Override
        public void cancel() {
            done.set(true);
            BodyWatch.unwatch(this);
        }
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
