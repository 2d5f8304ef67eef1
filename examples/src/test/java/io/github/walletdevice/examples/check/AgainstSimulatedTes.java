package io.github.walletdevice.examples.check;

import io.github.walletdevice.examples.tes.SimulatedTes;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A simulated TES per test, whose clock the checker's time-to-live wait moves on instead of sleeping. */
abstract class AgainstSimulatedTes {
    static final Duration TTL = Duration.ofMinutes(2);

    final JumpingClock clock = new JumpingClock();
    SimulatedTes tes;

    @BeforeEach
    void startTes() {
        tes = SimulatedTes.builder().clock(clock).ttl(TTL).build().start();
    }

    @AfterEach
    void stopTes() {
        tes.close();
    }

    /** Options for a TES at this URL that knows the simulated TES's time to live and waits it out on its clock. */
    CheckOptions.Builder options(String url) {
        return CheckOptions.builder(url).ttl(TTL).waiter(clock::jump);
    }
}
