package io.github.walletdevice.interop;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a server received: each request body counted once per arrival. Every logical call the tests make has a body
 * of its own (a unique purchase, card or device id, a fresh WSID, the card's responses), so a body that arrives twice
 * is a duplicate: a request sent again by a transport or a retry that should not have been.
 */
final class Tally {
    private final Map<ByteBuffer, AtomicInteger> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    void request(byte[] body) {
        bodies.computeIfAbsent(ByteBuffer.wrap(body.clone()), b -> new AtomicInteger()).incrementAndGet();
        received.incrementAndGet();
    }

    void opened() {
        connections.incrementAndGet();
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    Stats stats() {
        int duplicates = 0;
        for (AtomicInteger n : bodies.values()) {
            duplicates += n.get() - 1;
        }
        return new Stats(received.get(), duplicates, connections.get(), open.get());
    }
}
