package io.github.walletdevice.examples.check;

import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a conformance run needs: where the TES is, the identifiers to call it with and, when known, its time to live.
 * Only the base URL is required. Each check derives its own device id from {@link #deviceId()}, so checks never
 * share a session.
 */
public final class CheckOptions {
    /** Default {@code x-actor-id}. */
    public static final String DEFAULT_ACTOR_ID = "WALLETDEVICE-CHECK";
    /** Default {@code issuerId}. */
    public static final String DEFAULT_ISSUER_ID = "ISSUER01";
    /** Default {@code cardId}. */
    public static final String DEFAULT_CARD_ID = "CARD-0001";
    /** How long each call may take, by default. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(20);
    /** Waited beyond the TES's time to live before the late round, for clock granularity and processing time. */
    public static final Duration TTL_MARGIN = Duration.ofSeconds(1);

    /** Waits a while; the time-to-live check's only wait, replaceable in tests by a clock that jumps. */
    @FunctionalInterface
    public interface Waiter {
        /**
         * Returns once the duration has passed on the TES's clock.
         *
         * @param duration how long
         * @throws InterruptedException when interrupted
         */
        void await(Duration duration) throws InterruptedException;
    }

    private final String baseUrl;
    private final String basePath;
    private final String actorId;
    private final String issuerId;
    private final String cardId;
    private final String deviceId;
    private final Duration ttl;
    private final Duration callTimeout;
    private final Waiter waiter;

    private CheckOptions(Builder b) {
        this.baseUrl = b.baseUrl;
        this.basePath = b.basePath;
        this.actorId = b.actorId;
        this.issuerId = b.issuerId;
        this.cardId = b.cardId;
        this.deviceId = b.deviceId == null ? defaultDeviceId() : b.deviceId;
        this.ttl = b.ttl;
        this.callTimeout = b.callTimeout;
        this.waiter = b.waiter;
    }

    /**
     * A builder with every default.
     *
     * @param baseUrl the TES's base URL, e.g. {@code http://127.0.0.1:8080}
     * @return a new builder
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** A device id of its own for each run, so that a run never meets a session left by an earlier one. */
    private static String defaultDeviceId() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "CHECK-" + HexFormat.of().withUpperCase().formatHex(random);
    }

    /**
     * The TES's base URL.
     *
     * @return the URL the base path is appended to
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The path before the operation names.
     *
     * @return by default {@value DeviceGatewayClient#DEFAULT_BASE_PATH}
     */
    public String basePath() {
        return basePath;
    }

    /**
     * The {@code x-actor-id} sent.
     *
     * @return the actor id
     */
    public String actorId() {
        return actorId;
    }

    /**
     * The {@code issuerId} sent.
     *
     * @return the issuer id
     */
    public String issuerId() {
        return issuerId;
    }

    /**
     * The {@code cardId} sent.
     *
     * @return the card id
     */
    public String cardId() {
        return cardId;
    }

    /**
     * The device id the checks derive theirs from.
     *
     * @return the given device id, or {@code CHECK-} and 8 random hex digits
     */
    public String deviceId() {
        return deviceId;
    }

    /**
     * The TES's time to live of an operation, when the user knows it.
     *
     * @return the time to live, or empty (then the 322 check is skipped)
     */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }

    /**
     * How long each call may take.
     *
     * @return the call timeout
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * What waits out the time to live.
     *
     * @return the waiter
     */
    public Waiter waiter() {
        return waiter;
    }

    @Override
    public String toString() {
        return "CheckOptions[" + baseUrl + ", actorId=" + actorId + ", issuerId=" + issuerId + ", cardId=" + cardId
                + ", deviceId=" + deviceId + ", ttl=" + (ttl == null ? "unknown" : ttl) + "]";
    }

    /** Builds {@link CheckOptions}. */
    public static final class Builder {
        private final String baseUrl;
        private String basePath = DeviceGatewayClient.DEFAULT_BASE_PATH;
        private String actorId = DEFAULT_ACTOR_ID;
        private String issuerId = DEFAULT_ISSUER_ID;
        private String cardId = DEFAULT_CARD_ID;
        private String deviceId;
        private Duration ttl;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Waiter waiter = d -> Thread.sleep(d.toMillis());

        private Builder(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /**
         * Sets the path before the operation names.
         *
         * @param basePath e.g. {@code /tes/devicegtwapi/1/0}; empty when the base URL holds it
         * @return this builder
         */
        public Builder basePath(String basePath) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            return this;
        }

        /**
         * Sets the {@code x-actor-id}.
         *
         * @param actorId 1-32 printable ASCII characters
         * @return this builder
         */
        public Builder actorId(String actorId) {
            this.actorId = Objects.requireNonNull(actorId, "actorId");
            return this;
        }

        /**
         * Sets the {@code issuerId}.
         *
         * @param issuerId 1-16 characters
         * @return this builder
         */
        public Builder issuerId(String issuerId) {
            this.issuerId = Objects.requireNonNull(issuerId, "issuerId");
            return this;
        }

        /**
         * Sets the {@code cardId}.
         *
         * @param cardId 1-48 characters
         * @return this builder
         */
        public Builder cardId(String cardId) {
            this.cardId = Objects.requireNonNull(cardId, "cardId");
            return this;
        }

        /**
         * Sets the device id the checks derive theirs from (each appends {@code -} and its number, cutting the
         * given id to fit 48 characters).
         *
         * @param deviceId 1-48 characters
         * @return this builder
         */
        public Builder deviceId(String deviceId) {
            this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
            return this;
        }

        /**
         * Sets the TES's time to live of an operation, which enables the 322 check.
         *
         * @param ttl a positive duration, or {@code null} when unknown
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
                throw new IllegalArgumentException("The time to live must be positive, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Sets how long each call may take (default 20 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The call timeout must be positive, got " + timeout);
            }
            this.callTimeout = timeout;
            return this;
        }

        /**
         * Sets what waits out the time to live (default: sleeping); tests pass one that moves the TES's clock.
         *
         * @param waiter the waiter
         * @return this builder
         */
        public Builder waiter(Waiter waiter) {
            this.waiter = Objects.requireNonNull(waiter, "waiter");
            return this;
        }

        /**
         * Builds the options, checking the identifiers against the specification's rules.
         *
         * @return the options
         * @throws io.github.walletdevice.core.ValidationException naming the identifier that breaks a rule
         */
        public CheckOptions build() {
            CheckOptions options = new CheckOptions(this);
            // The request's own validation says which identifier breaks which rule.
            CardCommandsRequest.builder().issuerId(options.issuerId).cardId(options.cardId)
                    .deviceId(options.deviceId).build();
            return options;
        }
    }
}
