package io.github.walletdevice.core.testing;

import java.time.Duration;

/** Deadlines for calls made straight on a transport in tests, on the {@link System#nanoTime()} clock. */
public final class Deadline {
    private Deadline() {
    }

    /**
     * A deadline some time from now.
     *
     * @param d the time allowed
     * @return the deadline
     */
    public static long in(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    /**
     * A deadline 20 s from now: generous for a loopback call, short enough to end a hung test.
     *
     * @return the deadline
     */
    public static long soon() {
        return in(Duration.ofSeconds(20));
    }
}
