package io.github.walletdevice.transport.okhttp;

import io.github.walletdevice.core.internal.Deadlines;
import io.github.walletdevice.core.transport.ProxyOptions;
import io.github.walletdevice.core.transport.TransportOptions;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/** Builds the OkHttp clients behind {@link OkHttpTransport}. */
final class OkHttpClients {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Where a 503's Retry-After waits while OkHttp decides on follow-ups. */
    private static final String HELD_RETRY_AFTER = "X-Walletdevice-Held-Retry-After";

    /** Outermost network interceptor: a 503's Retry-After leaves OkHttp's follow-up logic nothing to act on. */
    private static final Interceptor HOLD_RETRY_AFTER = chain -> {
        Response response = chain.proceed(chain.request());
        if (response.code() != 503 || response.header("Retry-After") == null) {
            return response;
        }
        return response.newBuilder().headers(renamed(response.headers(), "Retry-After", HELD_RETRY_AFTER)).build();
    };

    /** Innermost application interceptor: the Retry-After back under its own name, as the server sent it. */
    private static final Interceptor RESTORE_RETRY_AFTER = chain -> {
        Response response = chain.proceed(chain.request());
        if (response.header(HELD_RETRY_AFTER) == null) {
            return response;
        }
        return response.newBuilder().headers(renamed(response.headers(), HELD_RETRY_AFTER, "Retry-After")).build();
    };

    private OkHttpClients() {
    }

    /**
     * A client of its own for the options: daemon dispatcher threads, no replays, and a fresh pool that keeps as
     * many idle connections as calls may be in flight (OkHttp's default of 5 makes a busy client open and close
     * connections all the time), each for {@link TransportOptions#idleConnectionTimeout()}.
     */
    static OkHttpClient build(TransportOptions options) {
        Dispatcher dispatcher = new Dispatcher(dispatcherExecutor());
        // The call layer admits calls (its maxConcurrentRequests, also these options'); the dispatcher must not hold
        // back one it has admitted.
        dispatcher.setMaxRequests(options.maxConcurrentRequests());
        dispatcher.setMaxRequestsPerHost(options.maxConcurrentRequests());
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(options.maxConcurrentRequests(),
                        millis(options.idleConnectionTimeout()), TimeUnit.MILLISECONDS))
                .connectTimeout(millis(options.connectTimeout()), TimeUnit.MILLISECONDS)
                .readTimeout(millis(options.readTimeout()), TimeUnit.MILLISECONDS)
                .writeTimeout(millis(options.writeTimeout()), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false);
        withoutFollowUps(b);
        ChannelSockets sockets = new ChannelSockets();
        X509TrustManager trustManager = options.trustManager().orElseGet(OkHttpClients::platformTrustManager);
        SSLContext tls = options.sslContext().orElseGet(() -> tlsContext(trustManager));
        b.socketFactory(sockets.plainFactory())
                .sslSocketFactory(sockets.tls(tls.getSocketFactory(), (int) millis(options.connectTimeout())),
                        trustManager)
                .networkInterceptors().add(0, new StaleConnections(sockets));
        options.proxy().ifPresent(proxy -> {
            b.proxySelector(proxy.proxySelector());
            if (proxy.hasCredentials()) {
                b.proxyAuthenticator(resendingAfresh(proxyAuthenticator(proxy)));
            }
        });
        return b.build();
    }

    /**
     * The user's client, sharing its pool, dispatcher and interceptors, with everything that could make OkHttp
     * repeat a request by itself off: redirects, retries on connection failure, and follow-ups of a 503 (see
     * {@link #withoutFollowUps}). The user's authenticators still answer 401 and 407 challenges.
     */
    static OkHttpClient withoutReplays(OkHttpClient client) {
        OkHttpClient.Builder b = client.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .authenticator(resendingAfresh(client.authenticator()))
                .proxyAuthenticator(resendingAfresh(client.proxyAuthenticator()));
        withoutFollowUps(b);
        if (StaleConnections.in(b.networkInterceptors()) == null) {
            ChannelSockets sockets = new ChannelSockets();
            if (client.socketFactory() == SocketFactory.getDefault()) {
                b.socketFactory(sockets.plainFactory());
            }
            if (client.x509TrustManager() != null) {
                b.sslSocketFactory(sockets.tls(client.sslSocketFactory(), client.connectTimeoutMillis()),
                        client.x509TrustManager());
            }
            b.networkInterceptors().add(0, new StaleConnections(sockets));
        }
        return b.build();
    }

    /** The JVM's default trust manager, which OkHttp would use when given no TLS settings. */
    private static X509TrustManager platformTrustManager() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The JVM has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM's default trust manager is unavailable", e);
        }
    }

    /** A TLS context trusting what the trust manager trusts, with no client certificate (OkHttp's default). */
    private static SSLContext tlsContext(X509TrustManager trustManager) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustManager}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable", e);
        }
    }

    /**
     * Keeps OkHttp's {@code RetryAndFollowUpInterceptor} from repeating a request answered 503: it does so when
     * {@code Retry-After} is {@code 0} (for any method, whatever {@code retryOnConnectionFailure} says) and fails
     * with {@link NumberFormatException} when it is digits beyond an {@code int}. Request bodies are one-shot
     * ({@link SendOnceBody}), which stops every follow-up of a request with a body; a request without one (a
     * {@code GET}) is covered here: a network interceptor, outermost so the user's own see the response as sent,
     * moves a 503's {@code Retry-After} out of OkHttp's sight, and an application interceptor, innermost, puts it
     * back before anyone else sees the response. Applying it twice changes nothing.
     */
    static void withoutFollowUps(OkHttpClient.Builder b) {
        if (!b.interceptors().contains(RESTORE_RETRY_AFTER)) {
            b.networkInterceptors().add(0, HOLD_RETRY_AFTER);
            b.interceptors().add(RESTORE_RETRY_AFTER);
        }
    }

    /** The headers with every field {@code from} renamed {@code to}, values untouched (not re-validated). */
    private static Headers renamed(Headers headers, String from, String to) {
        List<String> values = headers.values(from);
        Headers.Builder b = headers.newBuilder().removeAll(from);
        for (String v : values) {
            b.addUnsafeNonAscii(to, v);
        }
        return b.build();
    }

    /**
     * An authenticator whose answer to a 401 or 407 carries a fresh copy of the request body, as the one sent is
     * one-shot by now and OkHttp would not send it again. The challenge means the server (or proxy) refused the
     * request, so sending it with credentials is not a repeat of anything acted on.
     */
    static Authenticator resendingAfresh(Authenticator authenticator) {
        if (authenticator == Authenticator.NONE || authenticator instanceof ResendingAfresh) {
            return authenticator;
        }
        return new ResendingAfresh(authenticator);
    }

    private record ResendingAfresh(Authenticator delegate) implements Authenticator {
        @Override
        public Request authenticate(Route route, Response response) throws IOException {
            Request next = delegate.authenticate(route, response);
            if (next != null && next.body() instanceof SendOnceBody sent) {
                return next.newBuilder().method(next.method(), sent.fresh()).build();
            }
            return next;
        }
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
        return Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(Deadlines.nanos(d)), Integer.MAX_VALUE));
    }
}
