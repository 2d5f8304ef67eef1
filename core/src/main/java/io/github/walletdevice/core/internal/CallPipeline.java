package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.CallInterceptor;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs a client's calls: the one place where the whole-call deadline, the limit on calls in flight
 * ({@code maxConcurrentRequests}), retries, interceptors, cancellation and the DEBUG log of each attempt live. A
 * transport only makes the attempts, each against the deadline it is given. Thread-safe; each client builds one
 * through {@link PipelineBuilder}.
 *
 * <p>The deadline covers the whole call: waiting for a slot, every attempt and every pause between attempts. A
 * synchronous call gives each attempt what is left of it ({@link HttpTransport#execute(HttpRequest, long)}, on the
 * caller's thread); an asynchronous one watches it here as well (one shared watch thread, not a timer per call), so
 * the future fails by the deadline whatever the transport. A {@code Retry-After} header (seconds or an HTTP date) on
 * a retryable status replaces the backoff; a pause that would end after the deadline ends the retries instead, and
 * the last answer is returned at once.
 *
 * <p>The future of {@link #executeAsync(Call, Function)} is the caller's: cancelling it, or completing it any other
 * way first ({@code orTimeout}, {@code complete}), gives up the slot, stops any retry and aborts the exchange.
 */
public final class CallPipeline implements AutoCloseable {
    final HttpTransport transport;
    private final boolean ownsTransport;
    final RetryPolicy retryPolicy;
    private final Duration callTimeout;
    final ConcurrencyLimiter limiter;
    final List<CallInterceptor> interceptors;
    final CallLog log;

    CallPipeline(PipelineBuilder b) {
        if (b.transport != null) {
            this.transport = b.transport;
            this.ownsTransport = false;
        } else {
            this.transport = HttpTransports.createDefault(b.effectiveTransportOptions());
            this.ownsTransport = true;
        }
        this.retryPolicy = b.retryPolicy;
        this.callTimeout = b.effectiveCallTimeout();
        this.limiter = new ConcurrencyLimiter(b.effectiveMaxConcurrentRequests());
        this.interceptors = List.copyOf(b.interceptors);
        this.log = new CallLog(b.clientName, b.logBodies, b.maxLoggedBodyChars, b.secrets, transport.name());
    }

    /**
     * A builder for a client's pipeline.
     *
     * @param clientName the client's short name; its logger is {@code io.github.walletdevice.<clientName>}
     * @return a new builder
     */
    public static PipelineBuilder builder(String clientName) {
        return new PipelineBuilder(clientName);
    }

    /**
     * Runs a call to completion on the calling thread, retrying where allowed, by the call deadline.
     *
     * @param call the call
     * @return the last response, whatever its status
     * @throws TransportException when no usable response was obtained
     * @throws io.github.walletdevice.core.InterceptorException when an interceptor failed
     */
    public HttpResponse execute(Call call) {
        long deadline = Deadlines.after(callTimeout);
        for (int attempt = 1; ; attempt++) {
            Attempt a = call.attempts().apply(attempt);
            ConcurrencyLimiter.Permit permit = limiter.acquire(a.request(), deadline);
            long start = System.nanoTime();
            HttpResponse response;
            try {
                response = send(call, a, attempt, deadline);
            } catch (TransportException e) {
                log.failure(call, a, attempt, start, e);
                if (retryPolicy.shouldRetry(call.kind(), e, attempt)
                        && pause(retryPolicy.backoff(attempt), deadline, a.request())) {
                    continue;
                }
                throw e;
            } finally {
                permit.release();
            }
            log.response(call, a, attempt, start, response);
            if (!response.isSuccessful() && retryPolicy.shouldRetry(call.kind(), response.statusCode(), attempt)
                    && pause(RetryAfter.delay(response, retryPolicy.backoff(attempt)), deadline, a.request())) {
                continue;
            }
            return response;
        }
    }

    /** One synchronous attempt, through the interceptors if there are any. */
    private HttpResponse send(Call call, Attempt a, int attempt, long deadline) {
        if (interceptors.isEmpty()) {
            log.request(call, a, a.request());
            return transport.execute(a.request(), deadline);
        }
        return InterceptorChain.run(interceptors, call, a, attempt, request -> {
            log.request(call, a, request);
            return transport.execute(request, deadline);
        });
    }

    /**
     * Runs a call without blocking, as {@link #execute} does, and turns its last response into the result.
     *
     * @param call the call
     * @param decode turns the last response into the result (run once, on the thread that completed the exchange);
     *               what it throws fails the future
     * @param <T> the result's type
     * @return the caller's future: completing or cancelling it ends the call (see the class description); never
     *         throws, every failure completes it exceptionally with the exception itself
     */
    public <T> CompletableFuture<T> executeAsync(Call call, Function<HttpResponse, T> decode) {
        return executeAsync(call, decode, UnaryOperator.identity());
    }

    /**
     * Runs a call without blocking, as {@link #executeAsync(Call, Function)} does, and lets the client give a
     * transport failure its own meaning (an unbind whose outcome is unknown, say) on the same future.
     *
     * @param call the call
     * @param decode turns the last response into the result
     * @param onFailure turns the call's failure (a {@link TransportException} or a bug) into the one reported
     * @param <T> the result's type
     * @return the caller's future, as for {@link #executeAsync(Call, Function)}
     */
    public <T> CompletableFuture<T> executeAsync(Call call, Function<HttpResponse, T> decode,
            UnaryOperator<RuntimeException> onFailure) {
        try {
            return new AsyncCall<>(this, call, decode, onFailure, Deadlines.after(callTimeout)).start();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Runs a call without blocking, as {@link #executeAsync(Call, Function)} does, returning the last response.
     *
     * @param call the call
     * @return the caller's future of the last response, whatever its status
     */
    public CompletableFuture<HttpResponse> executeAsync(Call call) {
        return executeAsync(call, Function.identity());
    }

    private static boolean pause(Duration delay, long deadline, HttpRequest request) {
        if (!Deadlines.fits(delay, deadline)) {
            return false;
        }
        ConcurrencyLimiter.runDeferredHandOvers();
        try {
            // Shorter than the time left (fits), so within a long of nanoseconds.
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TransportFailures.interrupted(request, false, e);
        }
    }

    /**
     * The transport in use.
     *
     * @return the transport
     */
    public HttpTransport transport() {
        return transport;
    }

    /**
     * The retry policy in use.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * The whole-call deadline.
     *
     * @return the deadline per call, retries included
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The most calls in flight at once; more wait for a slot within their deadline.
     *
     * @return the limit
     */
    public int maxConcurrentRequests() {
        return limiter.max();
    }

    /**
     * Closes the transport if this pipeline created it; a transport the user passed in is left open.
     */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }
}
