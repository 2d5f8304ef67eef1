package io.github.walletdevice.examples.tes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayJson;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.StatusCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A simulated TES (transit operator's e-purse server) serving the Device Gateway API on loopback, on the JDK's HTTP
 * server, with the SDK's reconstructed contract ({@link GatewayJson}) and real FeliCa flows against the card:
 * <ul>
 *   <li>{@code getCardCommands}: a purse update (see {@link TopUpFlow}): Polling, read the purse, write the new
 *       balance and a cyclic history record, read back to verify, answer the balance;</li>
 *   <li>{@code getParkCardCommands}: Polling, read the purse, store and answer the balance;</li>
 *   <li>{@code getReaderModeCommands}: read the external card at the IDm of {@code cardContents}, create a card
 *       account, answer the balance and {@code cardAccountId}.</li>
 * </ul>
 * It answers the status codes a TES would: 111 for a missing field or header, 112 for a malformed one (including
 * a body that is not JSON), 113 for an unknown issuer and 117 for an unknown device (by default, identifiers
 * starting with {@code UNKNOWN}, any case), 118 for a later round without an operation in progress, 321 for a new
 * operation while one is in progress on the device, 322 for a round after the operation's time to live, 323 when a
 * command's response is missing, 162 for a debit above the balance, 172/173 for a card it cannot handle, the
 * device status the TSH reported (221/231/232/322) after a device failure, 911 when the card refuses a step, and
 * 921 on its own bugs. One operation at a time per device; state is kept per device in memory.
 *
 * <p>Requests are handled one at a time (a simulator, not a server to load): the state needs no finer locking.
 */
public final class SimulatedTes implements AutoCloseable {
    /** Default time to live of an operation. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);
    /** Amount of a top-up whose purchase id does not say one. */
    public static final long DEFAULT_TOP_UP_AMOUNT = 1000;

    private final int requestedPort;
    private final Duration ttl;
    private final Clock clock;
    private final Predicate<String> knownIssuers;
    private final Predicate<String> knownDevices;
    private final Map<GatewayApi, TesFlow> flows = new HashMap<>();
    private final Map<String, TesSession> sessions = new HashMap<>();
    private final Map<String, Long> parked = new HashMap<>();
    private final Map<String, String> accounts = new HashMap<>();
    private HttpServer server;
    private ExecutorService threads;

    private SimulatedTes(Builder b) {
        this.requestedPort = b.port;
        this.ttl = b.ttl;
        this.clock = b.clock;
        this.knownIssuers = b.knownIssuers;
        this.knownDevices = b.knownDevices;
        flows.put(GatewayApi.CARD_COMMANDS, new TopUpFlow(b.topUpAmount, clock));
        flows.put(GatewayApi.PARK_CARD_COMMANDS, new ParkFlow(parked));
        flows.put(GatewayApi.READER_MODE_COMMANDS, new ReaderModeFlow(new AtomicLong(), accounts));
    }

    /**
     * A builder with the defaults: any free port, a TTL of 2 minutes, the system clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @return this TES
     * @throws UncheckedIOException when the port cannot be bound
     */
    public synchronized SimulatedTes start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on 127.0.0.1:" + requestedPort + ": " + e.getMessage(), e);
        }
        threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "simulated-tes");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        for (GatewayApi api : GatewayApi.values()) {
            server.createContext(DeviceGatewayClient.DEFAULT_BASE_PATH + "/" + api.operationName(),
                    exchange -> serve(api, exchange));
        }
        server.start();
        return this;
    }

    /**
     * Where the TES listens: pass it as the client's base URL (the default base path applies).
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The port the TES listens on.
     *
     * @return the port
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The simulated TES is not started");
        }
        return server.getAddress().getPort();
    }

    /**
     * The balance the TES stored when it parked a card.
     *
     * @param cardId the card identifier
     * @return the parked balance, or empty
     */
    public synchronized Optional<Long> parkedBalance(String cardId) {
        return Optional.ofNullable(parked.get(cardId));
    }

    /**
     * The card account created for a card read in reader mode.
     *
     * @param cardNumber the card number stored on the card (its card-information block), or its IDm
     * @return the account identifier, or empty
     */
    public synchronized Optional<String> cardAccount(String cardNumber) {
        return Optional.ofNullable(accounts.get(cardNumber));
    }

    /**
     * Whether an operation is in progress on a device.
     *
     * @param deviceId the device
     * @return {@code true} while a session is open (expired ones included until they are touched)
     */
    public synchronized boolean hasSession(String deviceId) {
        return sessions.containsKey(deviceId);
    }

    private void serve(GatewayApi api, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            byte[] answer;
            try {
                answer = GatewayJson.write(handle(api, exchange.getRequestHeaders().getFirst(
                        DeviceGatewayClient.ACTOR_HEADER), body));
            } catch (RuntimeException e) {
                // The spec's answer to a server failure is HTTP 500.
                byte[] text = ("Internal Server Error: " + e).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(500, text.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(text);
                }
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /**
     * Handles one call as the TES: what the HTTP layer does, without HTTP.
     *
     * @param api the operation called
     * @param actorId the {@code x-actor-id} header, or {@code null} when absent
     * @param body the request body
     * @return the answer
     */
    public synchronized GatewayResponse handle(GatewayApi api, String actorId, byte[] body) {
        Objects.requireNonNull(api, "api");
        if (actorId == null || actorId.isEmpty()) {
            return fail(api, GatewayStatus.MISSING_MANDATORY_PARAMETER,
                    "Missing mandatory parameter: the x-actor-id header");
        }
        if (actorId.length() > 32) {
            return fail(api, GatewayStatus.BAD_PARAMETER_FORMAT, "Bad parameter format: x-actor-id is longer than 32");
        }
        GatewayRequest request;
        try {
            request = GatewayJson.readRequest(api, body);
        } catch (ValidationException e) {
            return e.shownValue() == null
                    ? fail(api, GatewayStatus.MISSING_MANDATORY_PARAMETER, "Missing mandatory parameter: " + e.field())
                    : fail(api, GatewayStatus.BAD_PARAMETER_FORMAT, "Bad parameter format: " + e.field()
                            + " must be " + e.rule());
        }
        if (!knownIssuers.test(request.issuerId())) {
            return fail(api, GatewayStatus.UNKNOWN_ISSUER, "Unknown issuer " + request.issuerId());
        }
        if (!knownDevices.test(request.deviceId())) {
            return fail(api, GatewayStatus.UNKNOWN_DEVICE, "Unknown device " + request.deviceId());
        }
        Instant now = clock.instant();
        String deviceId = request.deviceId();
        TesSession session = sessions.get(deviceId);
        boolean laterRound = request.statusCode() != null || !request.responses().isEmpty();
        if (session != null && now.isAfter(session.started.plus(ttl))) {
            sessions.remove(deviceId);
            if (laterRound && session.api == api) {
                return fail(api, GatewayStatus.OPERATION_EXPIRED, "The " + session.api + " operation started at "
                        + session.started + " outlived its time to live of " + ttl);
            }
            session = null;
        }
        if (!laterRound) {
            if (session != null) {
                return fail(api, GatewayStatus.OPERATION_ALREADY_ONGOING, "A " + session.api
                        + " operation is already on-going for device " + deviceId + " since " + session.started);
            }
            TesSession fresh = new TesSession(api, deviceId, cardId(request), now, flows.get(api));
            sessions.put(deviceId, fresh);
            return step(fresh, () -> fresh.flow.start(fresh, request));
        }
        if (session == null || session.api != api || !Objects.equals(session.cardId, cardId(request))) {
            return fail(api, GatewayStatus.UNKNOWN_SESSION, "No " + api + " operation in progress for device "
                    + deviceId + (cardId(request) == null ? "" : " and card " + cardId(request)));
        }
        if (request.statusCode() != null && !request.statusCode().isOk()) {
            sessions.remove(deviceId);
            StatusCode reported = request.statusCode();
            return Answers.failure(api, reported, "Operation aborted: the TSH reported " + reported
                    + (request.statusMessage() == null ? "" : ": " + request.statusMessage()));
        }
        TesSession open = session;
        return step(open, () -> open.flow.next(open, request, open.answers(request.responses())));
    }

    private GatewayResponse step(TesSession session, java.util.function.Supplier<GatewayResponse> flowStep) {
        try {
            GatewayResponse answer = flowStep.get();
            if (answer.isFinal()) {
                sessions.remove(session.deviceId);
            }
            return answer;
        } catch (TesFailure f) {
            sessions.remove(session.deviceId);
            return Answers.failure(session.api, f.status(), f.getMessage());
        } catch (RuntimeException e) {
            sessions.remove(session.deviceId);
            return fail(session.api, GatewayStatus.UNEXPECTED_SERVER_ERROR, "Unexpected server error: " + e);
        }
    }

    private static GatewayResponse fail(GatewayApi api, GatewayStatus status, String message) {
        return Answers.failure(api, status.statusCode(), message);
    }

    private static String cardId(GatewayRequest request) {
        if (request instanceof CardCommandsRequest r) {
            return r.cardId();
        }
        return request instanceof ParkCardCommandsRequest r ? r.cardId() : null;
    }

    /** Stops serving; sessions are dropped. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
        sessions.clear();
    }

    @Override
    public String toString() {
        return "SimulatedTes[" + (server == null ? "stopped" : baseUrl()) + ", ttl=" + ttl + "]";
    }

    /** Builds a {@link SimulatedTes}. */
    public static final class Builder {
        private static final Predicate<String> NOT_UNKNOWN =
                id -> !id.toUpperCase(Locale.ROOT).startsWith("UNKNOWN");

        private int port;
        private Duration ttl = DEFAULT_TTL;
        private Clock clock = Clock.systemUTC();
        private long topUpAmount = DEFAULT_TOP_UP_AMOUNT;
        private Predicate<String> knownIssuers = NOT_UNKNOWN;
        private Predicate<String> knownDevices = NOT_UNKNOWN;

        private Builder() {
        }

        /**
         * Sets the port (default 0: any free port).
         *
         * @param port 0–65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("The port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the time to live of an operation (default 2 minutes).
         *
         * @param ttl a positive duration
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("The time to live must be positive, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Sets the clock sessions are timed with (default: the system's).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the amount of a top-up whose purchase id does not end with {@code @<amount>} (default 1000).
         *
         * @param amount the amount; negative for a debit
         * @return this builder
         */
        public Builder topUpAmount(long amount) {
            this.topUpAmount = amount;
            return this;
        }

        /**
         * Sets which issuers the TES knows (default: every id not starting with {@code UNKNOWN}).
         *
         * @param known the test
         * @return this builder
         */
        public Builder knownIssuers(Predicate<String> known) {
            this.knownIssuers = Objects.requireNonNull(known, "known");
            return this;
        }

        /**
         * Sets which devices the TES knows (default: every id not starting with {@code UNKNOWN}).
         *
         * @param known the test
         * @return this builder
         */
        public Builder knownDevices(Predicate<String> known) {
            this.knownDevices = Objects.requireNonNull(known, "known");
            return this;
        }

        /**
         * Builds the TES, not started.
         *
         * @return the TES
         */
        public SimulatedTes build() {
            return new SimulatedTes(this);
        }
    }
}
