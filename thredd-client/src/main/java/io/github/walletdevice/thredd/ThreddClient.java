package io.github.walletdevice.thredd;

import io.github.walletdevice.core.CallInterceptor;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.Sensitivity;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.internal.CallPipeline;
import io.github.walletdevice.core.internal.HttpUrls;
import io.github.walletdevice.core.internal.PipelineBuilder;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.thredd.internal.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Client for Thredd's {@code Ws_Token_Device_Management} web service: list the devices bound to a tokenised card
 * and unbind one (Visa VDEP). Immutable and thread-safe; build one per endpoint and credentials, share it, and
 * close it when done.
 *
 * <pre>{@code
 * try (ThreddClient thredd = ThreddClient.builder()
 *         .endpoint("https://ws-uat.globalprocessing.net:13682/service.asmx")
 *         .credentials(user, password)
 *         .issCode("PMT")
 *         .build()) {
 *     TokenDeviceList devices = thredd.tokenDevices().list(TokenRef.ofDpan(dpan));
 *     UnbindResult r = thredd.tokenDevices().unbind(TokenRef.ofDpan(dpan), devices.devices().get(0).boundDeviceIndex());
 * }
 * }</pre>
 *
 * <p>Defaults: SOAP 1.2, at most 20 calls in flight (Thredd's fair-use limit per client; it answers HTTP 403
 * beyond it), the JVM-wide {@link WsidGenerator}, the default transport (OkHttp when on the class path, else the
 * JDK's), connect 10 s / read 30 s / whole call 60 s, {@link RetryPolicy#defaults()} (only a list is retried once
 * sent). The password never appears in logs, exception messages or {@code toString()}.
 *
 */
public final class ThreddClient implements AutoCloseable {
    /** Thredd allows 20 concurrent connections per client: the default {@code maxConcurrentRequests}. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 20;

    private static final String USER_INFO_RULE = "no user name or password in the URL — use credentials(...)";

    private final CallPipeline pipeline;
    private final URI endpoint;
    private final SoapVersion soapVersion;
    private final String userName;
    private final String issCode;
    private final TokenDevices tokenDevices;

    private ThreddClient(Builder b, URI endpoint, Credentials credentials) {
        this.endpoint = endpoint;
        this.soapVersion = b.soapVersion;
        this.userName = credentials.userName();
        this.issCode = b.issCode;
        this.pipeline = b.pipeline.build();
        this.tokenDevices = new DefaultTokenDevices(pipeline, endpoint, soapVersion, credentials, issCode,
                b.wsidSupplier, b.tokenIdElement);
    }

    /**
     * A new builder.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Token Device Management operations.
     *
     * @return the operations
     */
    public TokenDevices tokenDevices() {
        return tokenDevices;
    }

    /**
     * The endpoint URL.
     *
     * @return the URL
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The SOAP version requests are framed in.
     *
     * @return the version
     */
    public SoapVersion soapVersion() {
        return soapVersion;
    }

    /**
     * The IssCode used when an operation is called without one.
     *
     * @return the default IssCode, if set
     */
    public Optional<String> defaultIssCode() {
        return Optional.ofNullable(issCode);
    }

    /**
     * Closes the transport if the client created it; a transport passed to the builder is left open.
     */
    @Override
    public void close() {
        pipeline.close();
    }

    /** Endpoint (redacted), SOAP version, user name and transport; never the password. */
    @Override
    public String toString() {
        return "ThreddClient[endpoint=" + Redactor.uri(endpoint) + ", soap=" + soapVersion.label() + ", user="
                + userName + (issCode == null ? "" : ", issCode=" + issCode) + ", transport="
                + pipeline.transport().name() + "]";
    }

    /**
     * Builds a {@link ThreddClient}. Not thread-safe; {@link #build()} may be called more than once. The call settings
     * (transport, timeouts, {@code maxConcurrentRequests}, retries, interceptors, logging) behave as on the Device
     * Gateway client's builder, in any order.
     */
    public static final class Builder {
        private final PipelineBuilder pipeline = CallPipeline.builder("thredd")
                .defaultMaxConcurrentRequests(DEFAULT_MAX_CONCURRENT_REQUESTS);
        private URI endpoint;
        private Credentials credentials;
        private String issCode;
        private SoapVersion soapVersion = SoapVersion.SOAP_1_2;
        private LongSupplier wsidSupplier = WsidGenerator.shared();
        private TokenIdElement tokenIdElement = TokenIdElement.SAMPLE;

        private Builder() {
        }

        /**
         * Sets the endpoint: Thredd's {@code service.asmx} URL for the environment (required). The web service
         * credentials go in {@link #credentials(String, String)}, never in the URL.
         *
         * @param endpoint an absolute http or https URL, without a user name or password
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException if it is missing, is not an absolute http(s) URL,
         *         or holds a user name or password (user info); the message masks them
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = HttpUrls.check("endpoint", endpoint, USER_INFO_RULE, true);
            return this;
        }

        /**
         * Sets the endpoint from text.
         *
         * @param endpoint an absolute http or https URL, without a user name or password
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException if it is missing, is not an absolute http(s) URL,
         *         or holds a user name or password (user info); the message masks them
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = HttpUrls.parse("endpoint", endpoint, USER_INFO_RULE, true);
            return this;
        }

        /**
         * Sets the web service credentials sent in {@code AuthSoapHeader} (required). The password is kept out of
         * every log line, message and {@code toString()}.
         *
         * @param userName the user name ({@code strUserName})
         * @param password the password ({@code strPassword})
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException naming {@code strUserName} or {@code strPassword}
         *         when it is missing, empty or holds a character XML cannot carry
         */
        public Builder credentials(String userName, String password) {
            this.credentials = new Credentials(userName, password);
            // Kept out of logged bodies wherever a server might echo it: plain, as the request writes it, or with
            // quotes escaped too.
            credentials.passwordForms().forEach(pipeline::redactLiteral);
            return this;
        }

        /**
         * Sets the IssCode used by the operations called without one.
         *
         * @param issCode 1–4 letters and digits, or {@code null} for none
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException if it breaks the rule
         */
        public Builder issCode(String issCode) {
            this.issCode = issCode == null ? null : Fields.alphanumeric("IssCode", issCode, 1, 4, Sensitivity.PLAIN);
            return this;
        }

        /**
         * Sets the SOAP version (default 1.2, as in Thredd's sample).
         *
         * @param version the version
         * @return this builder
         */
        public Builder soapVersion(SoapVersion version) {
            this.soapVersion = Fields.required("soapVersion", version);
            return this;
        }

        /**
         * Sets how the token id's element is spelled: {@link TokenIdElement#SAMPLE} {@code PaymentTokenId} (the
         * default, as in Thredd's sample request) or {@link TokenIdElement#FIELD_TABLE} {@code PaymentTokenID} (as in
         * its field table). The specification has both; see {@link TokenIdElement}.
         *
         * @param spelling the spelling
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException when {@code null}
         */
        public Builder tokenIdElement(TokenIdElement spelling) {
            this.tokenIdElement = Fields.required("tokenIdElement", spelling);
            return this;
        }

        /**
         * Uses a transport the caller owns and closes.
         *
         * @param transport the transport, or {@code null} for the default one
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            pipeline.transport(transport);
            return this;
        }

        /**
         * Sets the options of the transport the client creates (timeouts, proxy, TLS).
         *
         * @param options the options
         * @return this builder
         */
        public Builder transportOptions(TransportOptions options) {
            pipeline.transportOptions(options);
            return this;
        }

        /**
         * Sets the connect timeout of the transport the client creates (default 10 s), over the
         * {@link #transportOptions(TransportOptions) transport options}. With a
         * {@link #transport(HttpTransport) transport passed in}, {@link #build()} refuses it: set it on that
         * transport.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            pipeline.connectTimeout(timeout);
            return this;
        }

        /**
         * Sets the read timeout of the transport the client creates (default 30 s), over the transport options.
         * With a {@link #transport(HttpTransport) transport passed in}, {@link #build()} refuses it: set it on that
         * transport.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            pipeline.readTimeout(timeout);
            return this;
        }

        /**
         * Sets the whole-call deadline, retries included.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            pipeline.callTimeout(timeout);
            return this;
        }

        /**
         * Sets the retry policy. Whatever it says, an unbind is never resent once it may have reached Thredd.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            pipeline.retryPolicy(policy);
            return this;
        }

        /**
         * Limits the calls in flight through this client; more wait their turn within their deadline (default
         * {@value ThreddClient#DEFAULT_MAX_CONCURRENT_REQUESTS}, Thredd's fair-use limit, or the transport options'
         * {@code maxConcurrentRequests} when lower).
         *
         * @param max 1 or more
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException if less than 1
         */
        public Builder maxConcurrentRequests(int max) {
            pipeline.maxConcurrentRequests(max);
            return this;
        }

        /**
         * Adds an interceptor that sees every attempt of every call, after those added before (see
         * {@link CallInterceptor}).
         *
         * @param interceptor the interceptor
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException when {@code null}
         */
        public Builder addInterceptor(CallInterceptor interceptor) {
            pipeline.addInterceptor(interceptor);
            return this;
        }

        /**
         * Sets where WSIDs come from (default {@link WsidGenerator#shared()}). Called once per attempt, from any
         * thread; each value must be positive (1–19 digits) and never used before with these credentials.
         *
         * @param supplier the WSID source
         * @return this builder
         */
        public Builder wsidSupplier(LongSupplier supplier) {
            this.wsidSupplier = Fields.required("wsidSupplier", supplier);
            return this;
        }

        /**
         * Logs request and response bodies at DEBUG (logger {@code io.github.walletdevice.thredd}), with the
         * password masked and DPANs cut to their first 6 and last 4 digits. Off by default.
         *
         * @param enabled whether to log bodies
         * @return this builder
         */
        public Builder logBodies(boolean enabled) {
            pipeline.logBodies(enabled);
            return this;
        }

        /**
         * Builds the client, creating the default transport unless one was given.
         *
         * @return the client
         * @throws io.github.walletdevice.core.ValidationException naming {@code endpoint} or {@code credentials} when
         *         it was not set, or a connect or read timeout set along with a transport passed in
         */
        public ThreddClient build() {
            if (endpoint == null) {
                throw new ValidationException("endpoint", "set with ThreddClient.builder().endpoint(...)", null);
            }
            if (credentials == null) {
                throw new ValidationException("credentials", "set with ThreddClient.builder().credentials(...)", null);
            }
            return new ThreddClient(this, endpoint, credentials);
        }
    }
}
