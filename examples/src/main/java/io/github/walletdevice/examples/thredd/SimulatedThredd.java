package io.github.walletdevice.examples.thredd;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory Thredd {@code Ws_Token_Device_Management} endpoint on the JDK's HTTP server, on loopback, for
 * demos and end-to-end tests. It holds token devices, checks credentials, WSIDs and IssCode, answers with Thredd's
 * action codes ({@link TokenDeviceService}), frames each answer in the SOAP version of its request, and answers
 * unreadable XML with a SOAP fault (HTTP 500). It accepts POSTs on any path; {@link #url()} ends in
 * {@code /service.asmx} like Thredd's.
 *
 * <pre>{@code
 * try (SimulatedThredd thredd = SimulatedThredd.builder().build().start()) {
 *     ThreddClient client = ThreddClient.builder().endpoint(thredd.url())
 *             .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
 *             .issCode(SimulatedThredd.DEFAULT_ISS_CODE).build();
 * }
 * }</pre>
 */
public final class SimulatedThredd implements AutoCloseable {
    /** The user name accepted unless another is set. */
    public static final String DEFAULT_USER = "demo";
    /** The password accepted unless another is set (a demo value, not a secret). */
    public static final String DEFAULT_PASSWORD = "demo-password";
    /** The IssCode of the default credentials. */
    public static final String DEFAULT_ISS_CODE = "DEMO";

    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final String ACTION = IncomingRequestReader.HYPERION + "/Ws_Token_Device_Management";

    private final TokenDeviceService service;
    private final int port;
    private final boolean wrappedDeviceList;
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    private SimulatedThredd(Builder b) {
        this.service = new TokenDeviceService(b.userName, b.password, b.issCode, b.tokens, b.clock);
        this.port = b.port;
        this.wrappedDeviceList = b.wrappedDeviceList;
    }

    /**
     * A builder with the defaults: ephemeral port, {@link #DEFAULT_USER}, {@link #DEFAULT_PASSWORD},
     * {@link #DEFAULT_ISS_CODE}, the {@link SeedTokens}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening on loopback.
     *
     * @return this server
     * @throws UncheckedIOException if the port cannot be bound
     */
    public synchronized SimulatedThredd start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port + ": " + e.getMessage(), e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulated-thredd");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /**
     * The endpoint URL to give a client.
     *
     * @return e.g. {@code http://127.0.0.1:54321/service.asmx}
     * @throws IllegalStateException if not started
     */
    public synchronized URI url() {
        if (server == null) {
            throw new IllegalStateException("The simulated Thredd is not started");
        }
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/service.asmx");
    }

    /**
     * The service behind the endpoint (its tokens, as they are now).
     *
     * @return the service
     */
    public TokenDeviceService service() {
        return service;
    }

    /**
     * How many requests it has received.
     *
     * @return the count
     */
    public int requestCount() {
        return requests.get();
    }

    /** Stops listening. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean soap12 = contentType == null
                    || contentType.toLowerCase(Locale.ROOT).startsWith("application/soap+xml");
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                send(exchange, soap12, 500, ThreddSoapWriter.fault(soap12, true, "The request is larger than "
                        + MAX_REQUEST_BYTES + " bytes."));
                return;
            }
            IncomingRequest request;
            try {
                request = IncomingRequestReader.read(body);
            } catch (IncomingRequestReader.UnreadableRequestException e) {
                send(exchange, soap12, 500, ThreddSoapWriter.fault(soap12, true,
                        "Server was unable to read request. ---> " + e.getMessage()));
                return;
            }
            soap12 = request.soap12();
            String soapAction = exchange.getRequestHeaders().getFirst("SOAPAction");
            if (!soap12 && soapAction != null && !soapAction.replace("\"", "").strip().equals(ACTION)) {
                send(exchange, false, 500, ThreddSoapWriter.fault(false, true,
                        "Server did not recognize the value of HTTP Header SOAPAction: " + soapAction + "."));
                return;
            }
            TokenDeviceService.Answer answer = service.handle(request);
            send(exchange, soap12, 200, ThreddSoapWriter.answer(soap12, answer, wrappedDeviceList));
        } catch (RuntimeException e) {
            send(exchange, true, 500, ThreddSoapWriter.fault(true, false, "Server was unable to process request."));
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return body.length > MAX_REQUEST_BYTES ? null : body;
    }

    private static void send(HttpExchange exchange, boolean soap12, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type",
                soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Builds a {@link SimulatedThredd}. */
    public static final class Builder {
        private int port;
        private String userName = DEFAULT_USER;
        private String password = DEFAULT_PASSWORD;
        private String issCode = DEFAULT_ISS_CODE;
        private List<SimulatedToken> tokens = SeedTokens.tokens();
        private Clock clock = Clock.systemUTC();
        private boolean wrappedDeviceList;

        private Builder() {
        }

        /**
         * Sets the port.
         *
         * @param port 0 (the default) for an ephemeral port
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the accepted credentials and their IssCode.
         *
         * @param userName the user name
         * @param password the password
         * @param issCode the IssCode
         * @return this builder
         */
        public Builder credentials(String userName, String password, String issCode) {
            this.userName = Objects.requireNonNull(userName, "userName");
            this.password = Objects.requireNonNull(password, "password");
            this.issCode = Objects.requireNonNull(issCode, "issCode");
            return this;
        }

        /**
         * Sets the tokens it starts with.
         *
         * @param tokens the tokens
         * @return this builder
         */
        public Builder tokens(List<SimulatedToken> tokens) {
            this.tokens = List.copyOf(tokens);
            return this;
        }

        /**
         * Sets the clock of status dates.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Lists devices in one {@code DeviceList} wrapper of items instead of one {@code DeviceList} each.
         *
         * @param wrapped whether to wrap
         * @return this builder
         */
        public Builder wrappedDeviceList(boolean wrapped) {
            this.wrappedDeviceList = wrapped;
            return this;
        }

        /**
         * Builds the server, not started.
         *
         * @return the server
         */
        public SimulatedThredd build() {
            return new SimulatedThredd(this);
        }
    }
}
