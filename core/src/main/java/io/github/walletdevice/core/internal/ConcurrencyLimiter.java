package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.HttpRequest;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fair, non-blocking limit on calls in flight: the {@code maxConcurrentRequests} of a client, enforced once, by
 * its {@link CallPipeline}. Waiting for a slot never ties up a thread in an asynchronous call: {@link #acquire()} returns a future that completes when a slot is free.
 *
 * <p>Releasing a permit hands the slot to the next waiter by completing its future, on the releasing thread, so
 * the waiter's continuation runs there. When that continuation releases a permit in turn (a call that fails at
 * once), the hand-over it starts is not run inside the first: it is queued on the thread and run by the outermost
 * hand-over, in a loop, once the current continuation returns. However many calls fail in a row, the stack stays
 * flat and no slot is lost. A thread about to block waiting for a slot ({@link #acquire(HttpRequest, long)},
 * {@link #runDeferredHandOvers()}) first runs the hand-overs it deferred, so that it never waits for itself.
 */
public final class ConcurrencyLimiter {
    /**
     * Per thread: the hand-overs started inside another hand-over on that thread, run in order by the outermost.
     * Shared by every limiter, as a continuation of one limiter's waiter may release another limiter's permit.
     */
    private static final ThreadLocal<Trampoline> TRAMPOLINE = ThreadLocal.withInitial(Trampoline::new);

    private final int max;
    private final ArrayDeque<CompletableFuture<Permit>> waiters = new ArrayDeque<>();
    private int inUse;

    /**
     * Creates a limiter.
     *
     * @param max most permits out at once, at least 1
     */
    public ConcurrencyLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        this.max = max;
    }

    /**
     * Asks for a slot. Cancelling the returned future gives up the place in the queue.
     *
     * @return a future completed with a permit, which the caller must {@link Permit#release() release}
     */
    public CompletableFuture<Permit> acquire() {
        synchronized (this) {
            if (inUse < max) {
                inUse++;
                return CompletableFuture.completedFuture(new Permit());
            }
            CompletableFuture<Permit> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            return waiter;
        }
    }

    /**
     * Waits for a slot, at most until a deadline, blocking the calling thread.
     *
     * @param request the request the slot is for (named in the failure)
     * @param deadlineNanos the deadline, on the {@link System#nanoTime()} clock
     * @return a permit, which the caller must {@link Permit#release() release}
     * @throws io.github.walletdevice.core.TransportException with nothing sent when the deadline passes or the
     *     thread is interrupted first
     */
    public Permit acquire(HttpRequest request, long deadlineNanos) {
        synchronized (this) {
            // The usual case, a free slot: no future, no wait (a free slot means nobody is waiting).
            if (inUse < max) {
                inUse++;
                return new Permit();
            }
        }
        runDeferredHandOvers();
        CompletableFuture<Permit> slot = acquire();
        try {
            return slot.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            giveUp(slot);
            throw TransportFailures.deadline(request, false);
        } catch (InterruptedException e) {
            giveUp(slot);
            Thread.currentThread().interrupt();
            throw TransportFailures.interrupted(request, false, e);
        } catch (ExecutionException | CancellationException e) {
            throw TransportFailures.deadline(request, false);
        }
    }

    /** Abandons a wait; if the slot came free just now, hands it straight back. */
    private static void giveUp(CompletableFuture<Permit> slot) {
        if (!slot.cancel(false)) {
            slot.thenAccept(Permit::release);
        }
    }

    /**
     * Permits currently out.
     *
     * @return the number in use
     */
    public synchronized int inUse() {
        return inUse;
    }

    /**
     * The limit.
     *
     * @return most permits out at once
     */
    public int max() {
        return max;
    }

    /**
     * Runs now, on the calling thread, the hand-overs this thread deferred while it was running a waiter's
     * continuation (see the class description). Call it before blocking for a slot or for a call that may need
     * one, from code that may run inside such a continuation; elsewhere it does nothing.
     */
    public static void runDeferredHandOvers() {
        Trampoline t = TRAMPOLINE.get();
        if (t.running) {
            t.drain();
        }
    }

    /** Gives a released slot to the next waiter, or back to the pool; never inside another hand-over. */
    private void release() {
        synchronized (this) {
            // Nobody waiting: nothing to hand over, so no hand-over to queue.
            if (waiters.isEmpty()) {
                inUse--;
                return;
            }
        }
        Trampoline t = TRAMPOLINE.get();
        t.pending.add(this::handOver);
        if (t.running) {
            // Inside a hand-over on this thread: the outermost one runs it when the current continuation returns.
            return;
        }
        t.running = true;
        try {
            t.drain();
        } finally {
            t.running = false;
        }
    }

    private void handOver() {
        while (true) {
            CompletableFuture<Permit> next;
            synchronized (this) {
                next = waiters.poll();
                if (next == null) {
                    inUse--;
                    return;
                }
            }
            // Completed outside the lock: the waiter's continuation runs here.
            if (next.complete(new Permit())) {
                return;
            }
            // That waiter gave up (cancelled); offer the slot to the next one.
        }
    }

    /** The hand-overs one thread has still to run, and whether it is running them. */
    private static final class Trampoline {
        final ArrayDeque<Runnable> pending = new ArrayDeque<>();
        boolean running;

        void drain() {
            for (Runnable r = pending.poll(); r != null; r = pending.poll()) {
                r.run();
            }
        }
    }

    /** A slot in the limiter. Releasing twice is harmless. */
    public final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {
        }

        /** Gives the slot back. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                ConcurrencyLimiter.this.release();
            }
        }
    }
}
