package io.github.walletdevice.interop;

import java.net.URI;
import java.time.Duration;

/** A server on loopback that the clients call, and that counts what it received. */
interface TestServer extends AutoCloseable {
    /**
     * Where it listens, e.g. {@code http://127.0.0.1:40123}; the gateway base URL and, with
     * {@link Answers#THREDD_PATH}, the Thredd endpoint.
     */
    URI base();

    /** What it has received so far. */
    Stats stats();

    /** Stops it. */
    @Override
    void close();

    /**
     * Waits until the server has closed every connection that carried a call (the server's idle timeout, or its
     * closing after each answer), so that the next call meets a pooled connection the server has dropped.
     */
    default void awaitConnectionsClosed() {
        Conditions.await("the server closes its idle connections", Duration.ofSeconds(15),
                () -> stats().openConnections() == 0);
    }
}
