package io.github.walletdevice.core.testing;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock extension that holds each request of the stubs naming it ({@code .withTransformers("hold")}) until
 * the test lets it go, and counts the requests the server holds at once. It is how tests see concurrency from
 * the server's side without relying on timing: a request leaves the count before its response is written, so the
 * client can never see a response while the server still counts the request.
 */
public final class HoldingTransformer implements ResponseDefinitionTransformerV2 {
    /** The name stubs use in {@code withTransformers}. */
    public static final String NAME = "hold";

    // Each reset starts a new round, so requests still leaving from an earlier test never count in a later one.
    private volatile Round round = new Round();

    /** Creates the extension; register it with {@code options().extensions(...)}. */
    public HoldingTransformer() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Round r = round;
        r.maxInFlight.accumulateAndGet(r.inFlight.incrementAndGet(), Math::max);
        r.arrived.release();
        try {
            // Bounded, so a test that forgets to let go cannot hang the server.
            r.gate.tryAcquire(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            r.inFlight.decrementAndGet();
        }
        return serveEvent.getResponseDefinition();
    }

    /**
     * Waits until more requests have arrived, counting from the previous waits.
     *
     * @param count how many new arrivals to wait for
     * @return {@code true} if they arrived within 20 seconds
     * @throws InterruptedException if interrupted
     */
    public boolean awaitArrivals(int count) throws InterruptedException {
        return round.arrived.tryAcquire(count, 20, TimeUnit.SECONDS);
    }

    /**
     * Lets held requests (or the next ones to arrive) go on.
     *
     * @param count how many
     */
    public void release(int count) {
        round.gate.release(count);
    }

    /**
     * The most requests held at once since the last {@link #reset()}.
     *
     * @return the high-water mark
     */
    public int maxInFlight() {
        return round.maxInFlight.get();
    }

    /** Lets every held request go and starts counting afresh. */
    public void reset() {
        Round old = round;
        round = new Round();
        old.gate.release(100_000);
    }

    private static final class Round {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Semaphore arrived = new Semaphore(0);
        final Semaphore gate = new Semaphore(0);
    }
}
