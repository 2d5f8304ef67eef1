package io.github.walletdevice.gateway.server;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The default {@link SessionStore}: the sessions of this JVM in a concurrent map keyed by device. Thread-safe. */
public final class InMemorySessionStore implements SessionStore {
    private final ConcurrentMap<String, GatewaySession> sessions = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemorySessionStore() {
    }

    @Override
    public Optional<GatewaySession> openIfAbsent(GatewaySession session) {
        return Optional.ofNullable(sessions.putIfAbsent(session.deviceId(), session));
    }

    @Override
    public Optional<GatewaySession> find(String deviceId) {
        return Optional.ofNullable(sessions.get(deviceId));
    }

    @Override
    public void update(GatewaySession session) {
        // The session object is the stored one: nothing to write back.
    }

    @Override
    public boolean close(GatewaySession session) {
        return sessions.remove(session.deviceId(), session);
    }

    /**
     * How many sessions are open.
     *
     * @return the count
     */
    public int size() {
        return sessions.size();
    }
}
