package io.github.walletdevice.gateway.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default {@link SessionStore}: the sessions of this JVM in a concurrent map keyed by device. Expired sessions
 * are swept when a session is opened, at most once a second (by the server's clock), so abandoned operations do not
 * pile up and no thread of its own is needed. Thread-safe.
 */
public final class InMemorySessionStore implements SessionStore {
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final ConcurrentMap<String, GatewaySession> sessions = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    /** An empty store. */
    public InMemorySessionStore() {
    }

    @Override
    public Optional<GatewaySession> openIfAbsent(GatewaySession session) {
        sweep(session.startedAt());
        return Optional.ofNullable(sessions.putIfAbsent(session.deviceId(), session));
    }

    @Override
    public Optional<GatewaySession> find(String deviceId) {
        return Optional.ofNullable(sessions.get(deviceId));
    }

    @Override
    public boolean update(GatewaySession session) {
        // The session object is the stored one: nothing to write back, only whether it is still stored.
        return sessions.get(session.deviceId()) == session;
    }

    @Override
    public boolean close(GatewaySession session) {
        return sessions.remove(session.deviceId(), session);
    }

    /**
     * How many sessions are held, expired ones not yet swept included.
     *
     * @return the count
     */
    public int size() {
        return sessions.size();
    }

    /** Removes the sessions expired at {@code now}; one thread at a time, at most once per interval. */
    private void sweep(Instant now) {
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            return;
        }
        // Conditional removal (entry by entry): a session replaced meanwhile is kept.
        sessions.entrySet().removeIf(e -> now.isAfter(e.getValue().expiresAt()));
    }
}
