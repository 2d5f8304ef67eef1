package io.github.walletdevice.transport.okhttp;

import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.internal.Deadlines;
import io.github.walletdevice.core.internal.TransportFailures;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The default transport, on OkHttp ({@code okhttp-jvm} 5.x).
 *
 * <p>Mapping of {@link TransportOptions} when the transport builds its own client
 * ({@link #OkHttpTransport(TransportOptions)}):
 * <ul>
 *   <li>connect, read and write timeouts → OkHttp's of the same name, the connect timeout also bounding the TLS
 *       handshake (OkHttp would give it the read timeout);</li>
 *   <li>the deadline each call is given → OkHttp's per-call timeout for asynchronous calls, and for synchronous
 *       ones the SDK's shared timeout watch (up to 10 ms late; OkHttp's own would wake its watchdog thread on every
 *       call), which cancels the call;</li>
 *   <li>max concurrent requests → the size of the dispatcher's limits and of the connection pool. The limit itself
 *       belongs to the clients' call layer, which admits calls; the dispatcher's limits are as high, so that they
 *       never queue a call a second time;</li>
 *   <li>proxy → a {@link java.net.ProxySelector} honouring the non-proxy hosts, and a {@code proxyAuthenticator}
 *       that answers a proxy's 407 with Basic credentials once (never a server's 401);</li>
 *   <li>TLS → {@code sslSocketFactory(sslContext.getSocketFactory(), trustManager)};</li>
 *   <li>max response bytes → checked here against the {@code Content-Length}, then counted as the body is read
 *       (decoded), reading one byte past the limit at most;</li>
 *   <li>idle connection timeout → the pool's keep-alive; the pool keeps up to max concurrent requests idle
 *       connections (OkHttp's default is 5, which made a busy client open a connection every few calls).</li>
 * </ul>
 * A pooled HTTP/1 connection the server has closed, or said it would close (HTTP/1.0, {@code Keep-Alive: timeout}),
 * is never written to: it is looked at before the request goes out, closed, and the call made on another
 * connection, also on a user's client (see {@code StaleConnections} and {@code docs/connections.md}). A call that
 * fails before it got a connection (refused, a proxy's tunnel, the TLS handshake) reports that nothing was sent.
 * Always, also on a client the user passes in, OkHttp never sends a request again by itself (the SDK's
 * {@code RetryPolicy} decides):
 * <ul>
 *   <li>redirects are not followed, and {@code retryOnConnectionFailure} is off;</li>
 *   <li>request bodies (an empty one for a bodiless {@code POST}) are one-shot once sent
 *       ({@code RequestBody.isOneShot()}), and OkHttp follows up no request with a one-shot body: not a 503 with
 *       {@code Retry-After: 0} (which it otherwise repeats, whatever {@code retryOnConnectionFailure} says), a 408
 *       or a 421;</li>
 *   <li>for requests without a body (a {@code GET}), a 503's {@code Retry-After} is kept out of sight of OkHttp's
 *       follow-up logic by an interceptor pair and restored before anyone sees the response (the user's own
 *       interceptors see it as sent). This also stops OkHttp failing on a {@code Retry-After} beyond an
 *       {@code int}.</li>
 * </ul>
 * What OkHttp still sends again are answers to challenges, which the server or proxy refused without acting on
 * them: a proxy's 407 answered by the SDK's proxy authenticator (once), or a 401 or 407 answered by a user's own
 * authenticators, the body included; and a bodiless request answered 421 on an HTTP/2 connection shared across
 * host names, sent again on a connection of its own. The headers
 * {@code Content-Length}, {@code Host}, {@code Connection}, {@code Expect} and {@code Upgrade} are set by the
 * client library and dropped from the request (the same on every walletdevice transport). OkHttp negotiates
 * HTTP/2 over TLS when the server offers it and asks for gzip transparently; neither changes the
 * {@link HttpResponse} seen by callers. A {@code GET} or {@code HEAD} request with a body is refused with
 * {@link IllegalArgumentException}, as OkHttp refuses it. A response that is not valid HTTP (a status outside
 * 100–599, a header name OkHttp lets through but that is not a valid field name) fails at once with a
 * {@link io.github.walletdevice.core.TransportException} of reason {@code IO}, as on the JDK transport.
 *
 * <p>Differences from the JDK transport: Basic proxy credentials also reach a proxy that opens a {@code CONNECT}
 * tunnel for an HTTPS target (the JDK refuses Basic for tunnels by default and returns the proxy's 407). When the
 * proxy rejects the credentials, a plain-HTTP request gets the proxy's 407 as its response, while a tunnel fails
 * with a {@link io.github.walletdevice.core.TransportException} (OkHttp reports it as an I/O error).
 */
public final class OkHttpTransport implements HttpTransport {
    /**
     * Most pooled connections one call tries when each is found stale before anything is written; each one tried
     * is closed, so a call moves on to a new connection soon.
     */
    private static final int MAX_STALE_CONNECTIONS = 8;

    private final OkHttpClient client;
    private final boolean ownsClient;
    /** The options' call timeout, which bounds each exchange; none on a user's own client. */
    private final Duration callTimeout;
    private final OkHttpMessages messages;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Tells which calls got a connection; the client's outermost network interceptor. */
    private final StaleConnections connections;
    // Calls under way (sync and async), so that close() can cancel them.
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();

    /**
     * Creates a transport on a new OkHttp client built from the options; {@link #close()} shuts that client down.
     *
     * @param options the settings to honour
     */
    public OkHttpTransport(TransportOptions options) {
        this(OkHttpClients.build(options), true, options.maxResponseBytes(), options.callTimeout());
    }

    /**
     * Creates a transport on the user's own OkHttp client, which keeps its connection pool, dispatcher,
     * interceptors and timeouts; {@link #close()} leaves it running. The SDK derives a client that shares those
     * but never sends a request again by itself: no redirects, no retries on connection failure, no follow-ups of
     * a 503 (see the class description); the client's authenticators still answer challenges. Each call ends by the
     * deadline it is given, or by the client's own {@code callTimeout} when that comes first (asynchronous calls).
     * The client's dispatcher limits still apply to asynchronous calls: keep its {@code maxRequests} and
     * {@code maxRequestsPerHost} at least as high as the SDK client's {@code maxConcurrentRequests}. Response bodies
     * are read up to {@link TransportOptions#DEFAULT_MAX_RESPONSE_BYTES}; {@link #OkHttpTransport(OkHttpClient, int)}
     * sets another limit.
     *
     * @param client the user's client
     */
    public OkHttpTransport(OkHttpClient client) {
        this(client, TransportOptions.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * Creates a transport on the user's own OkHttp client, as {@link #OkHttpTransport(OkHttpClient)} does, reading
     * response bodies up to a limit of one's choosing (see {@link TransportOptions#maxResponseBytes()}).
     *
     * @param client the user's client
     * @param maxResponseBytes the largest response body read, at least 1 byte
     */
    public OkHttpTransport(OkHttpClient client, int maxResponseBytes) {
        this(OkHttpClients.withoutReplays(Objects.requireNonNull(client, "client")), false, maxResponseBytes, null);
    }

    private OkHttpTransport(OkHttpClient client, boolean ownsClient, int maxResponseBytes, Duration callTimeout) {
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1, got " + maxResponseBytes);
        }
        this.client = client;
        this.ownsClient = ownsClient;
        this.callTimeout = callTimeout;
        this.messages = new OkHttpMessages(name(), maxResponseBytes);
        this.connections = Objects.requireNonNull(StaleConnections.in(client.networkInterceptors()),
                "the client's StaleConnections interceptor");
    }

    @Override
    public String name() {
        return "okhttp";
    }

    /**
     * The OkHttp client in use, for inspection. Do not shut it down: {@link #close()} does when it is the SDK's.
     *
     * @return the client
     */
    public OkHttpClient okHttpClient() {
        return client;
    }

    /**
     * Sends on the caller's thread ({@code Call.execute()}), cancelled when the deadline passes (the shared timeout
     * watch). OkHttp's blocking socket I/O does not respond to interrupts: an interrupt is noticed at the next read
     * or write, or when the exchange ends, and the call then fails with reason {@code CANCELLED}, the thread's
     * interrupt status still set.
     *
     * @param request the request
     * @param deadlineNanos when the call must end, on the {@link System#nanoTime()} clock
     * @return the response, whatever its status
     * @throws TransportException if no response could be obtained by the deadline
     */
    @Override
    public HttpResponse execute(HttpRequest request, long deadlineNanos) {
        if (closed.get()) {
            throw TransportFailures.closed(name());
        }
        Request okRequest = messages.toOkHttp(request);
        long deadline = bounded(deadlineNanos);
        for (int tried = 1; ; tried++) {
            try {
                return attempt(okRequest, request, deadline);
            } catch (StaleConnectionException e) {
                if (tried >= MAX_STALE_CONNECTIONS) {
                    throw staleConnections(request, e);
                }
            }
        }
    }

    /**
     * One call on the caller's thread. A pooled connection found stale before anything was written
     * ({@link StaleConnections}) fails it with {@link StaleConnectionException}, to be made again on another one.
     */
    private HttpResponse attempt(Request okRequest, HttpRequest request, long deadline)
            throws StaleConnectionException {
        Call call = null;
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw TransportFailures.interrupted(request, false, null);
            }
            call = client.newCall(okRequest);
            calls.add(call);
            if (closed.get()) {
                throw TransportFailures.closed(name());
            }
            remaining(request, deadline); // fails as DEADLINE, nothing sent, if it has already passed
            call.timeout().timeout(0, TimeUnit.NANOSECONDS);
            Call running = call;
            AtomicBoolean passed = new AtomicBoolean();
            Deadlines.Watch watch = Deadlines.watch(deadline, () -> {
                passed.set(true);
                running.cancel();
            });
            HttpResponse converted;
            try (Response response = call.execute()) {
                converted = convert(response, request);
            } catch (StaleConnectionException e) {
                if (passed.get() || closed.get()) {
                    throw passedDeadline(passed, failure(e, request, call), request);
                }
                throw e;
            } catch (IOException e) {
                throw passedDeadline(passed, failure(e, request, call), request);
            } catch (TransportException e) {
                // Reading the body failed (convert reports that itself).
                throw passedDeadline(passed, e, request);
            } finally {
                watch.cancel();
            }
            if (Thread.currentThread().isInterrupted()) {
                // Interrupted while the exchange ran on: tell the caller, as the other transports do.
                throw TransportFailures.interrupted(request, true, null);
            }
            return converted;
        } finally {
            if (call != null) {
                calls.remove(call);
                connections.ended(call);
            }
        }
    }

    /**
     * Enqueues the call on OkHttp's dispatcher, with OkHttp's per-call timeout set to the time left; completing the
     * future in any way first (a cancel, an {@code orTimeout}) cancels the call.
     */
    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(TransportFailures.closed(name()));
        }
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        AtomicReference<Call> current = new AtomicReference<>();
        try {
            enqueue(messages.toOkHttp(request), request, bounded(deadlineNanos), current, result, 1);
        } catch (RuntimeException e) {
            // Includes a deadline already passed.
            result.completeExceptionally(e);
        }
        // Completed by the caller (a cancel, orTimeout, complete) or by close(): abort the exchange. A call that
        // ended by itself has left the set of calls under way first.
        result.whenComplete((response, failure) -> {
            Call call = current.get();
            if (call != null && calls.contains(call)) {
                call.cancel();
            }
        });
        return result;
    }

    /**
     * Enqueues one call. A call failed by a stale pooled connection ({@link StaleConnectionException}: nothing was
     * written) is enqueued again, on another connection.
     */
    private void enqueue(Request okRequest, HttpRequest request, long deadline, AtomicReference<Call> current,
            CompletableFuture<HttpResponse> result, int tried) {
        Call call = client.newCall(okRequest);
        call.timeout().timeout(remaining(request, deadline), TimeUnit.NANOSECONDS);
        current.set(call);
        calls.add(call);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                calls.remove(c);
                TransportException failed = failure(e, request, c);
                connections.ended(c);
                if (e instanceof StaleConnectionException stale && !result.isDone() && !closed.get()) {
                    if (tried >= MAX_STALE_CONNECTIONS) {
                        result.completeExceptionally(staleConnections(request, stale));
                        return;
                    }
                    try {
                        enqueue(okRequest, request, deadline, current, result, tried + 1);
                    } catch (RuntimeException again) {
                        result.completeExceptionally(again);
                    }
                    return;
                }
                result.completeExceptionally(failed);
            }

            @Override
            public void onResponse(Call c, Response response) {
                // Nothing may escape to OkHttp: it would print it on the dispatcher thread and the call
                // would end only at its deadline.
                HttpResponse converted = null;
                RuntimeException failed = null;
                try (response) {
                    converted = convert(response, request);
                } catch (TransportException e) {
                    failed = e;
                } catch (RuntimeException e) {
                    failed = TransportFailures.invalidResponse(request, name(), e);
                } finally {
                    calls.remove(c);
                    connections.ended(c);
                }
                if (failed != null) {
                    result.completeExceptionally(failed);
                } else {
                    result.complete(converted);
                }
            }
        });
        // The call may have ended, or the transport closed, while the call was being set up.
        if (result.isDone() || closed.get()) {
            call.cancel();
        }
    }

    /** Every pooled connection tried was stale: nothing was written to any of them. */
    private TransportException staleConnections(HttpRequest request, StaleConnectionException last) {
        return TransportFailures.notSent(request, name(), "the server had closed each of the "
                + MAX_STALE_CONNECTIONS + " pooled connections tried (" + last.getMessage() + ")", last);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Calls made through this transport end now, also on a user's client (which otherwise stays up).
        for (Call call : calls) {
            call.cancel();
        }
        if (ownsClient) {
            client.dispatcher().cancelAll();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "OkHttpTransport[maxResponseBytes=" + messages.maxResponseBytes() + (ownsClient ? "" : ", user's client")
                + "]";
    }

    /** The failure of a call the deadline watch cancelled is the deadline's, unless the transport was closed. */
    private static TransportException passedDeadline(AtomicBoolean passed, TransportException failure,
            HttpRequest request) {
        return passed.get() && failure.reason() != TransportException.Reason.CLOSED
                ? TransportFailures.deadline(request, true) : failure;
    }

    private static long remaining(HttpRequest request, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw TransportFailures.deadline(request, false);
        }
        return left;
    }

    /** The failure of a call, as {@link #failure(IOException, HttpRequest)}; not sent if it never had a connection. */
    private TransportException failure(IOException e, HttpRequest request, Call call) {
        TransportException failure = failure(e, request);
        if (failure.isRequestSent() && failure.reason() != TransportException.Reason.CLOSED
                && failure.reason() != TransportException.Reason.CANCELLED && !connections.connected(call)) {
            return TransportFailures.beforeSending(request, name(), e);
        }
        return failure;
    }

    private TransportException failure(IOException e, HttpRequest request) {
        if (closed.get()) {
            return TransportFailures.closedDuringCall(request, name(), e);
        }
        if (Thread.currentThread().isInterrupted()) {
            // Okio checks the interrupt status before each read and write ("interrupted"): a synchronous call on
            // an interrupted thread. Never on a dispatcher thread, which nothing interrupts.
            return TransportFailures.interrupted(request, true, e);
        }
        return TransportFailures.classify(e, request, name());
    }

    /**
     * The response as an {@link HttpResponse}, or the {@link TransportException} to report: reading the body can
     * fail like any exchange, and a response OkHttp accepted may still not be valid HTTP (a status outside
     * 100-599, a header name with a space).
     */
    private HttpResponse convert(Response response, HttpRequest request) {
        try {
            return messages.fromOkHttp(response, request);
        } catch (IOException e) {
            throw failure(e, request);
        } catch (TransportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TransportFailures.invalidResponse(request, name(), e);
        }
    }

    /** The deadline given, or the options' call timeout from now when that is sooner. */
    private long bounded(long deadlineNanos) {
        return callTimeout == null ? deadlineNanos : Deadlines.sooner(deadlineNanos, callTimeout);
    }
}
