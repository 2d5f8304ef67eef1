package io.github.walletdevice.gateway.server;

import java.util.Optional;

/**
 * Where the server keeps the operations in progress, one per device at most. The default
 * ({@link InMemorySessionStore}) holds them in this JVM. Implementations must be thread-safe: the server calls them
 * from every request thread.
 *
 * <p>The contract:
 * <ul>
 *   <li><b>Live instances.</b> {@link #find} must hand back the very {@link GatewaySession} instance that
 *       {@link #openIfAbsent} stored: the server compares sessions by identity, and the lock that keeps a session's
 *       rounds one at a time lives in the instance. A store therefore cannot serialise sessions or copy them
 *       between JVMs; a TES on several nodes must route all the calls of one device to the node holding its
 *       session (sticky routing on {@code deviceId}) and use a store local to each node.</li>
 *   <li><b>Conditional writes.</b> {@link #update} and {@link #close} act only when the store still holds that
 *       same instance for its device: a round that ends after its session was replaced (expired, then a new
 *       operation started on the device) must not overwrite or remove the newer session.</li>
 *   <li><b>Eviction.</b> The store must not keep abandoned sessions for ever (a TSH that stops mid-operation never
 *       calls again): it removes sessions whose {@link GatewaySession#expiresAt()} has passed, at the latest when
 *       it next opens one. The server also closes an expired session itself when its device calls again.</li>
 * </ul>
 */
public interface SessionStore {

    /**
     * Opens a session unless the device already has one; a good moment to evict the sessions that have expired
     * (the new session's {@link GatewaySession#startedAt()} is the server's clock's now).
     *
     * @param session the new session
     * @return the session already open for the device, or empty when {@code session} was stored
     */
    Optional<GatewaySession> openIfAbsent(GatewaySession session);

    /**
     * The session open for a device: the instance stored by {@link #openIfAbsent}, not a copy.
     *
     * @param deviceId the device
     * @return the session, or empty
     */
    Optional<GatewaySession> find(String deviceId);

    /**
     * Records a session's state after a round, when it is still the one open for its device.
     *
     * @param session the session
     * @return {@code true} when the store still holds this session; {@code false} when it was closed or replaced,
     *         in which case nothing is written
     */
    boolean update(GatewaySession session);

    /**
     * Closes a session, when it is still the one open for its device.
     *
     * @param session the session
     * @return {@code true} when it was removed
     */
    boolean close(GatewaySession session);
}
