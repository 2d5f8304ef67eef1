package io.github.walletdevice.core.internal;

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
 * Deadlines on the {@link System#nanoTime()} clock, the one place durations are turned into nanoseconds (capped,
 * so that no sum overflows), and the timers of the call layer: one daemon timer thread that only keeps time, and
 * daemon threads named {@code walletdevice-async-N} that run what is due.
 *
 * <p>A task is handed to those threads when its time comes, never run on the timer thread: what it starts
 * (completing a call's future runs the caller's continuations, a retry encodes its request and asks for a new
 * identifier) may take long or block, and must not hold up the other deadlines in the JVM. The threads are
 * created as needed and end after a minute idle. Cancelled timers are removed at once, so finished calls leave
 * nothing behind.
 */
public final class Deadlines {
    /** Longest duration counted, about 73 years: a deadline this far off never wraps when compared or summed. */
    public static final long MAX_NANOS = Long.MAX_VALUE / 4;

    /**
     * The timer thread and the threads that run what is due, made when first needed: a synchronous call only reads
     * the clock, and leaving the two pools' classes unloaded until then keeps them out of a first call's start-up.
     */
    private static final class Timers {
        private static final AtomicInteger THREADS = new AtomicInteger();

        static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "walletdevice-timer");
            t.setDaemon(true);
            return t;
        });

        static final ExecutorService RUNNER = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "walletdevice-async-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });

        static {
            TIMER.setRemoveOnCancelPolicy(true);
        }

        private Timers() {
        }
    }

    private Deadlines() {
    }

    /**
     * A duration in nanoseconds, negative ones as 0 and far-off ones (up to {@code Duration.ofSeconds(Long.MAX_VALUE)})
     * cut to {@link #MAX_NANOS}.
     *
     * @param duration the duration
     * @return its nanoseconds, between 0 and {@link #MAX_NANOS}
     */
    public static long nanos(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        return duration.compareTo(Duration.ofNanos(MAX_NANOS)) < 0 ? duration.toNanos() : MAX_NANOS;
    }

    /**
     * The deadline {@code timeout} from now.
     *
     * @param timeout the time allowed, however large
     * @return the deadline on the {@link System#nanoTime()} clock
     */
    public static long after(Duration timeout) {
        return System.nanoTime() + nanos(timeout);
    }

    /**
     * The sooner of a deadline and {@code cap} from now: a transport's own call timeout bounds each exchange it makes.
     *
     * @param deadlineNanos the deadline it was given, on the {@link System#nanoTime()} clock
     * @param cap the longest an exchange may take
     * @return the earlier of the two
     */
    public static long sooner(long deadlineNanos, Duration cap) {
        long capped = after(cap);
        return capped - deadlineNanos < 0 ? capped : deadlineNanos;
    }

    /**
     * Whether a pause of {@code delay} ends before the deadline. Compared as durations, so that no delay, however
     * large (a Retry-After of 10^10 seconds, a date in the year 9999), overflows.
     *
     * @param delay the pause
     * @param deadlineNanos the deadline
     * @return {@code true} when the pause ends before the deadline
     */
    public static boolean fits(Duration delay, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        return left > 0 && delay.compareTo(Duration.ofNanos(left)) < 0;
    }

    /**
     * Runs a task after a delay, on a {@code walletdevice-async} thread (never on the timer thread).
     *
     * @param task what to run
     * @param delay how long to wait (capped as {@link #nanos} does)
     * @return a handle to cancel the task; cancelling it once the time has come does not stop the task
     */
    public static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return Timers.TIMER.schedule(() -> Timers.RUNNER.execute(task), nanos(delay), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs a task now on a {@code walletdevice-async} thread.
     *
     * @param task what to run
     */
    public static void run(Runnable task) {
        Timers.RUNNER.execute(task);
    }

    /**
     * Runs a task once a deadline passes, as {@link #schedule} does, but checked every 10 ms by the
     * {@link TimeoutWatch} instead of by a timer of its own: setting and cancelling the watch only add to and remove
     * from a set, where arming a timer wakes the timer thread whenever the new one is the earliest, which for
     * back-to-back calls is every time. For deadlines of whole calls, where running up to 10 ms late does not matter.
     *
     * @param deadlineNanos when to run the task, on the {@link System#nanoTime()} clock
     * @param task what to run, on a {@code walletdevice-async} thread
     * @return a handle; {@link Watch#cancel()} stops the watch
     */
    public static Watch watch(long deadlineNanos, Runnable task) {
        DeadlineWatch w = new DeadlineWatch(deadlineNanos, task);
        TimeoutWatch.watch(w);
        return w;
    }

    /** A deadline being watched. */
    public interface Watch {
        /** Stops the watch; the task does not run unless it already has started. */
        void cancel();
    }

    private static final class DeadlineWatch implements Watch, TimeoutWatch.Watched {
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
                TimeoutWatch.unwatch(this);
                Timers.RUNNER.execute(task);
            }
        }

        @Override
        public void cancel() {
            done.set(true);
            TimeoutWatch.unwatch(this);
        }
    }
}
