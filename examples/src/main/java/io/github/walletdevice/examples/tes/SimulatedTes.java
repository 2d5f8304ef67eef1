package io.github.walletdevice.examples.tes;

import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.server.GatewayFailure;
import io.github.walletdevice.gateway.server.GatewayHttpServer;
import io.github.walletdevice.gateway.server.GatewayServer;
import io.github.walletdevice.gateway.server.GatewaySession;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A simulated TES (transit operator's e-purse server) serving the Device Gateway API on loopback, built on the
 * SDK's server toolkit ({@link GatewayServer} on the JDK's HTTP server), with real FeliCa flows against the card:
 * <ul>
 *   <li>{@code getCardCommands}: a purse update (see {@link TopUpFlow}): Polling, read the purse, write the new
 *       balance and a cyclic history record, read back to verify, answer the balance;</li>
 *   <li>{@code getParkCardCommands}: Polling, read the purse, store and answer the balance;</li>
 *   <li>{@code getReaderModeCommands}: read the external card (at the IDm of {@code cardContents}, or polled when
 *       it is not given), create a card account, answer the balance and {@code cardAccountId}.</li>
 * </ul>
 * The toolkit answers the request and session rules exactly as the spec says (111, 112, 118, 321, 322, 323, a device
 * failure the TSH reports, 921 for a failing handler); this TES adds 113 for an unknown issuer and 117 for an
 * unknown device (by default, identifiers starting with {@code UNKNOWN}, any case), 162 for a debit above the
 * balance, 172/173 for a card it cannot handle and 911 when the card refuses a step. One operation at a time per
 * device, kept in memory.
 */
public final class SimulatedTes implements AutoCloseable {
    /** Default time to live of an operation. */
    public static final Duration DEFAULT_TTL = GatewayServer.DEFAULT_TTL;
    /** Amount of a top-up whose purchase id does not say one. */
    public static final long DEFAULT_TOP_UP_AMOUNT = 1000;

    private final int requestedPort;
    private final Duration ttl;
    private final Predicate<String> knownIssuers;
    private final Predicate<String> knownDevices;
    private final Map<String, Long> parked = new ConcurrentHashMap<>();
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final GatewayServer gateway;
    private GatewayHttpServer http;

    private SimulatedTes(Builder b) {
        this.requestedPort = b.port;
        this.ttl = b.ttl;
        this.knownIssuers = b.knownIssuers;
        this.knownDevices = b.knownDevices;
        TopUpFlow topUp = new TopUpFlow(b.topUpAmount, b.clock);
        ParkFlow park = new ParkFlow(parked);
        ReaderModeFlow readerMode = new ReaderModeFlow(new AtomicLong(), accounts);
        this.gateway = GatewayServer.builder().clock(b.clock).ttl(b.ttl)
                .cardCommands((request, session) -> topUp.handle(admitted(request, session), session))
                .parkCardCommands((request, session) -> park.handle(admitted(request, session), session))
                .readerModeCommands((request, session) -> readerMode.handle(admitted(request, session), session))
                .build();
    }

    /** The request when the TES knows its issuer and device (checked on the first call of an operation). */
    private <R extends GatewayRequest> R admitted(R request, GatewaySession session) {
        if (session.round() == 1 && !knownIssuers.test(request.issuerId())) {
            throw new GatewayFailure(GatewayStatus.UNKNOWN_ISSUER, "Unknown issuer " + request.issuerId());
        }
        if (session.round() == 1 && !knownDevices.test(request.deviceId())) {
            throw new GatewayFailure(GatewayStatus.UNKNOWN_DEVICE, "Unknown device " + request.deviceId());
        }
        return request;
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
        if (http == null) {
            http = GatewayHttpServer.start(gateway, requestedPort);
        }
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
        if (http == null) {
            throw new IllegalStateException("The simulated TES is not started");
        }
        return http.port();
    }

    /**
     * The balance the TES stored when it parked a card.
     *
     * @param cardId the card identifier
     * @return the parked balance, or empty
     */
    public Optional<Long> parkedBalance(String cardId) {
        return Optional.ofNullable(parked.get(cardId));
    }

    /**
     * The card account created for a card read in reader mode.
     *
     * @param cardNumber the card number stored on the card (its card-information block), or its IDm
     * @return the account identifier, or empty
     */
    public Optional<String> cardAccount(String cardNumber) {
        return Optional.ofNullable(accounts.get(cardNumber));
    }

    /**
     * Whether an operation is in progress on a device.
     *
     * @param deviceId the device
     * @return {@code true} while a session is open (expired ones included until they are touched)
     */
    public boolean hasSession(String deviceId) {
        return gateway.sessions().find(deviceId).isPresent();
    }

    /**
     * Handles one call as the TES: what the HTTP layer does, without HTTP (the body taken as
     * {@code application/json}).
     *
     * @param api the operation called
     * @param actorId the {@code x-actor-id} header, or {@code null} when absent
     * @param body the request body
     * @return the answer
     */
    public GatewayResponse handle(GatewayApi api, String actorId, byte[] body) {
        return gateway.answer(Objects.requireNonNull(api, "api"), "application/json", actorId, body);
    }

    /** Stops serving. */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
            http = null;
        }
    }

    @Override
    public String toString() {
        return "SimulatedTes[" + (http == null ? "stopped" : baseUrl()) + ", ttl=" + ttl + "]";
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
