package io.github.walletdevice.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a pooled connection is looked at for a close by its server before it is reused. */
class StaleConnectionsTest {
    private static final long UNDER = StaleConnections.UNLOOKED_IDLE_NANOS - 1;

    @Test
    void aFirstReuseIsAlwaysLookedAtHoweverSoon() {
        // A server that closes after each answer is caught here: its connections never carry a second exchange.
        assertThat(StaleConnections.needsLook(false, 0)).isTrue();
        assertThat(StaleConnections.needsLook(false, UNDER)).isTrue();
    }

    @Test
    void aConnectionItsServerHasKeptIsLookedAtOnceIdleForAMillisecond() {
        assertThat(StaleConnections.needsLook(true, 0)).isFalse();
        assertThat(StaleConnections.needsLook(true, UNDER)).isFalse();
        assertThat(StaleConnections.needsLook(true, StaleConnections.UNLOOKED_IDLE_NANOS)).isTrue();
        assertThat(StaleConnections.needsLook(true, StaleConnections.TIMED_PROBE_AFTER_IDLE_NANOS)).isTrue();
    }
}
