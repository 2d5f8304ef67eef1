package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.ValidationException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * Transport-neutral settings, mapped by each transport to its own library.
 *
 * <p>Defaults are finite: connect 10 s, read 30 s, write 30 s, whole call 60 s, 64 requests in flight, responses
 * of at most 16 MiB, idle connections kept 15 s. A value the user sets is never silently replaced.
 */
public final class TransportOptions {
    /** Default time to open a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time to wait for response bytes. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default time to write the request. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Default deadline of a whole call, retries included. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** Default number of requests in flight at once. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
    /** Default largest response body read, in bytes: 16 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    /** Default time an unused connection is kept for the next call: 15 s (see {@link #idleConnectionTimeout()}). */
    public static final Duration DEFAULT_IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(15);

    private static final TransportOptions DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final int maxConcurrentRequests;
    private final int maxResponseBytes;
    private final Duration idleConnectionTimeout;
    private final ProxyOptions proxy;
    private final SSLContext sslContext;
    private final X509TrustManager trustManager;

    private TransportOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
        this.maxConcurrentRequests = b.maxConcurrentRequests;
        this.maxResponseBytes = b.maxResponseBytes;
        this.idleConnectionTimeout = b.idleConnectionTimeout;
        this.proxy = b.proxy;
        this.sslContext = b.sslContext;
        this.trustManager = b.trustManager;
    }

    /**
     * The default options.
     *
     * @return options with every default
     */
    public static TransportOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
        b.maxConcurrentRequests = maxConcurrentRequests;
        b.maxResponseBytes = maxResponseBytes;
        b.idleConnectionTimeout = idleConnectionTimeout;
        b.proxy = proxy;
        b.sslContext = sslContext;
        b.trustManager = trustManager;
        return b;
    }

    /**
     * Time allowed to open a connection (TCP and TLS).
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Longest wait for response bytes once the request is sent.
     *
     * @return the read timeout
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Longest wait while writing the request.
     *
     * @return the write timeout
     */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * Default deadline of one whole call, retries included, for the clients built with these options (their
     * {@code callTimeout(…)} overrides it). A transport built with these options also ends each exchange by then at
     * the latest, whatever deadline it is given, so the timeout holds for a transport passed to a client too.
     *
     * @return the call timeout
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * Default limit on the calls in flight through a client built with these options (its
     * {@code maxConcurrentRequests(…)} overrides it); more wait their turn within the call deadline. The limit is
     * enforced by the client's call layer; the OkHttp transport sizes its dispatcher and connection pool to it.
     *
     * @return the limit
     */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * Largest response body a transport reads, in bytes (after any transparent decompression). Bodies are held in
     * memory whole, so this bounds what one response can take. A response whose {@code Content-Length} is larger
     * fails before its body is read (not a response that carries no body, such as one to {@code HEAD}); any other
     * fails as soon as the bytes received pass the limit. Either way with
     * a {@link io.github.walletdevice.core.TransportException} of reason {@code RESPONSE_TOO_LARGE}, the request
     * sent (the server may have acted on it), whose message names the limit and says what was read; the
     * {@code RetryPolicy} never retries it, as the same request would get the same answer.
     *
     * @return the limit
     */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * How long a connection no call uses is kept open for the next call, after which the transport closes it.
     * The OkHttp transport keeps up to {@link #maxConcurrentRequests()} such connections. The default, 15 s, is
     * shorter than the idle timeouts servers and load balancers commonly keep without announcing them (Tomcat 20 s,
     * Jetty 30 s, load balancers 60 s), and releases the sockets of a burst soon after it. Reuse is safe whatever the
     * value: a connection the server has closed, or said it would close, is never used again (see
     * {@code docs/connections.md}). The JDK transport cannot set this per client: its connections are kept for the
     * JVM-wide {@code jdk.httpclient.keepalive.timeout} (1,200 s unless set), and it too drops a connection once
     * the server closes it.
     *
     * @return the idle timeout
     */
    public Duration idleConnectionTimeout() {
        return idleConnectionTimeout;
    }

    /**
     * The proxy, if any.
     *
     * @return the proxy options
     */
    public Optional<ProxyOptions> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * The TLS context (custom CA, client certificate for mTLS), if any; otherwise the JVM's default.
     *
     * @return the SSL context
     */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /**
     * The trust manager that {@link #sslContext()} was initialised with (OkHttp needs it explicitly).
     *
     * @return the trust manager
     */
    public Optional<X509TrustManager> trustManager() {
        return Optional.ofNullable(trustManager);
    }

    @Override
    public String toString() {
        return "TransportOptions[connect=" + connectTimeout + ", read=" + readTimeout + ", write=" + writeTimeout
                + ", call=" + callTimeout + ", maxConcurrentRequests=" + maxConcurrentRequests
                + ", maxResponseBytes=" + maxResponseBytes + ", idleConnection=" + idleConnectionTimeout
                + (proxy == null ? "" : ", proxy=" + proxy) + (sslContext == null ? "" : ", customTls") + "]";
    }

    /** Builds {@link TransportOptions}. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Duration idleConnectionTimeout = DEFAULT_IDLE_CONNECTION_TIMEOUT;
        private ProxyOptions proxy;
        private SSLContext sslContext;
        private X509TrustManager trustManager;

        private Builder() {
        }

        /**
         * Sets the connect timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Fields.positive("connectTimeout", timeout);
            return this;
        }

        /**
         * Sets the read timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Fields.positive("readTimeout", timeout);
            return this;
        }

        /**
         * Sets the write timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Fields.positive("writeTimeout", timeout);
            return this;
        }

        /**
         * Sets the whole-call deadline.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Fields.positive("callTimeout", timeout);
            return this;
        }

        /**
         * Sets the most requests in flight at once.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConcurrentRequests(int max) {
            if (max < 1) {
                throw new ValidationException("maxConcurrentRequests", "at least 1", Integer.toString(max));
            }
            this.maxConcurrentRequests = max;
            return this;
        }

        /**
         * Sets the largest response body read (default 16 MiB); see {@link TransportOptions#maxResponseBytes()}.
         * Raise it when an API legitimately answers with more.
         *
         * @param max at least 1 byte
         * @return this builder
         */
        public Builder maxResponseBytes(int max) {
            if (max < 1) {
                throw new ValidationException("maxResponseBytes", "at least 1", Integer.toString(max));
            }
            this.maxResponseBytes = max;
            return this;
        }

        /**
         * Sets how long an unused connection is kept for the next call (default 15 s); see
         * {@link TransportOptions#idleConnectionTimeout()}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder idleConnectionTimeout(Duration timeout) {
            this.idleConnectionTimeout = Fields.positive("idleConnectionTimeout", timeout);
            return this;
        }

        /**
         * Sends requests through a proxy.
         *
         * @param proxy the proxy, or {@code null} for none
         * @return this builder
         */
        public Builder proxy(ProxyOptions proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Uses a TLS context (custom CA, client certificate). The trust manager must be the one the context was
         * initialised with.
         *
         * @param sslContext the TLS context
         * @param trustManager its trust manager
         * @return this builder
         */
        public Builder tls(SSLContext sslContext, X509TrustManager trustManager) {
            this.sslContext = Fields.required("sslContext", sslContext);
            this.trustManager = Fields.required("trustManager", trustManager);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public TransportOptions build() {
            return new TransportOptions(this);
        }
    }
}
