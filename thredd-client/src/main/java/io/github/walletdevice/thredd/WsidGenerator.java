package io.github.walletdevice.thredd;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The default WSID source: numeric, at most 16 digits until the year 2255 (so it fits Thredd's 1–19 digits and a
 * signed 64-bit long), unique and strictly increasing within the JVM, safe from any number of threads.
 *
 * <p>Each WSID is the current time in epoch milliseconds × 1000 plus a counter, and never less than the previous
 * WSID + 1: up to 1000 WSIDs per millisecond keep the time readable in the value, more borrow from the next
 * millisecond, and a clock that steps back never causes a repeat. Every client in the JVM shares
 * {@link #shared()} by default, so two clients with the same credentials cannot collide.
 *
 * <p>Thredd answers a reused WSID with action code 868. Several processes (or hosts) calling Thredd with the same
 * credentials in the same millisecond could collide: give them a supplier of their own, e.g. one that reserves
 * ranges from a database sequence (see {@code ThreddClient.Builder#wsidSupplier}).
 */
public final class WsidGenerator implements LongSupplier {
    private static final WsidGenerator SHARED = new WsidGenerator(System::currentTimeMillis);

    private final LongSupplier clockMillis;
    private final AtomicLong last = new AtomicLong();

    WsidGenerator(LongSupplier clockMillis) {
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /**
     * The generator shared by the whole JVM.
     *
     * @return the shared generator
     */
    public static WsidGenerator shared() {
        return SHARED;
    }

    /**
     * The next WSID.
     *
     * @return a positive number, greater than every WSID this generator gave before
     */
    @Override
    public long getAsLong() {
        long base = Math.multiplyExact(clockMillis.getAsLong(), 1000L);
        return last.accumulateAndGet(base, (previous, now) -> Math.max(Math.addExact(previous, 1L), now));
    }
}
