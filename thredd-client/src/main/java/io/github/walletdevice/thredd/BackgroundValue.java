package io.github.walletdevice.thredd;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A costly value made once, either on a daemon thread started ahead of need ({@link #startInBackground()}) or by
 * the first {@link #get()}, which waits for a creation under way rather than starting another. If the creation in
 * the background fails, {@code get()} makes the value itself and throws what that attempt throws, as if there had
 * been no background creation; a failed creation is tried again by the next {@code get()}. Thread-safe.
 *
 * <p>The thread is a plain daemon thread of its own, not the common pool: on a machine with 2 CPUs the common pool
 * runs each task on a new thread anyway, and a slow creation must not hold up other users of the pool.
 *
 * @param <T> the value's type
 */
final class BackgroundValue<T> {
    private final String threadName;
    private final Supplier<T> creator;
    private final Object creating = new Object();
    /** Written under this. */
    private volatile T value;
    /** The creation started in the background and not yet taken over by a get(); guarded by this. */
    private FutureTask<T> pending;

    /**
     * @param threadName the name of the background thread
     * @param creator makes the value, throwing an unchecked exception when it cannot
     */
    BackgroundValue(String threadName, Supplier<T> creator) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.creator = Objects.requireNonNull(creator, "creator");
    }

    /**
     * Starts making the value on a new daemon thread, unless it is made or being made. Returns at once. If no
     * thread can be started, the value is left for {@link #get()} to make.
     */
    void startInBackground() {
        if (value != null) {
            return;
        }
        synchronized (this) {
            if (value != null || pending != null) {
                return;
            }
            FutureTask<T> task = new FutureTask<>(creator::get);
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            try {
                thread.start();
            } catch (RuntimeException | OutOfMemoryError e) {
                // No thread to be had ("unable to create native thread"): get() makes the value on its caller.
                return;
            }
            pending = task;
        }
    }

    /**
     * The value: made already, or waited for if being made in the background (uninterruptibly, as making it here
     * would be; an interrupt is kept for the caller), or made now.
     *
     * @return the value
     * @throws RuntimeException whatever the creator throws, when it is made here and fails
     */
    T get() {
        T v = value;
        if (v != null) {
            return v;
        }
        FutureTask<T> task;
        synchronized (this) {
            task = pending;
        }
        T made = task == null ? null : await(task);
        synchronized (this) {
            if (pending == task) {
                pending = null;
            }
            if (value == null && made != null) {
                value = made;
            }
            if (value != null) {
                return value;
            }
        }
        // No creation in the background, or a failed one: made here, once even if several threads ask at once. A
        // lock of its own, so that startInBackground() never waits for it.
        synchronized (creating) {
            if (value == null) {
                T created = Objects.requireNonNull(creator.get(), "created value");
                synchronized (this) {
                    if (value == null) {
                        value = created;
                    }
                }
            }
            return value;
        }
    }

    /** Whether the value is made, or being made in the background. */
    synchronized boolean startedOrMade() {
        return value != null || pending != null;
    }

    /** The task's value, or {@code null} if it failed. */
    private static <T> T await(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return null;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
