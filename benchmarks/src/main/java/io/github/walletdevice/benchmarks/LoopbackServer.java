package io.github.walletdevice.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An HTTP/1.1 server on 127.0.0.1 (ephemeral port) answering every POST through one function of the request
 * body. SDK and baseline of a benchmark hit the same instance, so the server's cost is the same on both sides.
 */
final class LoopbackServer implements AutoCloseable {
    static {
        // Without TCP_NODELAY the JDK server's header and body writes meet the client's delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a server.
     *
     * @param contentType the Content-Type of every answer
     * @param answer the answer body for a request body
     * @return the started server
     */
    static LoopbackServer start(String contentType, UnaryOperator<byte[]> answer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            // Enough threads for the 16-thread benchmarks; a fixed pool so none is created per request.
            ExecutorService executor = Executors.newFixedThreadPool(32, r -> {
                Thread t = new Thread(r, "loopback-server-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.createContext("/", exchange -> handle(exchange, contentType, answer));
            server.start();
            return new LoopbackServer(server, executor);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the loopback server", e);
        }
    }

    private static void handle(HttpExchange exchange, String contentType, UnaryOperator<byte[]> answer)
            throws IOException {
        try (exchange) {
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readAllBytes();
            }
            byte[] body = answer.apply(request);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * The base URL, e.g. {@code http://127.0.0.1:41234}.
     *
     * @return the URL without a trailing slash
     */
    URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    /**
     * Posts one request from a raw socket and checks that the answer is 200: the server's own classes are then
     * loaded and run, and no client code is (for start-up benchmarks).
     *
     * @param path the request path
     * @param contentType the request's Content-Type
     * @param body the request body
     * @return this server
     */
    LoopbackServer warmedBy(String path, String contentType, byte[] body) {
        URI uri = baseUri();
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("the loopback server did not answer 200: " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
