package io.github.walletdevice.examples.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock plus an offset the test moves forward, so that a time to live passes without waiting. */
final class JumpingClock extends Clock {
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** The checker's waiter: instead of sleeping, moves the TES's clock on. */
    void jump(Duration d) {
        ahead.updateAndGet(a -> a.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }
}
