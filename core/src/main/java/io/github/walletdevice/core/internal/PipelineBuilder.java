package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.CallInterceptor;
import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings both client builders share, held until {@code build()}, so that their order never matters: the
 * connect and read timeouts and {@code maxConcurrentRequests} set on a client builder win over its transport options,
 * whichever was set first.
 */
public final class PipelineBuilder {
    final String clientName;
    HttpTransport transport;
    private TransportOptions transportOptions = TransportOptions.defaults();
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private int maxConcurrentRequests;
    private int defaultMaxConcurrentRequests = Integer.MAX_VALUE;
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    boolean logBodies;
    int maxLoggedBodyChars = 4096;
    final List<String> secrets = new ArrayList<>();
    final List<CallInterceptor> interceptors = new ArrayList<>();

    PipelineBuilder(String clientName) {
        this.clientName = Fields.required("clientName", clientName);
    }

    /**
     * Uses a transport the caller owns: used as is, never closed by the SDK.
     *
     * @param transport the transport, or {@code null} to let the pipeline create the default one
     * @return this builder
     */
    public PipelineBuilder transport(HttpTransport transport) {
        this.transport = transport;
        return this;
    }

    /**
     * Settings for the transport the pipeline creates; their call timeout and {@code maxConcurrentRequests} are also
     * the call layer's defaults (with a transport passed in too).
     *
     * @param options the settings
     * @return this builder
     * @throws ValidationException when {@code null}
     */
    public PipelineBuilder transportOptions(TransportOptions options) {
        this.transportOptions = Fields.required("transportOptions", options);
        return this;
    }

    /**
     * The connect timeout of the transport the pipeline creates, over the transport options.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws ValidationException if absent or not positive
     */
    public PipelineBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = Fields.positive("connectTimeout", timeout);
        return this;
    }

    /**
     * The read timeout of the transport the pipeline creates, over the transport options.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws ValidationException if absent or not positive
     */
    public PipelineBuilder readTimeout(Duration timeout) {
        this.readTimeout = Fields.positive("readTimeout", timeout);
        return this;
    }

    /**
     * The whole-call deadline, retries included (default: the transport options' call timeout).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws ValidationException if absent or not positive
     */
    public PipelineBuilder callTimeout(Duration timeout) {
        this.callTimeout = Fields.positive("callTimeout", timeout);
        return this;
    }

    /**
     * The most calls in flight at once (default: the transport options', or a client's own default when lower).
     *
     * @param max 1 or more
     * @return this builder
     * @throws ValidationException if less than 1
     */
    public PipelineBuilder maxConcurrentRequests(int max) {
        if (max < 1) {
            throw new ValidationException("maxConcurrentRequests", "at least 1", Integer.toString(max));
        }
        this.maxConcurrentRequests = max;
        return this;
    }

    /**
     * A client's own ceiling for {@code maxConcurrentRequests} when the user sets none (Thredd's fair-use limit).
     *
     * @param max 1 or more
     * @return this builder
     */
    public PipelineBuilder defaultMaxConcurrentRequests(int max) {
        this.defaultMaxConcurrentRequests = Math.max(1, max);
        return this;
    }

    /**
     * The retry policy.
     *
     * @param policy the policy
     * @return this builder
     * @throws ValidationException when {@code null}
     */
    public PipelineBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Fields.required("retryPolicy", policy);
        return this;
    }

    /**
     * Adds an interceptor, run after those added before.
     *
     * @param interceptor the interceptor
     * @return this builder
     * @throws ValidationException when {@code null}
     */
    public PipelineBuilder addInterceptor(CallInterceptor interceptor) {
        interceptors.add(Fields.required("interceptor", interceptor));
        return this;
    }

    /**
     * Logs request and response bodies at DEBUG, redacted and capped. Off by default.
     *
     * @param enabled whether to log bodies
     * @return this builder
     */
    public PipelineBuilder logBodies(boolean enabled) {
        this.logBodies = enabled;
        return this;
    }

    /**
     * A value that must never appear in a logged body, wherever it stands. Values shorter than 4 characters are
     * ignored: masking them would garble the log without protecting anything worth the name.
     *
     * @param secret the secret value, or {@code null}
     * @return this builder
     */
    public PipelineBuilder redactLiteral(String secret) {
        if (secret != null && secret.length() >= 4 && !secrets.contains(secret)) {
            secrets.add(secret);
        }
        return this;
    }

    /**
     * Caps each logged body.
     *
     * @param maxChars most characters of a body logged, 0 or more
     * @return this builder
     */
    public PipelineBuilder maxLoggedBodyChars(int maxChars) {
        if (maxChars < 0) {
            throw new ValidationException("maxLoggedBodyChars", "0 or more", Integer.toString(maxChars));
        }
        this.maxLoggedBodyChars = maxChars;
        return this;
    }

    TransportOptions effectiveTransportOptions() {
        TransportOptions.Builder b = transportOptions.toBuilder();
        if (connectTimeout != null) {
            b.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            b.readTimeout(readTimeout);
        }
        b.callTimeout(effectiveCallTimeout());
        b.maxConcurrentRequests(effectiveMaxConcurrentRequests());
        return b.build();
    }

    Duration effectiveCallTimeout() {
        return callTimeout != null ? callTimeout : transportOptions.callTimeout();
    }

    int effectiveMaxConcurrentRequests() {
        return maxConcurrentRequests > 0 ? maxConcurrentRequests
                : Math.min(defaultMaxConcurrentRequests, transportOptions.maxConcurrentRequests());
    }

    /**
     * Builds the pipeline, creating the default transport if none was passed in.
     *
     * @return the pipeline
     * @throws ValidationException if a transport was passed in and a connect or read timeout set as well: they would
     *         apply to no transport (the one passed in keeps its own), and a timeout is never silently ignored
     */
    public CallPipeline build() {
        if (transport != null) {
            refuseWithTransport("connectTimeout", connectTimeout);
            refuseWithTransport("readTimeout", readTimeout);
        }
        return new CallPipeline(this);
    }

    private static void refuseWithTransport(String field, Duration timeout) {
        if (timeout != null) {
            throw new ValidationException(field, "left unset when a transport is passed in (it applies only to"
                    + " the transport the client creates; set it in the options of the transport passed in)",
                    timeout.toString());
        }
    }
}
