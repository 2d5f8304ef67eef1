package io.github.walletdevice.gateway;

import io.github.walletdevice.core.CallInterceptor;
import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.Redactor;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.internal.Call;
import io.github.walletdevice.core.internal.CallPipeline;
import io.github.walletdevice.core.internal.HttpUrls;
import io.github.walletdevice.core.internal.PipelineBuilder;
import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Client of the Thales Transit Classic Device Gateway API, played from the TSH side: it calls a TES's
 * {@code getCardCommands}, {@code getParkCardCommands} and {@code getReaderModeCommands}.
 *
 * <pre>{@code
 * try (DeviceGatewayClient client = DeviceGatewayClient.builder()
 *         .baseUrl("https://tes.example.com")
 *         .actorId("TSH-01")
 *         .build()) {
 *     CardCommandsResponse answer = client.getCardCommands(CardCommandsRequest.builder()
 *             .issuerId("ISSUER1").cardId("CARD-0001").deviceId("DEVICE-42").operation(Operation.TOPUP).build());
 * }
 * }</pre>
 *
 * <p>Each call is one step of a stateful session on the TES ({@link CallKind#STATE_CHANGING}): it is retried only
 * when the request provably never left (connection refused, connect timeout), never once sent. Outcomes:
 * <ul>
 *   <li>a well-formed answer, whatever its {@code statusCode}: returned as a typed response (a non-zero status is
 *       a result, see {@link GatewayResponse#orThrow()});</li>
 *   <li>HTTP outside 2xx (the spec documents 500): {@link HttpStatusException};</li>
 *   <li>a body that is not the promised JSON: {@link io.github.walletdevice.core.MalformedResponseException};</li>
 *   <li>no usable response: {@link io.github.walletdevice.core.TransportException}.</li>
 * </ul>
 * Immutable and thread-safe; close it to release the transport it created (a transport passed in is left open).
 * To run a whole operation, command loop included, use {@link CommandSession}.
 *
 * <p>(Longer than 400 lines because each operation has a typed sync and async method and the builder documents
 * every call setting; validation, encoding, the endpoints and the call layer live elsewhere.)
 */
public final class DeviceGatewayClient implements AutoCloseable {

    /** The spec's server base path, appended to the base URL unless another is set. */
    public static final String DEFAULT_BASE_PATH = "/tes/devicegtwapi/1/0";

    /** The header identifying the calling actor, required by the spec. */
    public static final String ACTOR_HEADER = "x-actor-id";

    private static final String JSON = "application/json";

    private final CallPipeline pipeline;
    private final String actorId;
    private final Map<GatewayApi, URI> endpoints;
    private final AnswerShape answerShape;

    private DeviceGatewayClient(Builder b, Map<GatewayApi, URI> endpoints, String actorId) {
        this.actorId = actorId;
        this.answerShape = b.answerShape;
        this.endpoints = endpoints;
        this.pipeline = b.pipeline.build();
    }

    /**
     * A builder; {@link Builder#baseUrl(String)} and {@link Builder#actorId(String)} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Calls {@code getCardCommands}.
     *
     * @param request the request
     * @return the TES's answer, whatever its status
     * @throws HttpStatusException on HTTP outside 2xx
     * @throws io.github.walletdevice.core.MalformedResponseException when the body is not the promised JSON
     * @throws io.github.walletdevice.core.TransportException when no usable response came
     */
    public CardCommandsResponse getCardCommands(CardCommandsRequest request) {
        return send(request);
    }

    /**
     * Calls {@code getCardCommands} without blocking.
     *
     * @param request the request
     * @return a future of the TES's answer, failed with the exceptions of {@link #getCardCommands}; cancelling
     *         it aborts the exchange (see {@link #sendAsync})
     */
    public CompletableFuture<CardCommandsResponse> getCardCommandsAsync(CardCommandsRequest request) {
        return sendAsync(request);
    }

    /**
     * Calls {@code getParkCardCommands}.
     *
     * @param request the request
     * @return the TES's answer, whatever its status
     * @throws HttpStatusException on HTTP outside 2xx
     * @throws io.github.walletdevice.core.MalformedResponseException when the body is not the promised JSON
     * @throws io.github.walletdevice.core.TransportException when no usable response came
     */
    public CardCommandsResponse getParkCardCommands(ParkCardCommandsRequest request) {
        return send(request);
    }

    /**
     * Calls {@code getParkCardCommands} without blocking.
     *
     * @param request the request
     * @return a future of the TES's answer, failed with the exceptions of {@link #getParkCardCommands}; cancelling
     *         it aborts the exchange (see {@link #sendAsync})
     */
    public CompletableFuture<CardCommandsResponse> getParkCardCommandsAsync(ParkCardCommandsRequest request) {
        return sendAsync(request);
    }

    /**
     * Calls {@code getReaderModeCommands}.
     *
     * @param request the request
     * @return the TES's answer, whatever its status
     * @throws HttpStatusException on HTTP outside 2xx
     * @throws io.github.walletdevice.core.MalformedResponseException when the body is not the promised JSON
     * @throws io.github.walletdevice.core.TransportException when no usable response came
     */
    public ReaderModeCommandsResponse getReaderModeCommands(ReaderModeCommandsRequest request) {
        return send(request);
    }

    /**
     * Calls {@code getReaderModeCommands} without blocking.
     *
     * @param request the request
     * @return a future of the TES's answer, failed with the exceptions of {@link #getReaderModeCommands}; cancelling
     *         it aborts the exchange (see {@link #sendAsync})
     */
    public CompletableFuture<ReaderModeCommandsResponse> getReaderModeCommandsAsync(
            ReaderModeCommandsRequest request) {
        return sendAsync(request);
    }

    /**
     * Calls the operation the request belongs to; the answer has the request's answer type ({@link
     * ReaderModeCommandsRequest} → {@link ReaderModeCommandsResponse}, card and park → {@link CardCommandsResponse}).
     *
     * @param <R> the answer type
     * @param request the request
     * @return the TES's answer, whatever its status
     * @throws HttpStatusException on HTTP outside 2xx
     * @throws io.github.walletdevice.core.MalformedResponseException when the body is not the promised JSON
     * @throws io.github.walletdevice.core.TransportException when no usable response came
     */
    public <R extends GatewayResponse> R send(GatewayRequest<R> request) {
        return decode(request, pipeline.execute(call(request)));
    }

    /**
     * Calls the operation the request belongs to without blocking. Cancelling the future aborts the exchange (and
     * so does completing it any other way before the answer came, e.g. {@link CompletableFuture#orTimeout}); the
     * TES may still have received the request. Never throws: every failure completes the future exceptionally, with
     * the exception itself (a {@link java.util.concurrent.CompletionException} wraps it only in {@code join()}).
     *
     * @param <R> the answer type
     * @param request the request
     * @return a future of the TES's answer, failed with the exceptions of {@link #send}
     */
    public <R extends GatewayResponse> CompletableFuture<R> sendAsync(GatewayRequest<R> request) {
        Call call;
        try {
            call = call(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return pipeline.executeAsync(call, response -> decode(request, response));
    }

    private Call call(GatewayRequest<?> request) {
        Objects.requireNonNull(request, "request");
        HttpRequest http = HttpRequest.builder()
                .method("POST")
                .uri(endpoints.get(request.api()))
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .header(ACTOR_HEADER, actorId)
                .body(GatewayJsonWriter.bytes(request))
                .build();
        return Call.of(request.api().operationName(), CallKind.STATE_CHANGING, http,
                "device=" + request.deviceId());
    }

    private <R extends GatewayResponse> R decode(GatewayRequest<R> request, HttpResponse response) {
        if (!response.isSuccessful()) {
            throw HttpStatusException.of(request.api().operationName(), response, advice(response.statusCode()));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        return GatewayJsonReader.response(request.api(), request::answer, response.bodyUnsafe(), contentType,
                answerShape);
    }

    private static String advice(int status) {
        if (status >= 500) {
            return "the TES failed while handling this step, which it may or may not have applied; do not repeat it "
                    + "blindly: start a new operation once the TES is healthy";
        }
        return "the TES refused the request; check the base URL, the base path and the x-actor-id";
    }

    /**
     * The URL an operation is posted to.
     *
     * @param api the operation
     * @return its absolute URL
     */
    public URI endpoint(GatewayApi api) {
        return endpoints.get(api);
    }

    /**
     * The {@code x-actor-id} sent with every call.
     *
     * @return the actor identifier
     */
    public String actorId() {
        return actorId;
    }

    /**
     * A command loop running operations through this client on a device.
     *
     * @param device runs the TES's commands on the card
     * @return a session builder
     */
    public CommandSession.Builder session(DeviceCommandExecutor device) {
        return CommandSession.builder(this, device);
    }

    /** Closes the transport if this client created it. */
    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "DeviceGatewayClient[" + Redactor.uri(endpoints.get(GatewayApi.CARD_COMMANDS).resolve("."))
                + ", actorId=" + actorId + ", transport=" + pipeline.transport().name() + "]";
    }

    /**
     * Builds a {@link DeviceGatewayClient}. The call settings (transport, timeouts, {@code maxConcurrentRequests},
     * retries, interceptors, logging) behave as on the Thredd client's builder, in any order.
     */
    public static final class Builder {
        private final PipelineBuilder pipeline = CallPipeline.builder("gateway");
        private URI baseUrl;
        private String basePath = DEFAULT_BASE_PATH;
        private String actorId;
        private AnswerShape answerShape = AnswerShape.asSent();

        private Builder() {
        }

        /**
         * Sets where the TES is (required): scheme, host, port and any path prefix, e.g.
         * {@code https://tes.example.com}. A user name or password in the URL is refused: it would never be sent,
         * and it would show wherever the URL is printed.
         *
         * @param baseUrl an absolute http or https URL, without user info, query or fragment
         * @return this builder
         * @throws ValidationException naming {@code baseUrl} when it is missing or breaks a rule (shown with any
         *         user info masked)
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = HttpUrls.parse("baseUrl", baseUrl, HttpUrls.NO_USER_INFO, false);
            return this;
        }

        /**
         * Sets where the TES is (required), as {@link #baseUrl(String)} does.
         *
         * @param baseUrl an absolute http or https URL, without user info, query or fragment
         * @return this builder
         * @throws ValidationException naming {@code baseUrl} when it is missing or breaks a rule
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = HttpUrls.check("baseUrl", baseUrl, HttpUrls.NO_USER_INFO, false);
            return this;
        }

        /**
         * Sets the path between the base URL and the operation names (default {@value #DEFAULT_BASE_PATH});
         * empty when the base URL already holds it.
         *
         * @param basePath the path, e.g. {@code /tes/devicegtwapi/1/0}
         * @return this builder
         */
        public Builder basePath(String basePath) {
            this.basePath = io.github.walletdevice.core.Fields.required("basePath", basePath);
            return this;
        }

        /**
         * Sets the {@code x-actor-id} header sent with every call.
         *
         * @param actorId 1–32 printable ASCII characters
         * @return this builder
         */
        public Builder actorId(String actorId) {
            this.actorId = actorId;
            return this;
        }

        /**
         * Uses a transport the caller owns (never closed by the client).
         *
         * @param transport the transport, or {@code null} for the default (OkHttp when present, else the JDK's)
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            pipeline.transport(transport);
            return this;
        }

        /**
         * Settings for the transport the client creates.
         *
         * @param options the settings
         * @return this builder
         */
        public Builder transportOptions(TransportOptions options) {
            pipeline.transportOptions(options);
            return this;
        }

        /**
         * Sets the connect timeout of the transport the client creates (default 10 s), over the transport options.
         * With a {@link #transport(HttpTransport) transport passed in}, {@link #build()} refuses it: set it on that
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
         * Sets the whole-call deadline, retries included (default: the transport options' call timeout, 60 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            pipeline.callTimeout(timeout);
            return this;
        }

        /**
         * Sets the retry policy. Whatever it says, a call that may have reached the TES is never repeated.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            pipeline.retryPolicy(policy);
            return this;
        }

        /**
         * Limits the calls in flight through this client; more wait their turn within their deadline (default: the
         * transport options' {@code maxConcurrentRequests}, 64).
         *
         * @param max 1 or more
         * @return this builder
         * @throws ValidationException if less than 1
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
         * @throws ValidationException when {@code null}
         */
        public Builder addInterceptor(CallInterceptor interceptor) {
            pipeline.addInterceptor(interceptor);
            return this;
        }

        /**
         * Logs request and response bodies at DEBUG, redacted and capped (off by default).
         *
         * @param enabled whether to log bodies
         * @return this builder
         */
        public Builder logBodies(boolean enabled) {
            pipeline.logBodies(enabled);
            return this;
        }

        /**
         * Sets how the TES's answers are mapped to the shape the SDK reads, for a TES whose answer differs from the
         * reconstructed one (the spec does not publish it). Default: {@link AnswerShape#asSent()}, which reads the
         * status at the top level or under {@code responseHeader}.
         *
         * @param shape the mapping, run once per answer; must be thread-safe
         * @return this builder
         * @throws ValidationException when {@code shape} is {@code null}
         */
        public Builder answerShape(AnswerShape shape) {
            this.answerShape = io.github.walletdevice.core.Fields.required("answerShape", shape);
            return this;
        }

        /**
         * Builds the client, creating the default transport if none was passed in.
         *
         * @return the client
         * @throws ValidationException when the base URL is missing, the base path or actor id is invalid, or a
         *         connect or read timeout is set along with a transport passed in
         */
        public DeviceGatewayClient build() {
            String actor = checkActorId(actorId);
            return new DeviceGatewayClient(this, GatewayEndpoints.of(baseUrl, basePath), actor);
        }

        /** Required, at most 32 characters (the spec), and a value the header carries unchanged (not blank). */
        private static String checkActorId(String actorId) {
            io.github.walletdevice.core.Fields.length(ACTOR_HEADER, actorId, 1, 32);
            return HttpHeaders.checkRequestValue(ACTOR_HEADER, actorId);
        }
    }
}
