package io.github.walletdevice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.testing.KeepAliveHttpServer;
import io.github.walletdevice.core.testing.PythonHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The second part of the transport TCK: how a transport treats connections, against servers nobody here wrote
 * (Python's {@code http.server}, started by the test) and the operating system's own counts. A transport module's
 * test extends this class and implements {@link #createTransport}; both shipped transports pass it unchanged.
 */
public abstract class ConnectionHandlingTck {
    private static final int CALLS = 6;
    private static final int THREADS = 64;
    private static final int LOAD_CALLS = 5000;

    private final List<HttpTransport> transports = new ArrayList<>();

    /**
     * Creates the transport under test.
     *
     * @param options the options it must honour
     * @return a new transport; the TCK closes it after each test
     */
    protected abstract HttpTransport createTransport(TransportOptions options);

    @AfterEach
    void closeTransports() {
        transports.forEach(HttpTransport::close);
    }

    private HttpTransport transport(TransportOptions options) {
        HttpTransport t = createTransport(options);
        transports.add(t);
        return t;
    }

    /**
     * Each call is made once the server has closed every connection it had: the next call finds its pooled
     * connection closed by the other side. None may fail, and none may reach the server twice.
     */
    @ParameterizedTest
    @EnumSource(value = PythonHttpServer.Mode.class, names = {"HTTP_1_0", "IDLE_HALF_SECOND", "CLOSE_AFTER_ANSWER"})
    void aServerClosingConnectionsLosesNoCallAndGetsNoneTwice(PythonHttpServer.Mode mode) throws Exception {
        try (PythonHttpServer server = PythonHttpServer.start(mode)) {
            HttpTransport transport = transport(TransportOptions.defaults());
            List<TransportException> failures = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                server.awaitAllConnectionsClosed();
                HttpRequest request = HttpRequest.post(URI.create(server.uri() + "/calls/" + i), "application/json",
                        ("{\"call\":" + i + "}").getBytes(StandardCharsets.UTF_8));
                try {
                    assertThat(transport.execute(request).statusCode()).isEqualTo(200);
                } catch (TransportException e) {
                    failures.add(e);
                }
            }
            assertThat(failures).as("calls failed out of %d", CALLS).isEmpty();
            server.awaitRequests(CALLS);
            assertThat(server.requestsReceived()).isEqualTo(CALLS);
            assertThat(server.duplicates()).isEmpty();
        }
    }

    /**
     * 64 threads sharing one transport (as many as it lets into flight) make 5,000 calls to a keep-alive server:
     * every connection is reused, none is opened beyond the 64 that can be busy at once. OkHttp's default pool,
     * which keeps 5 idle connections, opened about 18 connections per 1,000 calls here, forever.
     */
    @org.junit.jupiter.api.Test
    void callsInFlightReuseTheirConnectionsInsteadOfOpeningNewOnes() throws Exception {
        try (KeepAliveHttpServer server = new KeepAliveHttpServer()) {
            HttpTransport transport = transport(TransportOptions.builder().maxConcurrentRequests(THREADS).build());
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < LOAD_CALLS; i = next.getAndIncrement()) {
                            HttpRequest request = HttpRequest.post(URI.create(server.uri() + "/load/" + i),
                                    "application/json", ("{\"call\":" + i + "}").getBytes(StandardCharsets.UTF_8));
                            try {
                                transport.execute(request);
                            } catch (TransportException e) {
                                failures.incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.printf("%s: %d connections opened for %d calls from %d threads (%.1f per 1,000), %d failed%n",
                    transport.name(), server.connections(), LOAD_CALLS, THREADS,
                    server.connections() * 1000.0 / LOAD_CALLS, failures.get());
            assertThat(failures.get()).isZero();
            assertThat(server.requests()).isEqualTo(LOAD_CALLS);
            assertThat(server.connections()).isLessThanOrEqualTo(THREADS);
        }
    }
}
