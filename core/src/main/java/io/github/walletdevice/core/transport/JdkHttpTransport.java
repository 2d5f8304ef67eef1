package io.github.walletdevice.core.transport;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A transport on the JDK's {@code java.net.http.HttpClient}: no dependency beyond the JDK.
 *
 * <p>Mapping of {@link TransportOptions}: connect timeout → {@code HttpClient.connectTimeout}; read timeout →
 * the per-request timeout (time until the response headers arrive); write timeout has no JDK counterpart and is
 * covered by the call deadline; call deadline, concurrency limit → enforced here. Proxy credentials are answered
 * through an {@link Authenticator}; note that the JDK refuses Basic proxy authentication for HTTPS tunnels unless
 * the system property {@code jdk.http.auth.tunneling.disabledSchemes} allows it. Redirects are not followed.
 */
public final class JdkHttpTransport implements HttpTransport {
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final TransportOptions options;
    private final ExecutorService executor;
    private final HttpClient client;
    private final ConcurrencyLimiter limiter;
    private final AtomicBoolean closed = new AtomicBoolean();

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
        options.proxy().ifPresent(proxy -> {
            b.proxy(new OptionsProxySelector(proxy));
            if (proxy.hasCredentials()) {
                b.authenticator(new ProxyAuthenticator(proxy));
            }
        });
        this.client = b.build();
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        CompletableFuture<HttpResponse> future = executeAsync(request);
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
        AtomicReference<CompletableFuture<?>> exchange = new AtomicReference<>();
        CompletableFuture<ConcurrencyLimiter.Permit> slot = limiter.acquire();

        ScheduledFuture<?> deadline = Deadlines.schedule(
                () -> result.completeExceptionally(TransportFailures.deadline(request, sending.get())),
                options.callTimeout());

        slot.thenAccept(permit -> {
            if (result.isDone() || closed.get()) {
                permit.release();
                if (!result.isDone()) {
                    result.completeExceptionally(TransportFailures.closed(name()));
                }
                return;
            }
            sending.set(true);
            CompletableFuture<java.net.http.HttpResponse<byte[]>> call =
                    client.sendAsync(jdkRequest, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            exchange.set(call);
            call.whenComplete((response, failure) -> {
                permit.release();
                if (failure != null) {
                    result.completeExceptionally(TransportFailures.classify(failure, request, name()));
                } else {
                    result.complete(fromJdk(response));
                }
            });
            if (result.isDone()) {
                call.cancel(true);
            }
        });

        // Deadline, caller's cancel or close: abort whatever is under way.
        result.whenComplete((response, failure) -> {
            deadline.cancel(false);
            if (failure != null) {
                slot.cancel(false);
                slot.thenAccept(ConcurrencyLimiter.Permit::release);
                CompletableFuture<?> call = exchange.get();
                if (call != null) {
                    call.cancel(true);
                }
            }
        });
        return result;
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(options.readTimeout());
        for (Map.Entry<String, String> h : request.headers().entries()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                b.header(h.getKey(), h.getValue());
            }
        }
        java.net.http.HttpRequest.BodyPublisher body = request.bodyLength() == 0
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.bodyUnsafe());
        return b.method(request.method(), body).build();
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

    /** Routes through the proxy except for the hosts it bypasses. */
    private static final class OptionsProxySelector extends ProxySelector {
        private final ProxyOptions proxy;
        private final List<Proxy> viaProxy;

        OptionsProxySelector(ProxyOptions proxy) {
            this.proxy = proxy;
            this.viaProxy = List.of(new Proxy(Proxy.Type.HTTP,
                    InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        }

        @Override
        public List<Proxy> select(URI uri) {
            return uri.getHost() != null && proxy.bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : viaProxy;
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // The failure reaches the caller as a TransportException; nothing to remember here.
        }
    }

    /** Answers the proxy's 407 challenge, and nothing else (never a server's 401). */
    private static final class ProxyAuthenticator extends Authenticator {
        private final ProxyOptions proxy;

        ProxyAuthenticator(ProxyOptions proxy) {
            this.proxy = proxy;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return new PasswordAuthentication(proxy.username(), proxy.password().toCharArray());
        }
    }
}
