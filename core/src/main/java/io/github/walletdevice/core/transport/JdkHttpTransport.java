package io.github.walletdevice.core.transport;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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
 *   <li>read timeout → the JDK's per-request timeout (until the response headers arrive), then a timer here that
 *       fails the call when the body stalls for as long, so it means "longest wait for bytes" as on OkHttp;</li>
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
 * Threads: each exchange runs {@code HttpClient.send} on a thread of the transport's own pool (daemon threads named
 * {@code walletdevice-jdk-http-N}, reused, one per call in flight; the client's executor too), never on the common
 * {@code ForkJoinPool}, which on 1 or 2 CPUs starts a new thread per task. A deadline, a cancelled future or
 * {@link #close()} interrupts that thread, which aborts the exchange. Synchronous calls wait for that thread
 * ({@link HttpTransport#execute(HttpRequest, long)} is the interface's): {@code send} on the caller's thread
 * could not be aborted at the deadline or by {@code close()} without interrupting the caller's thread.
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

    private final TransportOptions options;
    private final ExecutorService executor;
    private final HttpClient client;
    private final ConcurrencyLimiter limiter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String proxyAuthorization;
    // Calls under way, so that close() can end them instead of leaving their futures pending.
    private final Map<CompletableFuture<HttpResponse>, InFlight> inFlight = new ConcurrentHashMap<>();

    /**
     * Creates a transport.
     *
     * @param options the settings to honour
     */
    public JdkHttpTransport(TransportOptions options) {
        this.options = options;
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

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        CompletableFuture<HttpResponse> future = executeAsync(request);
        ConcurrencyLimiter.runDeferredHandOvers();
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw TransportFailures.interrupted(request, true, e);
        } catch (ExecutionException e) {
            throw TransportFailures.classify(e.getCause(), request, name());
        } catch (CancellationException e) {
            throw TransportFailures.classify(e, request, name());
        }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(TransportFailures.closed(name()));
        }
        java.net.http.HttpRequest jdkRequest = toJdk(request);
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
            response = client.send(jdkRequest, info -> new IdleTimeoutBodySubscriber(options.readTimeout(),
                    options.maxResponseBytes(), declaredLength(request, info)));
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

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(options.readTimeout());
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
            executor.shutdownNow();
            shutdownClient(client);
        }
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
