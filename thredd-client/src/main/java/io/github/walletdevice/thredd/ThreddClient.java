package io.github.walletdevice.thredd;

import io.github.walletdevice.core.CallExecutor;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.Sensitivity;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.thredd.internal.Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
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
    /** Thredd allows 20 concurrent connections per client. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 20;

    private static final String USER_INFO_RULE = "no user name or password in the URL — use credentials(...)";

    private final CallExecutor executor;
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
        this.executor = b.executor.build();
        this.tokenDevices = new DefaultTokenDevices(executor, endpoint, soapVersion, credentials, issCode,
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
        executor.close();
    }

    /** Endpoint (redacted), SOAP version, user name and transport; never the password. */
    @Override
    public String toString() {
        return "ThreddClient[endpoint=" + Redactor.uri(endpoint) + ", soap=" + soapVersion.label() + ", user="
                + userName + (issCode == null ? "" : ", issCode=" + issCode) + ", transport="
                + executor.transport().name() + "]";
    }

    /** Builds a {@link ThreddClient}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final CallExecutor.Builder executor = CallExecutor.builder("thredd").maxInFlight(DEFAULT_MAX_IN_FLIGHT);
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
            Fields.required("endpoint", endpoint);
            String authority = endpoint.getRawAuthority();
            // Checked on the raw authority: URI leaves user info unparsed when the host is not a valid host name.
            if (endpoint.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0)) {
                throw new ValidationException("endpoint", USER_INFO_RULE, shown(endpoint));
            }
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!endpoint.isAbsolute() || endpoint.getHost() == null
                    || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new ValidationException("endpoint", "an absolute http or https URL with a host",
                        shown(endpoint));
            }
            this.endpoint = endpoint;
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
            Fields.required("endpoint", endpoint);
            URI uri;
            try {
                uri = new URI(endpoint.strip());
            } catch (URISyntaxException e) {
                // Neither the text nor the exception (whose message repeats it) is passed on: it may hold a password.
                throw new ValidationException("endpoint", "a valid URL (" + e.getReason()
                        + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + ")", Redactor.SECRET_MASK);
            }
            return endpoint(uri);
        }

        /**
         * A URI as an error message may show it: {@link Redactor#uri(URI)}, and anything before an {@code @} in
         * the authority, or in the whole of an opaque URI, masked, however {@link URI} parsed it.
         */
        private static String shown(URI uri) {
            String authority = uri.getRawAuthority();
            if (authority != null && authority.indexOf('@') >= 0) {
                String masked = Redactor.SECRET_MASK + authority.substring(authority.lastIndexOf('@'));
                return Redactor.uri(uri).replace(authority, masked);
            }
            String part = uri.getRawSchemeSpecificPart();
            if (uri.isOpaque() && part != null && part.indexOf('@') >= 0) {
                return uri.getScheme() + ":" + Redactor.SECRET_MASK + part.substring(part.lastIndexOf('@'));
            }
            return Redactor.uri(uri);
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
            credentials.passwordForms().forEach(executor::redactLiteral);
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
            executor.transport(transport);
            return this;
        }

        /**
         * Sets the options of the transport the client creates (timeouts, proxy, TLS).
         *
         * @param options the options
         * @return this builder
         */
        public Builder transportOptions(TransportOptions options) {
            executor.transportOptions(options);
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
            executor.connectTimeout(timeout);
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
            executor.readTimeout(timeout);
            return this;
        }

        /**
         * Sets the whole-call deadline, retries included.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            executor.callTimeout(timeout);
            return this;
        }

        /**
         * Sets the retry policy. Whatever it says, an unbind is never resent once it may have reached Thredd.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            executor.retryPolicy(policy);
            return this;
        }

        /**
         * Limits the calls in flight through this client (default {@value ThreddClient#DEFAULT_MAX_IN_FLIGHT},
         * Thredd's fair-use limit); more calls wait their turn within their deadline.
         *
         * @param max 1 or more
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException if less than 1
         */
        public Builder maxInFlight(int max) {
            Fields.range("maxInFlight", max, 1, Integer.MAX_VALUE);
            executor.maxInFlight(max);
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
            executor.logBodies(enabled);
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
