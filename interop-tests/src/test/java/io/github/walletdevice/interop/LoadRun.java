package io.github.walletdevice.interop;

import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.transport.TransportOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * 64 threads sharing one client against Node's http server (another process, so that this JVM's threads and file
 * descriptors are the client's alone): for a time, or a number of calls per thread. Then the client is closed, and
 * the threads and descriptors are counted, garbage collecting meanwhile, until they are back to what they were
 * before it was built.
 */
final class LoadRun {
    static final int THREADS = 64;
    /** How long the closed client may take to let go of its threads and sockets. */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(20);

    /**
     * One run's figures.
     *
     * @param transport the transport
     * @param api the call
     * @param calls calls made
     * @param errors calls that failed
     * @param firstError the first failure, or {@code null}
     * @param seconds how long the calls took
     * @param received requests the server received
     * @param duplicates requests it received twice
     * @param connections connections the server accepted
     * @param before threads and descriptors before the client was built
     * @param after the same once the closed client let go (or {@link #RELEASE_WAIT} passed)
     * @param releaseMillis how long that took
     */
    record Result(Transport transport, Api api, long calls, long errors, String firstError, double seconds,
                  int received, int duplicates, int connections, Resources before, Resources after,
                  long releaseMillis) {
        double callsPerSecond() {
            return calls / seconds;
        }

        double connectionsPerThousandCalls() {
            return calls == 0 ? 0 : connections * 1000.0 / calls;
        }

        boolean released() {
            return after.atMost(before);
        }
    }

    private LoadRun() {
    }

    /**
     * Runs the load.
     *
     * @param duration how long the threads call
     * @param callsPerThread the most calls a thread makes
     */
    static Result run(TestServer server, Transport transport, Api api, Duration duration, long callsPerThread) {
        warmUp(server, transport, api);
        Stats start = server.stats();
        Resources before = Resources.now();
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> firstError = new ArrayList<>();
        long began;
        long ended;
        try (Clients clients = new Clients(transport, server.base(), options(), RetryPolicy.defaults(), false)) {
            CountDownLatch done = new CountDownLatch(THREADS);
            began = System.nanoTime();
            long end = began + duration.toNanos();
            for (int i = 0; i < THREADS; i++) {
                Thread t = new Thread(() -> {
                    try {
                        for (long n = 0; n < callsPerThread && System.nanoTime() - end < 0; n++) {
                            try {
                                api.call(clients);
                            } catch (RuntimeException | AssertionError e) {
                                errors.incrementAndGet();
                                synchronized (firstError) {
                                    if (firstError.isEmpty()) {
                                        firstError.add(Outcome.of(e) + ": " + e.getMessage());
                                    }
                                }
                            }
                            calls.incrementAndGet();
                        }
                    } finally {
                        done.countDown();
                    }
                }, "load-" + i);
                t.start();
            }
            await(done);
            ended = System.nanoTime();
        }
        long closed = System.nanoTime();
        long deadline = closed + RELEASE_WAIT.toNanos();
        Resources after = Resources.now();
        while (!after.atMost(before) && System.nanoTime() - deadline < 0) {
            // On JDK 17-20 an HttpClient nobody references ends its selector thread once it is collected.
            System.gc();
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            after = Resources.now();
        }
        Stats stats = server.stats();
        return new Result(transport, api, calls.get(), errors.get(), firstError.isEmpty() ? null : firstError.get(0),
                (ended - began) / 1e9, stats.received() - start.received(), stats.duplicates() - start.duplicates(),
                stats.connectionsOpened() - start.connectionsOpened(), before, after,
                Duration.ofNanos(System.nanoTime() - closed).toMillis());
    }

    /** One client used and closed first: what every JVM starts once (the SDK's shared timer, class loading). */
    private static void warmUp(TestServer server, Transport transport, Api api) {
        try (Clients clients = new Clients(transport, server.base(), options(), RetryPolicy.defaults(), false)) {
            api.call(clients);
        }
    }

    private static TransportOptions options() {
        return Clients.options(true).build();
    }

    private static void await(CountDownLatch done) {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String header() {
        return "| Transport | Call | Calls | Calls/s | Errors | Duplicates | Connections per 1,000 calls "
                + "| Threads before → after close() | File descriptors before → after close() |\n"
                + "|---|---|---|---|---|---|---|---|---|\n";
    }

    static String markdown(Result r) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %d | %d | %.1f | %d → %d | %d → %d |%n",
                r.transport(), r.api(), r.calls(), r.callsPerSecond(), r.errors(), r.duplicates(),
                r.connectionsPerThousandCalls(), r.before().threads(), r.after().threads(),
                r.before().fileDescriptors(), r.after().fileDescriptors());
    }
}
