package io.github.walletdevice.gateway.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GatewayServer} on the JDK's own HTTP server ({@code com.sun.net.httpserver}): no dependency at all.
 * {@link #start(GatewayServer, InetSocketAddress)} runs one; {@link #handler(GatewayServer)} mounts the API on an
 * {@link HttpServer} of your own.
 *
 * <p>Latency: the JDK server sends the response headers and the body in two TCP writes; with Nagle's algorithm on,
 * the body then waits for the client's delayed acknowledgement, about 40 ms per call for a Java client on Linux
 * (the delayed-ACK timer; curl, which turns Nagle off, does not see it). Measured on JDK 17; JDK 25 does not show
 * it. {@link #start} therefore
 * sets the JDK server's own switch {@code sun.net.httpserver.nodelay} to {@code true} unless it is already set; the
 * JDK reads it once, when the first {@link HttpServer} of the JVM is created, so a process that made one before
 * should pass {@code -Dsun.net.httpserver.nodelay=true}.
 */
public final class GatewayHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHttpServer.class);
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService threads;

    private GatewayHttpServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Serves on a port of 127.0.0.1 with 16 request threads.
     *
     * @param gateway the server
     * @param port the port, 0 for any free one
     * @return the running server
     * @throws UncheckedIOException when the port cannot be bound
     * @throws ValidationException naming {@code gateway} when it is {@code null}
     */
    public static GatewayHttpServer start(GatewayServer gateway, int port) {
        return start(gateway, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * Serves on an address with 16 request threads.
     *
     * @param gateway the server
     * @param address where to listen
     * @return the running server
     * @throws UncheckedIOException when the address cannot be bound
     * @throws ValidationException naming {@code gateway} or {@code address} when it is {@code null}
     */
    public static GatewayHttpServer start(GatewayServer gateway, InetSocketAddress address) {
        Fields.required("gateway", gateway);
        Fields.required("address", address);
        turnNagleOff();
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + address + ": " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "gateway-server-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", handler(gateway));
        server.start();
        return new GatewayHttpServer(server, threads);
    }

    /**
     * The API as a handler to mount on a context of an {@link HttpServer} of your own (the context's path is part
     * of the request path, so mount it at {@code /} or at a prefix of the base path). This does not touch
     * {@code sun.net.httpserver.nodelay}: run the JVM with {@code -Dsun.net.httpserver.nodelay=true}, or every
     * answer waits about 40 ms for a Java client (see the class documentation).
     *
     * @param gateway the server
     * @return the handler
     * @throws ValidationException naming {@code gateway} when it is {@code null}
     */
    public static HttpHandler handler(GatewayServer gateway) {
        Fields.required("gateway", gateway);
        return exchange -> serve(gateway, exchange);
    }

    /** Sets the JDK server's no-delay switch unless the process chose; read when its first server is created. */
    private static synchronized void turnNagleOff() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
            LOG.info("Set {}=true so that answers do not wait for the client's delayed ACK (about 40 ms a call)",
                    NO_DELAY);
        }
    }

    private static void serve(GatewayServer gateway, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(GatewayServer.MAX_BODY_BYTES + 1);
            }
            ServerResponse answer = gateway.handle(new ServerRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders(), body));
            for (Map.Entry<String, String> h : answer.headers().entrySet()) {
                exchange.getResponseHeaders().set(h.getKey(), h.getValue());
            }
            // A known length and the whole body in one write (see the class documentation).
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    /**
     * The port listened on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The URL to give a client as its base URL (the base path is the client's default).
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Stops serving at once and ends the request threads. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "GatewayHttpServer[" + baseUrl() + "]";
    }
}
