package io.github.walletdevice.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.walletdevice.core.WalletDeviceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Python's own {@code http.server} ({@code servers/closing_server.py}), started as a child process on loopback,
 * closing connections the way third-party servers do. It reports what it received: connections opened and
 * closed, and each request (by a hash of its method, path and body), so that a test can count losses and
 * duplicates from the server's side.
 */
public final class PythonHttpServer implements AutoCloseable {
    /** How the server treats connections. */
    public enum Mode {
        /** HTTP/1.0 as {@code http.server} comes: closes the connection after each answer. */
        HTTP_1_0("http10"),
        /** HTTP/1.1 keep-alive, closing a connection idle for half a second. */
        IDLE_HALF_SECOND("idle:0.5"),
        /** HTTP/1.1 answers without {@code Connection: close}, then the connection is closed. */
        CLOSE_AFTER_ANSWER("close"),
        /** HTTP/1.1 keep-alive, connections kept open until the client closes them. */
        KEEP_ALIVE("keepalive");

        private final String argument;

        Mode(String argument) {
            this.argument = argument;
        }
    }

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Process process;
    private final int port;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private PythonHttpServer(Mode mode) throws IOException {
        Path script = Files.createTempFile("closing_server", ".py");
        try (InputStream in = PythonHttpServer.class.getResourceAsStream("/servers/closing_server.py")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
        process = new ProcessBuilder("python3", script.toString(), mode.argument)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("PORT ")) {
            process.destroyForcibly();
            throw new IOException("python3 did not start the server: " + first);
        }
        port = Integer.parseInt(first.substring(5));
        Thread reader = new Thread(() -> readEvents(out), "python-http-server-events");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the server.
     *
     * @param mode how it treats connections
     * @return the running server
     * @throws IOException if python3 cannot be started
     */
    public static PythonHttpServer start(Mode mode) throws IOException {
        return new PythonHttpServer(mode);
    }

    private void readEvents(BufferedReader out) {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals("OPEN")) {
                    opened.incrementAndGet();
                } else if (line.equals("CLOSED")) {
                    closed.incrementAndGet();
                } else if (line.startsWith("REQUEST ")) {
                    requests.add(line.substring(8));
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    /**
     * The server's base URI, {@code http://127.0.0.1:port}.
     *
     * @return the URI
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Connections the server has accepted so far.
     *
     * @return the count
     */
    public int connectionsOpened() {
        return opened.get();
    }

    /**
     * Connections the server has closed so far (after an answer, or idle, or because the client hung up).
     *
     * @return the count
     */
    public int connectionsClosed() {
        return closed.get();
    }

    /**
     * Requests received so far.
     *
     * @return the count
     */
    public int requestsReceived() {
        return requests.size();
    }

    /**
     * Requests received more than once (the same method, path and body), with how often each came.
     *
     * @return the duplicates, empty when there are none
     */
    public Map<String, Long> duplicates() {
        Map<String, Long> counts = requests.stream().collect(Collectors.groupingBy(r -> r,
                ConcurrentHashMap::new, Collectors.counting()));
        counts.values().removeIf(n -> n == 1);
        return counts;
    }

    /**
     * Makes calls one after the other, each once the server has closed every connection it had, so that each finds
     * the connection of the one before closed by the server: what a client meets against such servers.
     *
     * @param calls how many calls to make
     * @param call makes call number {@code i}
     * @return the failures, in order; empty when every call succeeded
     */
    public List<WalletDeviceException> callEachOnceTheServerHasClosed(int calls, IntConsumer call) {
        List<WalletDeviceException> failures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            // The server reports a connection's OPEN before the answer on it, and its CLOSED after: once the
            // former calls' requests are reported, so is every connection they used, and the count of open ones
            // is no longer behind the server.
            awaitRequests(i - failures.size());
            awaitAllConnectionsClosed();
            try {
                call.accept(i);
            } catch (WalletDeviceException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    /**
     * Waits for a number of requests and checks that the server received exactly that many, none twice.
     *
     * @param count the requests the client made
     * @throws AssertionError if the server received more or fewer, or one of them twice
     */
    public void assertReceivedEachOnce(int count) {
        awaitRequests(count);
        if (requests.size() != count || !duplicates().isEmpty()) {
            throw new AssertionError("Expected " + count + " requests received once each, got " + requests.size()
                    + " with duplicates " + duplicates());
        }
    }

    /**
     * Waits until every connection the server accepted is closed: the state a client finds when it next reuses
     * one of them.
     *
     * @throws IllegalStateException if that does not happen within 30 seconds
     */
    public void awaitAllConnectionsClosed() {
        await(() -> opened.get() - closed.get(), "connections still open");
    }

    /**
     * Waits until the server has received a number of requests (a client's call may end before the server's
     * report of it is read).
     *
     * @param count the number to wait for
     */
    public void awaitRequests(int count) {
        await(() -> count - requests.size(), "requests still to come");
    }

    private static void await(IntSupplier remaining, String what) {
        long end = System.nanoTime() + WAIT_NANOS;
        while (remaining.getAsInt() > 0) {
            if (System.nanoTime() - end > 0) {
                throw new IllegalStateException(remaining.getAsInt() + " " + what + " after 30 s");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
