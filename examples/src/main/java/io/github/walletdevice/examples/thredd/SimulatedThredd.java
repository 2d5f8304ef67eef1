package io.github.walletdevice.examples.thredd;

import io.github.walletdevice.thredd.TokenIdElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory Thredd {@code Ws_Token_Device_Management} endpoint on the JDK's HTTP server, on loopback, for
 * demos and end-to-end tests. It holds token devices, checks credentials, WSIDs and IssCode, answers with Thredd's
 * action codes ({@link TokenDeviceService}), frames each answer in the SOAP version of its request, and answers
 * unreadable XML with a SOAP fault (HTTP 500). It is exactly as strict as the specification where it is clear and
 * configurable where it is not: POSTs to {@value #PATH} only (404 elsewhere); {@code Content-Type}
 * {@code text/xml} for a SOAP 1.1 envelope, with the {@code SOAPAction} header required, and
 * {@code application/soap+xml} for SOAP 1.2 (any other type, or a type that does not match the envelope, 415);
 * {@code DeviceIndex} letters and digits, 1-3 (else action code 904); more than
 * {@value #DEFAULT_MAX_CONCURRENT} requests at once answered 403, as Thredd's fair-use limit; the token id's
 * spelling, the dates' layout and the {@code DeviceList} shape configurable. Each answer is written in one piece
 * ({@link LoopbackHttpServer}).
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

    /** The path it serves, as Thredd's ASMX endpoint; any other path is answered 404. */
    public static final String PATH = "/service.asmx";
    /** Requests handled at once before more are refused with HTTP 403, as Thredd's fair-use limit does. */
    public static final int DEFAULT_MAX_CONCURRENT = 20;

    private static final String SOAP11_TYPE = "text/xml";
    private static final String SOAP12_TYPE = "application/soap+xml";

    private final TokenDeviceService service;
    private final int port;
    private final boolean wrappedDeviceList;
    private final DateLayout dateLayout;
    private final TokenIdElement tokenIdElement;
    private final int maxConcurrent;
    private final Runnable beforeAnswer;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private LoopbackHttpServer server;

    private SimulatedThredd(Builder b) {
        this.service = new TokenDeviceService(b.userName, b.password, b.issCode, b.tokens, b.clock);
        this.port = b.port;
        this.wrappedDeviceList = b.wrappedDeviceList;
        this.dateLayout = b.dateLayout;
        this.tokenIdElement = b.tokenIdElement;
        this.maxConcurrent = b.maxConcurrent;
        this.beforeAnswer = b.beforeAnswer;
    }

    /**
     * A builder with the defaults: ephemeral port, {@link #DEFAULT_USER}, {@link #DEFAULT_PASSWORD},
     * {@link #DEFAULT_ISS_CODE}, the {@link SeedTokens}, the sample's {@code PaymentTokenId}, one
     * {@code DeviceList} per device, dates as {@link DateLayout#SPACED_COLONS}, {@value #DEFAULT_MAX_CONCURRENT}
     * requests at once.
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
            server = LoopbackHttpServer.start(port, "simulated-thredd", MAX_REQUEST_BYTES, this::handle);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port + ": " + e.getMessage(), e);
        }
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
        return URI.create("http://" + server.address().getAddress().getHostAddress() + ":"
                + server.address().getPort() + PATH);
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

    /** Stops listening and closes every connection. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private LoopbackHttpServer.Response handle(LoopbackHttpServer.Request r) {
        requests.incrementAndGet();
        if (inFlight.incrementAndGet() > maxConcurrent) {
            inFlight.decrementAndGet();
            // Thredd's fair-use limit: IIS's 403 with sub-status 501.
            return text(403, "403.501 Forbidden: more than " + maxConcurrent + " concurrent requests");
        }
        try {
            beforeAnswer.run();
            return answer(r);
        } catch (RuntimeException e) {
            return soap(true, 500, ThreddSoapWriter.fault(true, false, "Server was unable to process request."));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Checks the HTTP layer as an ASMX service does, then reads the envelope and answers it. */
    private LoopbackHttpServer.Response answer(LoopbackHttpServer.Request r) {
        if (!r.path().equals(PATH)) {
            return text(404, "Not Found: the service is at " + PATH);
        }
        if (!r.method().equals("POST")) {
            return new LoopbackHttpServer.Response(405, null, new byte[0], Map.of("Allow", "POST"));
        }
        String contentType = r.header("Content-Type") == null ? "" : r.header("Content-Type");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(SOAP11_TYPE) && !mediaType.equals(SOAP12_TYPE)) {
            return text(415, "Unsupported Media Type: " + SOAP11_TYPE + " (SOAP 1.1) or " + SOAP12_TYPE
                    + " (SOAP 1.2) expected, got '" + contentType + "'");
        }
        boolean soap12 = mediaType.equals(SOAP12_TYPE);
        IncomingRequest request;
        try {
            request = IncomingRequestReader.read(r.body(), tokenIdElement.elementName());
        } catch (IncomingRequestReader.UnreadableRequestException e) {
            return soap(soap12, 500, ThreddSoapWriter.fault(soap12, true,
                    "Server was unable to read request. ---> " + e.getMessage()));
        }
        if (request.soap12() != soap12) {
            return text(415, "Unsupported Media Type: a SOAP " + (request.soap12() ? "1.2" : "1.1")
                    + " envelope must be sent as " + (request.soap12() ? SOAP12_TYPE : SOAP11_TYPE));
        }
        String action = soap12 ? actionParameter(contentType) : r.header("SOAPAction");
        if (soap12 ? action != null && !action.equals(ACTION) : action == null || !unquoted(action).equals(ACTION)) {
            return soap(soap12, 500, ThreddSoapWriter.fault(soap12, true,
                    "Server did not recognize the value of HTTP Header SOAPAction: " + (action == null ? "" : action)
                            + "."));
        }
        TokenDeviceService.Answer answer = service.handle(request);
        return soap(soap12, 200, ThreddSoapWriter.answer(soap12, answer, wrappedDeviceList, dateLayout));
    }

    /** The {@code action} parameter of a SOAP 1.2 Content-Type (optional there), unquoted; null when absent. */
    private static String actionParameter(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "action=", 0, 7)) {
                return unquoted(p.substring(7));
            }
        }
        return null;
    }

    private static String unquoted(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static LoopbackHttpServer.Response soap(boolean soap12, int status, byte[] body) {
        return new LoopbackHttpServer.Response(status,
                (soap12 ? SOAP12_TYPE : SOAP11_TYPE) + "; charset=utf-8", body);
    }

    private static LoopbackHttpServer.Response text(int status, String text) {
        return new LoopbackHttpServer.Response(status, "text/plain; charset=utf-8",
                text.getBytes(StandardCharsets.UTF_8));
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
        private DateLayout dateLayout = DateLayout.SPACED_COLONS;
        private TokenIdElement tokenIdElement = TokenIdElement.SAMPLE;
        private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
        private Runnable beforeAnswer = () -> { };

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
         * Sets how dates are written (default {@link DateLayout#SPACED_COLONS}); the specification is ambiguous.
         *
         * @param layout the layout
         * @return this builder
         */
        public Builder dateLayout(DateLayout layout) {
            this.dateLayout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * Sets which spelling of the token id's element is read (default {@link TokenIdElement#SAMPLE}
         * {@code PaymentTokenId}); the other one is an unknown element, ignored, as a real service would.
         *
         * @param element the spelling
         * @return this builder
         */
        public Builder tokenIdElement(TokenIdElement element) {
            this.tokenIdElement = Objects.requireNonNull(element, "element");
            return this;
        }

        /**
         * Sets how many requests are handled at once before more are refused with HTTP 403 (default
         * {@value SimulatedThredd#DEFAULT_MAX_CONCURRENT}, Thredd's fair-use limit). Requests being handled count,
         * idle kept-alive connections do not.
         *
         * @param max 1 or more
         * @return this builder
         */
        public Builder maxConcurrentRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, got " + max);
            }
            this.maxConcurrent = max;
            return this;
        }

        /**
         * Runs a task before each accepted request is answered, on the request's thread (to hold requests in a test
         * or slow the simulator down in a demo).
         *
         * @param task the task
         * @return this builder
         */
        public Builder beforeAnswer(Runnable task) {
            this.beforeAnswer = Objects.requireNonNull(task, "task");
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
