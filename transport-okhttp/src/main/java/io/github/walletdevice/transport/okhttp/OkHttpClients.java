package io.github.walletdevice.transport.okhttp;

import io.github.walletdevice.core.transport.ProxyOptions;
import io.github.walletdevice.core.transport.TransportOptions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** Builds the OkHttp clients behind {@link OkHttpTransport}. */
final class OkHttpClients {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private OkHttpClients() {
    }

    /** A client of its own for the options: daemon dispatcher threads, a fresh pool, no replays. */
    static OkHttpClient build(TransportOptions options) {
        Dispatcher dispatcher = new Dispatcher(dispatcherExecutor());
        // Our limiter admits calls; the dispatcher must not hold back one it has admitted.
        dispatcher.setMaxRequests(options.maxConcurrentRequests());
        dispatcher.setMaxRequestsPerHost(options.maxConcurrentRequests());
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool())
                .connectTimeout(millis(options.connectTimeout()), TimeUnit.MILLISECONDS)
                .readTimeout(millis(options.readTimeout()), TimeUnit.MILLISECONDS)
                .writeTimeout(millis(options.writeTimeout()), TimeUnit.MILLISECONDS)
                .callTimeout(millis(options.callTimeout()), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false);
        options.sslContext().ifPresent(ctx -> b.sslSocketFactory(ctx.getSocketFactory(),
                options.trustManager().orElseThrow()));
        options.proxy().ifPresent(proxy -> {
            b.proxySelector(proxy.proxySelector());
            if (proxy.hasCredentials()) {
                b.proxyAuthenticator(proxyAuthenticator(proxy));
            }
        });
        return b.build();
    }

    /** The user's client, sharing its pool and dispatcher, with the settings that could replay a request off. */
    static OkHttpClient withoutReplays(OkHttpClient client) {
        return client.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    /**
     * Answers a proxy's 407 with Basic credentials, once per request: when the proxy rejects them too, its 407
     * becomes the response. Only the proxy authenticator is set, so a server's 401 is never answered.
     */
    static Authenticator proxyAuthenticator(ProxyOptions proxy) {
        String credentials = Credentials.basic(proxy.username(), proxy.password());
        return (route, response) -> {
            if (response.code() != 407 || response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            return response.request().newBuilder().header("Proxy-Authorization", credentials).build();
        };
    }

    /** OkHttp's default executor has non-daemon threads, which would keep a user's JVM alive after main ends. */
    private static ExecutorService dispatcherExecutor() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "walletdevice-okhttp-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** OkHttp takes whole milliseconds: at least 1, at most Integer.MAX_VALUE (about 24 days). */
    static long millis(Duration d) {
        long ms;
        try {
            ms = d.toMillis();
        } catch (ArithmeticException e) {
            ms = Integer.MAX_VALUE;
        }
        return Math.max(1, Math.min(ms, Integer.MAX_VALUE));
    }
}
