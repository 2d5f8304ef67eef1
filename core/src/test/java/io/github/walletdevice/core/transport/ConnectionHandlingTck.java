package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.testing.Deadline;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.WalletDeviceException;
import io.github.walletdevice.core.testing.KeepAliveHttpServer;
import io.github.walletdevice.core.testing.PythonHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The second part of the transport TCK: how a transport treats connections, against servers nobody here wrote
 * (Python's {@code http.server}, started by the test) and the operating system's own counts. A transport module's
 * test extends this class and implements {@link #createTransport}; both shipped transports pass it unchanged.
 */
public abstract class ConnectionHandlingTck {
    /** Calls per closing server; {@code -Dwalletdevice.tck.closingCalls=40} (through surefire's argLine) for more. */
    private static final int CALLS = Integer.getInteger("walletdevice.tck.closingCalls", 6);
    private static final int THREADS = 64;
    private static final int LOAD_CALLS = 5000;
    /** Calls of the load that a known race of the HTTP library may lose ({@link #isKnownLibraryRace}). */
    private static final int MAX_LIBRARY_RACES = 3;
    /** Descriptors that may come and go meanwhile whatever the transport does: jars opened, log files. */
    private static final int FILE_SLACK = 8;

    private final List<HttpTransport> transports = new ArrayList<>();

    /**
     * Creates the transport under test.
     *
     * @param options the options it must honour
     * @return a new transport; the TCK closes it after each test
     */
    protected abstract HttpTransport createTransport(TransportOptions options);

    /**
     * Whether a call that failed under load failed from a known race inside the HTTP library itself, which the
     * transport can only report (none by default). Such a call must still be reported as possibly received.
     *
     * @param failure the call's failure
     * @return whether it is such a race
     */
    protected boolean isKnownLibraryRace(TransportException failure) {
        return false;
    }

    /**
     * Whether a thread belongs to the JVM or a library as a whole rather than to one transport: such threads outlive
     * a transport by design (they end after a minute idle or never), and are not counted as left behind by it.
     *
     * @param name the thread's name
     * @return {@code true} for a shared thread; by default the common {@code ForkJoinPool}'s
     */
    protected boolean isSharedThread(String name) {
        return name.startsWith("ForkJoinPool.commonPool");
    }

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
            List<WalletDeviceException> failures = server.callEachOnceTheServerHasClosed(CALLS, i -> assertThat(
                    transport.execute(HttpRequest.post(URI.create(server.uri() + "/calls/" + i), "application/json",
                            ("{\"call\":" + i + "}").getBytes(StandardCharsets.UTF_8)), Deadline.soon()).statusCode()).isEqualTo(200));
            System.out.printf("%s against %s: %d of %d calls failed (%d reported as not sent)%n", transport.name(),
                    mode, failures.size(), CALLS, failures.stream()
                            .filter(e -> e instanceof TransportException t && !t.isRequestSent()).count());
            assertThat(failures).as("calls failed out of %d", CALLS).isEmpty();
            server.assertReceivedEachOnce(CALLS);
        }
    }

    /**
     * 64 threads sharing one transport (as many as it lets into flight) make 5,000 calls to a keep-alive server:
     * every connection is reused, none is opened beyond the 64 that can be busy at once. OkHttp's default pool,
     * which keeps 5 idle connections, opened about 18 connections per 1,000 calls here, forever.
     */
    @Test
    void callsInFlightReuseTheirConnectionsInsteadOfOpeningNewOnes() throws Exception {
        try (KeepAliveHttpServer server = new KeepAliveHttpServer()) {
            HttpTransport transport = transport(TransportOptions.builder().maxConcurrentRequests(THREADS).build());
            AtomicInteger next = new AtomicInteger();
            List<TransportException> failures = new CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < LOAD_CALLS; i = next.getAndIncrement()) {
                            HttpRequest request = HttpRequest.post(URI.create(server.uri() + "/load/" + i),
                                    "application/json", ("{\"call\":" + i + "}").getBytes(StandardCharsets.UTF_8));
                            try {
                                transport.execute(request, Deadline.soon());
                            } catch (TransportException e) {
                                failures.add(e);
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
                    server.connections() * 1000.0 / LOAD_CALLS, failures.size());
            // A library race may lose a call now and then, reported as possibly received; nothing else may fail,
            // and no request reaches the server twice.
            assertThat(failures).filteredOn(f -> !isKnownLibraryRace(f)).isEmpty();
            assertThat(failures).hasSizeLessThanOrEqualTo(MAX_LIBRARY_RACES).allMatch(TransportException::isRequestSent);
            assertThat(server.requests()).isBetween(LOAD_CALLS - failures.size(), LOAD_CALLS);
            assertThat(server.connections()).isLessThanOrEqualTo(THREADS);
        }
    }

    /**
     * Transports built, used for 8 calls at once and closed, 100 times over, with no reference kept: afterwards no
     * thread of theirs is left and no socket (file descriptors back where they were, the server's side included, as
     * it closes a connection when the client does). Garbage is collected while waiting: on JDK 17-20 the JDK's
     * client ends once it is unreachable, as it has no shutdown method.
     */
    @Test
    void closedTransportsLeaveNoThreadAndNoSocket() throws Exception {
        try (KeepAliveHttpServer server = new KeepAliveHttpServer()) {
            buildUseAndClose(server); // shared threads (timers, the library's own) start now, not in the count
            awaitNoTransportLeft(server, threadCount(), openFiles());
            long threads = threadCount();
            long files = openFiles();
            for (int i = 0; i < 100; i++) {
                buildUseAndClose(server);
            }
            System.out.printf("after 100 close cycles: %d threads, %d open files; awaiting %d and %d%n",
                    threadCount(), openFiles(), threads, files);
            awaitNoTransportLeft(server, threads, files);
        }
    }

    private void buildUseAndClose(KeepAliveHttpServer server) throws Exception {
        try (HttpTransport transport = createTransport(TransportOptions.defaults())) {
            List<CompletableFuture<HttpResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(transport.executeAsync(HttpRequest.post(URI.create(server.uri() + "/cycle/" + i),
                        "application/json", "{}".getBytes(StandardCharsets.UTF_8)), Deadline.soon()));
            }
            for (CompletableFuture<HttpResponse> call : calls) {
                assertThat(call.get().statusCode()).isEqualTo(200);
            }
        }
    }

    /** Waits (60 s at most) for the thread and descriptor counts to come back to what they were. */
    private void awaitNoTransportLeft(KeepAliveHttpServer server, long threads, long files) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (threadCount() > threads || openFiles() > files + FILE_SLACK) {
            if (System.nanoTime() - end > 0) {
                assertThat(threadCount()).as("threads").isLessThanOrEqualTo(threads);
                assertThat(openFiles()).as("open files (server connections: %d open)", server.openConnections())
                        .isLessThanOrEqualTo(files + FILE_SLACK);
            }
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private long threadCount() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !isSharedThread(t.getName())).count();
    }

    /** Open file descriptors of this process: sockets, files, pipes. */
    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(
                Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
