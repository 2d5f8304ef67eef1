package io.github.walletdevice.core.transport.jdk;

import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.internal.Deadlines;
import io.github.walletdevice.core.internal.TimeoutWatch;
import io.github.walletdevice.core.internal.TransportFailures;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.ProxyOptions;
import io.github.walletdevice.core.transport.TransportOptions;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A transport on the JDK's {@code java.net.http.HttpClient}: no dependency beyond the JDK.
 *
 * <p>Mapping of {@link TransportOptions}:
 * <ul>
 *   <li>connect timeout → {@code HttpClient.connectTimeout};</li>
 *   <li>read timeout → a check here (every 10 ms, one thread for all exchanges) that ends the call when the
 *       response headers do not arrive within it of the request going out (the JDK asks for the body's length once
 *       the connection is up), then when the body stalls for as long, so it means "longest wait for bytes" as on
 *       OkHttp; except that a body of at most 64 KiB with a {@code Content-Length} must arrive whole within the read
 *       timeout (it is read by the JDK's own subscriber, which saves a thread hand-off per call). The JDK's
 *       per-request timeout is not set: the JDK arms a timer and wakes its selector thread for it on every
 *       request;</li>
 *   <li>write timeout → no JDK counterpart: a request that cannot be written is bounded by the call deadline;</li>
 *   <li>call deadline → the one each call is given, enforced by the same check;
 *       the limit on calls in flight belongs to the clients' call layer, not to the transport;</li>
 *   <li>proxy → a {@link java.net.ProxySelector} honouring the non-proxy hosts; Basic credentials are sent to the
 *       proxy with each proxied request (the JDK strips {@code Proxy-*} headers from requests that do not go
 *       through it), and a proxy's 407 or a server's 401 is returned as a response;</li>
 *   <li>TLS → {@code HttpClient.sslContext}.</li>
 *   <li>max response bytes → checked here against the {@code Content-Length}, then counted as the body arrives
 *       (the body subscriber cancels the rest once the limit is passed).</li>
 * </ul>
 * Threads: an exchange runs {@code HttpClient.send} on one thread, watched by that check until it ends, so it needs
 * no timer of its own: the caller's thread for
 * {@link #execute(HttpRequest, long)}, and for {@link #executeAsync} a thread of the transport's own pool (daemon
 * threads named {@code walletdevice-jdk-http-N}, reused, one per call in flight; the client's executor too), never the
 * common {@code ForkJoinPool}, which on 1 or 2 CPUs starts a new thread per task. {@link #close()}, a passed deadline
 * or a cancelled future ends an exchange by interrupting its thread (the JDK aborts the exchange), and the interrupt
 * is cleared again before the thread goes on.
 * HTTP/1.1 only; redirects are not followed; the JDK never replays a non-idempotent request by itself. The
 * headers {@code Content-Length}, {@code Host}, {@code Connection}, {@code Expect} and {@code Upgrade} are set by
 * the client library and dropped from the request (the same on every walletdevice transport). A response that is
 * not valid HTTP (a status outside 100–599, a header the JDK refuses) fails at once with
 * {@link TransportException} of reason {@code IO}, as on OkHttp.
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
    /**
     * The JDK's client; {@code null} once closed, so that on JDK 17-20 (no shutdown method) the client becomes
     * unreachable, and its selector thread and pooled connections end, even while this transport is still referenced.
     */
    private volatile HttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String proxyAuthorization;

    /**
     * Creates a transport.
     *
     * @param options the settings to honour
     */
    public JdkHttpTransport(TransportOptions options) {
        this.options = options;
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
                .map(JdkMessages::basicCredentials).orElse(null);
    }

    @Override
    public String name() {
        return "jdk";
    }

    /**
     * Sends on the caller's thread, with no hand-off to another thread (see the class description).
     */
    @Override
    public HttpResponse execute(HttpRequest request, long deadlineNanos) {
        return run(new JdkExchange(this, options, request, Deadlines.sooner(deadlineNanos, options.callTimeout())));
    }

    /**
     * Sends on a thread of the transport's pool; completing the future in any way first (a cancel, an
     * {@code orTimeout}) ends the exchange.
     */
    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(TransportFailures.closed(name()));
        }
        long deadline = Deadlines.sooner(deadlineNanos, options.callTimeout());
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        AtomicReference<JdkExchange> running = new AtomicReference<>();
        try {
            executor.execute(() -> {
                JdkExchange exchange = new JdkExchange(this, options, request, deadline);
                running.set(exchange);
                if (result.isDone()) {
                    return;
                }
                try {
                    result.complete(run(exchange));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: the pool is shut down.
            return CompletableFuture.failedFuture(TransportFailures.closed(name()));
        }
        result.whenComplete((response, failure) -> {
            JdkExchange exchange = running.get();
            if (exchange != null) {
                exchange.end(JdkExchange.End.CANCELLED);
            }
        });
        return result;
    }

    /**
     * Runs an exchange on the current thread, under the shared timeout watch, where {@link #close()} finds it to end
     * it.
     */
    private HttpResponse run(JdkExchange exchange) {
        if (closed.get()) {
            throw TransportFailures.closed(name());
        }
        exchange.start();
        try {
            // close() sets the flag before it ends the exchanges it finds: one watched after that sees the flag.
            if (closed.get()) {
                throw TransportFailures.closed(name());
            }
            return exchange.send(open(), proxyAuthorization);
        } finally {
            exchange.finish();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            TimeoutWatch.forEachWatched(w -> {
                if (w instanceof JdkExchange e && e.runsOn(this)) {
                    e.end(JdkExchange.End.CLOSED);
                }
            });
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
}
