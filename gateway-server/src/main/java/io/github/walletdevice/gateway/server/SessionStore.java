package io.github.walletdevice.gateway.server;

import java.util.Optional;

/**
 * Where the server keeps the operations in progress, one per device at most. The default
 * ({@link InMemorySessionStore}) holds them in this JVM; a TES running on several nodes plugs a store that routes a
 * device's calls to the node holding its session, or shares them. Implementations must be thread-safe: the server
 * calls them from every request thread.
 */
public interface SessionStore {

    /**
     * Opens a session unless the device already has one.
     *
     * @param session the new session
     * @return the session already open for the device, or empty when {@code session} was stored
     */
    Optional<GatewaySession> openIfAbsent(GatewaySession session);

    /**
     * The session open for a device.
     *
     * @param deviceId the device
     * @return the session, or empty
     */
    Optional<GatewaySession> find(String deviceId);

    /**
     * Records a session's state after a round (a store that copies sessions out of the JVM writes it back here).
     *
     * @param session the session, still open
     */
    void update(GatewaySession session);

    /**
     * Closes a session, when it is still the one open for its device.
     *
     * @param session the session
     * @return {@code true} when it was removed
     */
    boolean close(GatewaySession session);
}
