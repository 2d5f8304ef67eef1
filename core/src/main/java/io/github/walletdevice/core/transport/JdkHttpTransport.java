package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.TransportException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A transport on the JDK's {@code java.net.http.HttpClient}: no dependency beyond the JDK.
 *
 * <p>Mapping of {@link TransportOptions}:
 * <ul>
 *   <li>connect timeout → {@code HttpClient.connectTimeout};</li>
 *   <li>read timeout → the JDK's per-request timeout (until the response headers arrive), then a check here
 *       (every 10 ms, one thread for all bodies) that fails the call when the body stalls for as long, so it means
 *       "longest wait for bytes" as on OkHttp; except that in a synchronous call a body of at most 64 KiB with a
 *       {@code Content-Length} must arrive whole within the read timeout (it is read by the JDK's own subscriber,
 *       which saves a thread hand-off per call);</li>
 *   <li>write timeout → no JDK counterpart: a request that cannot be written is bounded by the call deadline;</li>
 *   <li>call deadline and concurrency limit → enforced here, for {@link #execute} and {@link #executeAsync}
 *       alike (a call waits for a slot within its deadline);</li>
 *   <li>proxy → a {@link java.net.ProxySelector} honouring the non-proxy hosts; Basic credentials are sent to the
 *       proxy with each proxied request (the JDK strips {@code Proxy-*} headers from requests that do not go
 *       through it), and a proxy's 407 or a server's 401 is returned as a response;</li>
 *   <li>TLS → {@code HttpClient.sslContext}.</li>
 *   <li>max response bytes → checked here against the {@code Content-Length}, then counted as the body arrives
 *       (the body subscriber cancels the rest once the limit is passed).</li>
 * </ul>
 * Threads: a synchronous call ({@link #execute(HttpRequest)}, {@link #execute(HttpRequest, long)}) runs
 * {@code HttpClient.send} on the caller's thread, with the JDK's request timeout and the body's idle check cut to
 * the deadline, so it needs no timer or thread of its own; {@link #close()} ends it by interrupting that thread
 * (the JDK aborts the exchange), and clears that interrupt again before the call returns. An asynchronous call runs
 * {@code send} on a thread of the transport's own pool (daemon threads named {@code walletdevice-jdk-http-N},
 * reused, one per call in flight; the client's executor too), never on the common {@code ForkJoinPool}, which on
 * 1 or 2 CPUs starts a new thread per task; a deadline, a cancelled future or {@link #close()} interrupts that
 * thread, which aborts the exchange.
 * HTTP/1.1 only; redirects are not followed; the JDK never replays a non-idempotent request by itself. The
 * headers {@code Content-Length}, {@code Host}, {@code Connection}, {@code Expect} and {@code Upgrade} are set by
 * the client library and dropped from the request (the same on every walletdevice transport). A response that is
 * not valid HTTP (a status outside 100–599, a header the JDK refuses) fails at once with
 * {@link io.github.walletdevice.core.TransportException} of reason {@code IO}, as on OkHttp.
 *
 * <p>Difference from the OkHttp transport, from the JDK itself: Basic proxy credentials work for plain-HTTP
 * targets, but for HTTPS targets (a {@code CONNECT} tunnel) the JDK drops them unless the JVM runs with
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=} (its default disables Basic for tunnels), so the proxy's 407
 * comes back as the response. OkHttp sends them in both cases. Credentials go to the proxy with the first request
 * here, and only after a 407 challenge (plain HTTP) on OkHttp. The transport TCK pins the tunnel difference.
 */
public final class JdkHttpTransport implements HttpTransport {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Largest body with a declared length that a synchronous call reads with the JDK's own subscriber. */
    static final long WHOLE_BODY_MAX_BYTES = 64 * 1024;

    private final TransportOptions options;
    private final ExecutorService executor;
    /**
     * The JDK's client; {@code null} once closed, so that on JDK 17-20 (no shutdown method) the client becomes
     * unreachable, and its selector thread and pooled connections end, even while this transport is still referenced.
     */
    private volatile HttpClient client;
    private final ConcurrencyLimiter limiter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String proxyAuthorization;
    // Calls under way, so that close() can end them instead of leaving their futures pending.
    private final Map<CompletableFuture<HttpResponse>, InFlight> inFlight = new ConcurrentHashMap<>();
    // Synchronous calls under way, each on its caller's thread, so that close() can end them too.
    private final Set<SyncCall> syncCalls = ConcurrentHashMap.newKeySet();
    private final long callTimeoutNanos;
    private final long readTimeoutNanos;

    /**
     * Creates a transport.
     *
     * @param options the settings to honour
     */
    public JdkHttpTransport(TransportOptions options) {
        this.options = options;
        this.callTimeoutNanos = saturatedNanos(options.callTimeout());
        this.readTimeoutNanos = saturatedNanos(options.readTimeout());
        this.limiter = new ConcurrencyLimiter(options.maxConcurrentRequests());
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "walletdevice-jdk-http-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout())
                .executor(executor);
        options.sslContext().ifPresent(b::sslContext);
        options.proxy().ifPresent(proxy -> b.proxy(proxy.proxySelector()));
        this.client = b.build();
        this.proxyAuthorization = options.proxy().filter(ProxyOptions::hasCredentials)
                .map(JdkHttpTransport::basicCredentials).orElse(null);
    }

    /** A timeout in nanoseconds, far-off ones cut to about 73 years so that a deadline never wraps. */
    private static long saturatedNanos(Duration timeout) {
        long max = Long.MAX_VALUE / 4;
        return timeout.compareTo(Duration.ofNanos(max)) < 0 ? timeout.toNanos() : max;
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        return execute(request, System.nanoTime() + callTimeoutNanos);
    }

    /**
     * Sends on the caller's thread, with no hand-off to another thread: the JDK's request timeout (until the
     * headers) and the body's idle check are both cut to the time left, so the call ends by its deadline without
     * a timer of its own; {@link #close()} ends it by interrupting the thread, which the JDK answers by aborting the
     * exchange, and the interrupt is cleared again before the call returns.
     */
    @Override
    public HttpResponse execute(HttpRequest request, long deadlineNanos) {
        long now = System.nanoTime();
        long transportDeadline = now + callTimeoutNanos;
        long deadline = deadlineNanos - transportDeadline < 0 ? deadlineNanos : transportDeadline;
        if (closed.get()) {
            throw TransportFailures.closed(name());
        }
        if (deadline - now <= 0) {
            throw TransportFailures.deadline(request, false);
        }
        SyncCall call = new SyncCall();
        syncCalls.add(call);
        ConcurrencyLimiter.Permit permit = null;
        try {
            // close() sets the flag before it ends the calls it finds: a call registered after that sees the flag.
            if (closed.get()) {
                throw TransportFailures.closed(name());
            }
            try {
                permit = limiter.acquire(request, deadline);
            } catch (TransportException e) {
                throw call.ended() == SyncCall.End.CLOSED ? TransportFailures.closed(name()) : e;
            }
            return send(request, deadline, call);
        } finally {
            call.finish();
            syncCalls.remove(call);
            if (permit != null) {
                permit.release();
            }
        }
    }

    /** One exchange on the caller's thread, ending by the deadline. */
    private HttpResponse send(HttpRequest request, long deadline, SyncCall call) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw TransportFailures.deadline(request, false);
        }
        boolean headersCutToDeadline = left < readTimeoutNanos;
        java.net.http.HttpRequest jdkRequest = toJdk(request,
                headersCutToDeadline ? Duration.ofNanos(left) : options.readTimeout());
        java.net.http.HttpResponse<byte[]> response;
        try {
            // The body handler reaches nothing of this transport: the JDK's pooled connections keep the last
            // exchange's handler, and through it anything it captures, alive until they are closed.
            TransportOptions opts = options;
            long readTimeout = readTimeoutNanos;
            response = open().send(jdkRequest,
                    info -> bodySubscriber(opts, readTimeout, request, info, deadline, call));
        } catch (InterruptedException e) {
            SyncCall.End end = call.ended();
            if (end == SyncCall.End.CLOSED) {
                throw TransportFailures.closedDuringCall(request, name(), e);
            }
            if (end == SyncCall.End.READ_TIMEOUT) {
                throw TransportFailures.classify(new HttpTimeoutException(
                        "The body did not arrive within the read timeout"), request, name());
            }
            if (end == SyncCall.End.DEADLINE) {
                throw TransportFailures.deadline(request, true);
            }
            Thread.currentThread().interrupt();
            throw TransportFailures.interrupted(request, true, e);
        } catch (HttpConnectTimeoutException e) {
            throw TransportFailures.classify(e, request, name());
        } catch (HttpTimeoutException e) {
            // Until the headers came, the JDK's request timeout (cut to the deadline if that was sooner); after,
            // the body's check, which knows which of the two it was.
            IdleTimeoutBodySubscriber body = call.body;
            if (body == null ? headersCutToDeadline : body.passedDeadline()) {
                throw TransportFailures.deadline(request, true);
            }
            throw TransportFailures.classify(e, request, name());
        } catch (IllegalArgumentException | SecurityException e) {
            // The request refused by the JDK (a CONNECT, say): the caller's error, reported as is.
            throw e;
        } catch (IOException | RuntimeException e) {
            if (call.ended() == SyncCall.End.CLOSED) {
                throw TransportFailures.closedDuringCall(request, name(), e);
            }
            throw TransportFailures.classify(e, request, name());
        }
        try {
            return fromJdk(response);
        } catch (RuntimeException e) {
            // A status outside 100-599 or a header the JDK let through.
            throw TransportFailures.invalidResponse(request, name(), e);
        }
    }

    /**
     * The body's subscriber for a synchronous call. A body of at most {@link #WHOLE_BODY_MAX_BYTES} with a declared
     * length is read by the JDK's own byte-array subscriber, which the JDK completes on the thread that read the
     * bytes; any other subscriber's body it hands to the client's executor, one more thread wake-up per call (3% of
     * a loopback call here). Such a body must then arrive whole within the read timeout (and by the deadline),
     * which the {@link BodyWatch} checks and enforces by ending the call; any other body goes through an
     * {@link IdleTimeoutBodySubscriber}, which fails it when no bytes come for the read timeout.
     */
    private static java.net.http.HttpResponse.BodySubscriber<byte[]> bodySubscriber(TransportOptions options,
            long readTimeoutNanos, HttpRequest request, java.net.http.HttpResponse.ResponseInfo info, long deadline,
            SyncCall call) {
        long length = declaredLength(request, info);
        if (length >= 0 && length <= WHOLE_BODY_MAX_BYTES && length <= options.maxResponseBytes()) {
            call.watchBody(readTimeoutNanos, deadline);
            return java.net.http.HttpResponse.BodySubscribers.ofByteArray();
        }
        IdleTimeoutBodySubscriber body = new IdleTimeoutBodySubscriber(options.readTimeout(),
                options.maxResponseBytes(), length, deadline);
        call.body = body;
        return body;
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(TransportFailures.closed(name()));
        }
        java.net.http.HttpRequest jdkRequest = toJdk(request, options.readTimeout());
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        AtomicBoolean sending = new AtomicBoolean();
        AtomicReference<Future<?>> exchange = new AtomicReference<>();
        inFlight.put(result, new InFlight(request, sending));
        CompletableFuture<ConcurrencyLimiter.Permit> slot = limiter.acquire();

        ScheduledFuture<?> deadline = Deadlines.schedule(
                () -> result.completeExceptionally(TransportFailures.deadline(request, sending.get())),
                options.callTimeout());

        slot.thenAccept(permit -> {
            if (result.isDone() || closed.get()) {
                permit.release();
                result.completeExceptionally(TransportFailures.closed(name()));
                return;
            }
            sending.set(true);
            try {
                // client.send on a thread of our pool, not client.sendAsync: the latter ends every exchange with a
                // hop through the common pool, which on a machine of 1 or 2 CPUs starts a new thread per call.
                Future<?> call = executor.submit(() -> exchange(request, jdkRequest, permit, result));
                exchange.set(call);
                if (result.isDone()) {
                    call.cancel(true);
                }
            } catch (RejectedExecutionException e) {
                // Closed meanwhile: the pool is shut down.
                permit.release();
                result.completeExceptionally(TransportFailures.closed(name()));
            } catch (RuntimeException e) {
                permit.release();
                result.completeExceptionally(e);
            }
        });

        // Deadline, caller's cancel or close: abort whatever is under way.
        result.whenComplete((response, failure) -> {
            inFlight.remove(result);
            deadline.cancel(false);
            if (failure != null) {
                slot.cancel(false);
                slot.thenAccept(ConcurrencyLimiter.Permit::release);
                // Interrupts the thread in client.send, which cancels the exchange (JDK 16 and later).
                Future<?> call = exchange.get();
                if (call != null) {
                    call.cancel(true);
                }
            }
        });
        if (closed.get()) {
            result.completeExceptionally(TransportFailures.closed(name()));
        }
        return result;
    }

    /**
     * One exchange, on a thread of the transport's pool: sends, reads the whole body and completes {@code result}.
     * Cancelling the task (deadline, the caller's cancel, close) interrupts the thread, which aborts the exchange.
     */
    private void exchange(HttpRequest request, java.net.http.HttpRequest jdkRequest,
            ConcurrencyLimiter.Permit permit, CompletableFuture<HttpResponse> result) {
        java.net.http.HttpResponse<byte[]> response;
        try {
            // As in a synchronous call, the handler captures nothing of this transport.
            Duration readTimeout = options.readTimeout();
            long maxBytes = options.maxResponseBytes();
            response = open().send(jdkRequest, info -> new IdleTimeoutBodySubscriber(readTimeout, maxBytes,
                    declaredLength(request, info)));
        } catch (InterruptedException e) {
            // Only a cancelled task is interrupted: the result is already complete, unless the pool was shut down.
            permit.release();
            result.completeExceptionally(closed.get() ? TransportFailures.closedDuringCall(request, name(), e)
                    : TransportFailures.interrupted(request, true, e));
            return;
        } catch (IllegalArgumentException | SecurityException e) {
            // The request refused by the JDK (a CONNECT, say): the caller's error, reported as is.
            permit.release();
            result.completeExceptionally(e);
            return;
        } catch (IOException | RuntimeException e) {
            permit.release();
            result.completeExceptionally(TransportFailures.classify(e, request, name()));
            return;
        }
        permit.release();
        HttpResponse converted;
        try {
            converted = fromJdk(response);
        } catch (RuntimeException e) {
            // A status outside 100-599 or a header the JDK let through: fail now, not at the deadline.
            result.completeExceptionally(TransportFailures.invalidResponse(request, name(), e));
            return;
        }
        result.complete(converted);
    }

    /** The JDK's request; {@code headersTimeout} is the JDK's request timeout, which ends once the headers are in. */
    private java.net.http.HttpRequest toJdk(HttpRequest request, Duration headersTimeout) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(headersTimeout);
        for (Map.Entry<String, String> h : request.headers().entries()) {
            if (!HttpHeaders.isSetByHttpLibrary(h.getKey())) {
                b.header(h.getKey(), h.getValue());
            }
        }
        if (proxyAuthorization != null) {
            b.setHeader("Proxy-Authorization", proxyAuthorization);
        }
        java.net.http.HttpRequest.BodyPublisher body = request.bodyLength() == 0
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.bodyUnsafe());
        return b.method(request.method(), body).build();
    }

    /**
     * The length of the body the response announces, or -1 when it announces none: no Content-Length (or one the
     * JDK will refuse anyway), or a response that has no body whatever its Content-Length says (to a HEAD, a 1xx,
     * 204 or 304).
     */
    private static long declaredLength(HttpRequest request, java.net.http.HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        if (request.method().equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return -1;
        }
        try {
            return info.headers().firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static HttpResponse fromJdk(java.net.http.HttpResponse<byte[]> response) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (h.getKey().startsWith(":")) {
                continue;
            }
            for (String v : h.getValue()) {
                headers.add(h.getKey(), v);
            }
        }
        return HttpResponse.ofOwnedBody(response.statusCode(), headers.build(), response.body());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            inFlight.forEach((result, call) -> result.completeExceptionally(call.sending().get()
                    ? TransportFailures.closedDuringCall(call.request(), name(), null)
                    : TransportFailures.closed(name())));
            syncCalls.forEach(SyncCall::endByClose);
            executor.shutdownNow();
            HttpClient c = client;
            client = null;
            shutdownClient(c);
        }
    }

    /** The client, or the failure of a call on a transport closed meanwhile (nothing was sent). */
    private HttpClient open() {
        HttpClient c = client;
        if (c == null) {
            throw TransportFailures.closed(name());
        }
        return c;
    }

    /** On JDK 21+ the client can be shut down at once; on 17 it is released when unreachable. */
    private static void shutdownClient(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
        } catch (ReflectiveOperationException e) {
            // JDK 17-20: no shutdown method; the selector thread ends when the client is collected.
        }
    }

    @Override
    public String toString() {
        return "JdkHttpTransport" + options;
    }

    private record InFlight(HttpRequest request, AtomicBoolean sending) {
    }

    /**
     * A synchronous call on its caller's thread. It is ended by interrupting that thread (the JDK then aborts the
     * exchange, or the wait for a slot ends): by {@link #close()}, or by the {@link BodyWatch} when a body read by
     * the JDK's own subscriber takes longer than the read timeout or passes the deadline. The lock makes sure no
     * interrupt lands once the call has finished, and {@link #finish()} clears the one sent, so the caller's
     * thread is left as it was.
     */
    private static final class SyncCall implements BodyWatch.Watched {
        /** Why the transport ended the call. */
        enum End { CLOSED, READ_TIMEOUT, DEADLINE }

        private final Thread thread = Thread.currentThread();
        /** The body's subscriber once the headers are in, if it is the transport's own. */
        volatile IdleTimeoutBodySubscriber body;
        /** For a body read by the JDK's subscriber: when the headers came, and the limits it has. */
        private volatile long bodyStart;
        private volatile long bodyReadTimeout;
        private volatile long deadline;
        private volatile boolean watched;
        private boolean finished;
        private End ended;

        /** Starts the watch of a body read by the JDK's own subscriber (called as the headers come in). */
        void watchBody(long readTimeoutNanos, long deadlineNanos) {
            bodyReadTimeout = readTimeoutNanos;
            deadline = deadlineNanos;
            bodyStart = System.nanoTime();
            watched = true;
            BodyWatch.watch(this);
        }

        @Override
        public void check(long now) {
            if (deadline - now <= 0) {
                end(End.DEADLINE);
            } else if (now - bodyStart >= bodyReadTimeout) {
                end(End.READ_TIMEOUT);
            }
        }

        void endByClose() {
            end(End.CLOSED);
        }

        private void end(End why) {
            synchronized (this) {
                if (finished || ended != null) {
                    return;
                }
                ended = why;
                thread.interrupt();
            }
            BodyWatch.unwatch(this);
        }

        synchronized End ended() {
            return ended;
        }

        /** Called on the caller's thread when the call is over. */
        void finish() {
            synchronized (this) {
                finished = true;
                if (ended != null) {
                    Thread.interrupted();
                }
            }
            if (watched) {
                BodyWatch.unwatch(this);
            }
        }
    }

    /**
     * Proxy credentials are sent preemptively as a header rather than through an {@link java.net.Authenticator}:
     * with an authenticator installed the JDK turns a server's 401 into an {@code IOException} and retries rejected
     * proxy credentials, where the SDK wants both answers returned as responses. The JDK itself sends
     * {@code Proxy-*} headers to the proxy only, never to the target server.
     */
    private static String basicCredentials(ProxyOptions proxy) {
        String pair = proxy.username() + ":" + proxy.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.ISO_8859_1));
    }
}
