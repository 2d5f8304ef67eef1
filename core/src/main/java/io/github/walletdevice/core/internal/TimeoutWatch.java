package io.github.walletdevice.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Watches timeouts that are nearly always cancelled a few microseconds after they are set: the read timeout and
 * deadline of the JDK transport's exchanges and of the bodies it reads, and the deadlines of {@link Deadlines#watch} (synchronous OkHttp
 * calls, asynchronous calls of the call pipeline). One daemon thread ({@code walletdevice-timeout-watch}) looks at
 * all of them every {@link #TICK_NANOS} while any is open, and for a second after the last one, then sleeps until
 * the next.
 *
 * <p>Why not a timer per timeout: arming one wakes the timer thread on every call (the new timer is the earliest),
 * and nearly every body is complete a few microseconds later; on a 2-CPU machine those wake-ups cost a few percent
 * of a loopback call. A watched body only joins a set. The price is precision: a body times out up to one tick
 * after its time, which for timeouts of seconds does not matter. Like the {@link Deadlines} timer, the shared
 * watch's thread lasts as long as this class; asleep it costs nothing.
 *
 * <p>The SDK uses the one shared watch through the static methods; tests make watches of their own, so that what
 * other code in the JVM still watches cannot keep theirs awake.
 */
public final class TimeoutWatch {
    /** How often open bodies are looked at. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long the thread ticks on with nothing to watch before it sleeps: back-to-back calls never wake it. */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final TimeoutWatch SHARED = new TimeoutWatch("walletdevice-timeout-watch");

    /** Something with a timeout: a body being read, a call's deadline. */
    public interface Watched {
        /**
         * Called every tick on the watch thread; ends what is watched (on another thread) when its time is up.
         *
         * @param now the {@link System#nanoTime()} of this tick
         */
        void check(long now);
    }

    private final Set<Watched> open = ConcurrentHashMap.newKeySet();
    /** Whether the thread is ticking; cleared only by the thread itself, just before it parks. */
    private final AtomicBoolean ticking = new AtomicBoolean(true);
    private final Thread thread;

    /** A watch with a thread of its own, named {@code threadName}; the SDK's is {@link #SHARED}. */
    TimeoutWatch(String threadName) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        // Started by whichever thread first reads a body: it must not keep that thread's class loader alive.
        thread.setContextClassLoader(null);
        thread.start();
    }

    /**
     * Starts watching.
     *
     * @param body what to watch
     */
    public static void watch(Watched body) {
        SHARED.add(body);
    }

    /**
     * Stops watching (complete, failed or cancelled).
     *
     * @param body what was watched
     */
    public static void unwatch(Watched body) {
        SHARED.remove(body);
    }

    /**
     * Calls {@code action} with each thing the shared watch looks at now: a transport that keeps its exchanges under
     * the watch from start to end finds there the ones to end when it closes, with no set of its own to update on
     * every call.
     *
     * @param action what to do with each
     */
    public static void forEachWatched(Consumer<Watched> action) {
        SHARED.open.forEach(action);
    }

    void add(Watched body) {
        open.add(body);
        // Set after the add: either the thread sees the body before it parks, or this sees it stopped and wakes it.
        if (!ticking.get() && ticking.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    void remove(Watched body) {
        open.remove(body);
    }

    /** Whether the thread is ticking rather than asleep (for tests). */
    boolean ticking() {
        return ticking.get();
    }

    /** Ends the thread of a watch made by a test; the shared one is never stopped. */
    void stop() {
        thread.interrupt();
    }

    private void run() {
        long idleSince = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(TICK_NANOS);
            long now = System.nanoTime();
            if (!open.isEmpty()) {
                idleSince = now;
                for (Watched body : open) {
                    check(body, now);
                }
            } else if (now - idleSince > LINGER_NANOS) {
                ticking.set(false);
                // A body added meanwhile either is seen here or has set ticking again and unparked this thread.
                while (open.isEmpty() && !ticking.get() && !Thread.currentThread().isInterrupted()) {
                    LockSupport.park(this);
                }
                ticking.set(true);
                idleSince = System.nanoTime();
            }
        }
    }

    private void check(Watched body, long now) {
        try {
            body.check(now);
        } catch (RuntimeException e) {
            // One body's failure must not stop the watch of the others; it is that body's own to report.
            remove(body);
        }
    }
}
