package io.github.walletdevice.core;


/**
 * Observes, and may change, each attempt of a client's calls: the one place to add tracing, metrics, an auth header
 * or a request signature without replacing the transport. Registered on a client builder with
 * {@code addInterceptor(...)}; runs once per attempt (a retried call runs it again, with the attempt's own request),
 * inside the call's deadline and its slot of {@code maxConcurrentRequests}, in the order added: the first added sees
 * the request first and the response last.
 *
 * <pre>{@code
 * CallInterceptor signing = chain -> chain.proceed(chain.request().toBuilder()
 *         .header("X-Signature", sign(chain.request().bodyUnsafe()))
 *         .build());
 * }</pre>
 *
 * <p>An interceptor calls {@link Chain#proceed} at most once (a second send would bypass the retry policy, which
 * never repeats a call that may have changed state); it may instead answer without sending, or throw. An exception
 * that is a {@link WalletDeviceException} is passed on as is; any other ends the call with an
 * {@link InterceptorException} (not retried). Interceptors run on the caller's thread for synchronous calls and on an
 * SDK thread ({@code walletdevice-async-N}) for asynchronous ones, so they must be thread-safe; they may block, within
 * the call's deadline. Headers an interceptor adds are logged like any other, with credentials masked
 * ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, API-key headers).
 */
@FunctionalInterface
public interface CallInterceptor {

    /**
     * Handles one attempt: usually {@code return chain.proceed(chain.request())}, with a changed request or around
     * some bookkeeping.
     *
     * @param chain the attempt's request and metadata, and the rest of the chain
     * @return the response the client will read
     */
    HttpResponse intercept(Chain chain);

    /** One attempt as an interceptor sees it. */
    interface Chain {
        /**
         * The request as it stands: as the client built it, or as an earlier interceptor passed it on.
         *
         * @return the request
         */
        HttpRequest request();

        /**
         * Passes the request to the next interceptor, or to the transport after the last one. At most once per
         * {@link CallInterceptor#intercept} call.
         *
         * @param request the request to send
         * @return the response, whatever its status
         * @throws TransportException when no usable response came (timeouts, network failures)
         * @throws IllegalStateException when called a second time
         */
        HttpResponse proceed(HttpRequest request);

        /**
         * The operation's name, e.g. {@code getCardCommands} or {@code listTokenDevices}.
         *
         * @return the operation
         */
        String operation();

        /**
         * How safe the call is to repeat.
         *
         * @return the kind of call
         */
        CallKind callKind();

        /**
         * The attempt's number, from 1; more than 1 when the retry policy sends the call again.
         *
         * @return the attempt number
         */
        int attempt();

        /**
         * The identifier the client logs for this attempt (a Thredd WSID, a device id), if any.
         *
         * @return the identifier, or {@code null}
         */
        String callId();
    }
}
