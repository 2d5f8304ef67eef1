package io.github.walletdevice.transport.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.internal.Call;
import io.github.walletdevice.core.internal.CallPipeline;
import io.github.walletdevice.core.testing.CapturedLogs;
import io.github.walletdevice.core.testing.Deadline;
import io.github.walletdevice.core.testing.SelfSignedCertificate;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransportProvider;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.ProxyOptions;
import io.github.walletdevice.core.transport.TransportOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is particular to the OkHttp transport: the option mapping, the user's own client, and discovery. */
class OkHttpTransportTest {
    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static HttpRequest getOf(String path) {
        return HttpRequest.builder().uri(URI.create("http://localhost:" + server.port() + path)).build();
    }

    @Test
    void everyOptionIsMappedOntoTheClient() {
        SelfSignedCertificate cert = SelfSignedCertificate.create();
        TransportOptions options = TransportOptions.builder().connectTimeout(Duration.ofMillis(1100))
                .readTimeout(Duration.ofMillis(2200)).writeTimeout(Duration.ofMillis(3300))
                .callTimeout(Duration.ofMillis(4400)).maxConcurrentRequests(7)
                .proxy(ProxyOptions.of("proxy.example", 3128).withCredentials("u", "p")
                        .withNonProxyHosts(List.of("localhost")))
                .tls(cert.sslContext(), cert.trustManager()).build();

        try (OkHttpTransport t = new OkHttpTransport(options)) {
            OkHttpClient c = t.okHttpClient();
            assertThat(c.connectTimeoutMillis()).isEqualTo(1100);
            assertThat(c.readTimeoutMillis()).isEqualTo(2200);
            assertThat(c.writeTimeoutMillis()).isEqualTo(3300);
            // The deadline is given per call: the client has none of its own.
            assertThat(c.callTimeoutMillis()).isZero();
            assertThat(c.dispatcher().getMaxRequests()).isEqualTo(7);
            assertThat(c.dispatcher().getMaxRequestsPerHost()).isEqualTo(7);
            assertThat(c.followRedirects()).isFalse();
            assertThat(c.followSslRedirects()).isFalse();
            assertThat(c.retryOnConnectionFailure()).isFalse();
            assertThat(c.proxyAuthenticator()).isNotSameAs(Authenticator.NONE);
            assertThat(c.authenticator()).isSameAs(Authenticator.NONE);
            assertThat(c.proxySelector().select(URI.create("http://localhost/x")).get(0))
                    .isEqualTo(java.net.Proxy.NO_PROXY);
            assertThat(c.x509TrustManager()).isSameAs(cert.trustManager());
            assertThat(t.name()).isEqualTo("okhttp");
        }
    }

    @Test
    void durationsBecomeWholeMillisecondsWithinOkHttpsRange() {
        assertThat(OkHttpClients.millis(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(OkHttpClients.millis(Duration.ofMillis(1500))).isEqualTo(1500);
        assertThat(OkHttpClients.millis(Duration.ofDays(365))).isEqualTo(Integer.MAX_VALUE);
        assertThat(OkHttpClients.millis(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void proxyAuthenticatorAnswersA407OnceAndNeverA401() throws Exception {
        Authenticator auth = OkHttpClients.proxyAuthenticator(ProxyOptions.of("p", 1).withCredentials("user", "pass"));
        Request request = new Request.Builder().url("http://target.example/x").build();

        Request answered = auth.authenticate(null, response(request, 407));
        Request again = auth.authenticate(null, response(answered, 407));
        Request server401 = auth.authenticate(null, response(request, 401));

        assertThat(answered.header("Proxy-Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
        assertThat(answered.header("Authorization")).isNull();
        assertThat(again).isNull();
        assertThat(server401).isNull();
    }

    private static Response response(Request request, int code) {
        return new Response.Builder().request(request).protocol(okhttp3.Protocol.HTTP_1_1).code(code)
                .message("x").build();
    }

    @Test
    void closingAnOwnedClientShutsItsThreadsAndPoolDown() {
        server.stubFor(get("/ok").willReturn(ok("ok")));
        OkHttpTransport t = new OkHttpTransport(TransportOptions.defaults());
        assertThat(t.executeAsync(getOf("/ok"), Deadline.soon()).join().bodyAsString()).isEqualTo("ok");
        // The pool's own factory, not a look at live threads: OkHttp renames a dispatcher thread while it runs a
        // call, and the future completes before the name is given back.
        ThreadPoolExecutor pool = (ThreadPoolExecutor) t.okHttpClient().dispatcher().executorService();
        assertThat(pool.getLargestPoolSize()).as("threads the call ran on").isPositive();
        Thread made = pool.getThreadFactory().newThread(() -> { });
        assertThat(made.getName()).startsWith("walletdevice-okhttp-");
        assertThat(made.isDaemon()).isTrue();

        t.close();

        assertThat(t.okHttpClient().dispatcher().executorService().isShutdown()).isTrue();
        assertThat(t.okHttpClient().connectionPool().connectionCount()).isZero();
    }

    @Test
    void aUsersClientIsUsedButNeverShutDownAndNeverReplaysOrRedirects() throws Exception {
        server.stubFor(get("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/ok")));
        server.stubFor(get("/ok").willReturn(ok("ok")));
        OkHttpClient users = new OkHttpClient.Builder().callTimeout(7, TimeUnit.SECONDS)
                .followRedirects(true).retryOnConnectionFailure(true).build();
        try {
            OkHttpTransport t = new OkHttpTransport(users);
            assertThat(t.execute(getOf("/moved"), Deadline.soon()).statusCode()).isEqualTo(301);
            assertThat(t.okHttpClient().retryOnConnectionFailure()).isFalse();
            assertThat(t.okHttpClient().dispatcher()).isSameAs(users.dispatcher());
            assertThat(t.okHttpClient().connectionPool()).isSameAs(users.connectionPool());
            assertThat(t.toString()).contains("user's client");
            t.close();

            assertThat(users.dispatcher().executorService().isShutdown()).isFalse();
            try (Response r = users.newCall(new Request.Builder()
                    .url("http://localhost:" + server.port() + "/ok").build()).execute()) {
                assertThat(r.body().string()).isEqualTo("ok");
            }
            assertThatThrownBy(() -> t.execute(getOf("/ok"), Deadline.soon())).isInstanceOf(TransportException.class);
            server.verify(1, getRequestedFor(urlEqualTo("/ok")));
        } finally {
            users.dispatcher().executorService().shutdown();
            users.connectionPool().evictAll();
        }
    }

    @Test
    void aUsersClientReadsBodiesUpToTheDefaultOrTheGivenLimit() {
        server.stubFor(get("/five").willReturn(ok("12345")));
        OkHttpClient users = new OkHttpClient();
        try {
            assertThat(new OkHttpTransport(users).toString())
                    .contains("maxResponseBytes=" + TransportOptions.DEFAULT_MAX_RESPONSE_BYTES);
            assertThat(new OkHttpTransport(users, 5).execute(getOf("/five"), Deadline.soon()).bodyAsString()).isEqualTo("12345");
            assertThatThrownBy(() -> new OkHttpTransport(users, 4).execute(getOf("/five"), Deadline.soon()))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.reason()).isEqualTo(TransportException.Reason.RESPONSE_TOO_LARGE);
                        assertThat(e.getMessage()).contains("4 bytes", "maxResponseBytes");
                    });
            assertThatThrownBy(() -> new OkHttpTransport(users, 0)).isInstanceOf(IllegalArgumentException.class);
        } finally {
            users.dispatcher().executorService().shutdown();
            users.connectionPool().evictAll();
        }
    }

    @Test
    void aUsersClientNeverRepeatsA503ByItselfAndItsInterceptorsSeeTheResponseAsSent() {
        server.stubFor(any(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "0").withHeader("X-After", "kept")));
        List<String> seen = new CopyOnWriteArrayList<>();
        OkHttpClient users = new OkHttpClient.Builder().retryOnConnectionFailure(true).followRedirects(true)
                .addInterceptor(chain -> {
                    Response r = chain.proceed(chain.request());
                    seen.add("application:" + r.headers("Retry-After"));
                    return r;
                })
                .addNetworkInterceptor(chain -> {
                    Response r = chain.proceed(chain.request());
                    seen.add("network:" + r.headers("Retry-After"));
                    return r;
                }).build();
        try {
            OkHttpTransport t = new OkHttpTransport(users);
            HttpRequest post = HttpRequest.post(URI.create("http://localhost:" + server.port() + "/busy"),
                    "application/json", "{\"amount\":100}".getBytes(StandardCharsets.UTF_8));

            io.github.walletdevice.core.HttpResponse r = t.execute(post, Deadline.soon());
            io.github.walletdevice.core.HttpResponse g = t.execute(getOf("/busy"), Deadline.soon());

            for (io.github.walletdevice.core.HttpResponse each : List.of(r, g)) {
                assertThat(each.statusCode()).isEqualTo(503);
                assertThat(each.headers().allValues("Retry-After")).containsExactly("0");
                assertThat(each.headers().firstValue("X-After")).contains("kept");
                assertThat(each.headers().names()).noneMatch(n -> n.toLowerCase(Locale.ROOT).contains("held"));
            }
            server.verify(1, postRequestedFor(urlEqualTo("/busy")));
            server.verify(1, getRequestedFor(urlEqualTo("/busy")));
            assertThat(seen).containsExactly("network:[0]", "application:[0]", "network:[0]", "application:[0]");
            // Both guards once, however often a client is derived.
            OkHttpClient derived = new OkHttpTransport(t.okHttpClient()).okHttpClient();
            assertThat(derived.interceptors()).hasSameSizeAs(t.okHttpClient().interceptors());
            assertThat(derived.networkInterceptors()).hasSameSizeAs(t.okHttpClient().networkInterceptors());
        } finally {
            users.dispatcher().executorService().shutdown();
            users.connectionPool().evictAll();
        }
    }

    @Test
    void aUsersAuthenticatorStillAnswersA401WithTheSameBodyButA503AfterItIsNotRepeated() {
        server.stubFor(post("/auth").atPriority(1).withHeader("Authorization", equalTo("Bearer t"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        server.stubFor(post("/auth").atPriority(2).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer")));
        OkHttpClient users = new OkHttpClient.Builder().authenticator((route, response) ->
                response.request().header("Authorization") != null ? null
                        : response.request().newBuilder().header("Authorization", "Bearer t").build()).build();
        try {
            OkHttpTransport t = new OkHttpTransport(users);

            io.github.walletdevice.core.HttpResponse r = t.execute(HttpRequest.post(
                    URI.create("http://localhost:" + server.port() + "/auth"), "text/plain",
                    "pay 100".getBytes(StandardCharsets.UTF_8)), Deadline.soon());

            assertThat(r.statusCode()).isEqualTo(503);
            List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo("/auth")));
            assertThat(received).extracting(LoggedRequest::getBodyAsString).containsExactly("pay 100", "pay 100");
            assertThat(received.get(1).getHeader("Authorization")).isEqualTo("Bearer t");
        } finally {
            users.dispatcher().executorService().shutdown();
            users.connectionPool().evictAll();
        }
    }

    @Test
    void getWithABodyIsRefusedAsOkHttpRefusesIt() {
        try (OkHttpTransport t = new OkHttpTransport(TransportOptions.defaults())) {
            assertThatThrownBy(() -> t.execute(getOf("/x").toBuilder().body(new byte[] {1}).build(), Deadline.soon()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void okHttpIsTheDefaultTransportWhenThisModuleIsPresent() {
        assertThat(HttpTransports.providers()).extracting(HttpTransportProvider::name)
                .containsExactly("okhttp", "jdk");
        try (HttpTransport t = HttpTransports.createDefault(TransportOptions.defaults())) {
            assertThat(t).isInstanceOf(OkHttpTransport.class);
        }
        try (HttpTransport t = HttpTransports.create("jdk", TransportOptions.defaults())) {
            assertThat(t.name()).isEqualTo("jdk");
        }
        assertThat(new OkHttpTransportProvider().priority()).isEqualTo(OkHttpTransportProvider.PRIORITY);
    }

    @Test
    void aClientsPipelineLogsThroughTheCoreTestBindingAndUsesOkHttpByDefault() {
        server.stubFor(get("/ok").willReturn(ok("ok")));
        CapturedLogs.clear();
        try (CallPipeline pipeline = CallPipeline.builder("okhttp-test").build()) {
            pipeline.execute(Call.of("ping", CallKind.READ_ONLY, getOf("/ok"), "id-1"));
        }

        assertThat(CapturedLogs.linesOf("io.github.walletdevice.okhttp-test")).singleElement()
                .satisfies(l -> assertThat(l).contains("ping", "status=200", "via=okhttp"));
    }

    @Test
    void aSynchronousCallRunsOnTheCallersThreadWithTheCallDeadline() {
        server.stubFor(get("/ok").willReturn(ok("ok")));
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<Long> callTimeouts = new CopyOnWriteArrayList<>();
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60))
                .addInterceptor(chain -> {
                    threads.add(Thread.currentThread());
                    callTimeouts.add(chain.call().timeout().timeoutNanos());
                    return chain.proceed(chain.request());
                }).build();
        try (OkHttpTransport t = new OkHttpTransport(client);
                CallPipeline pipeline = CallPipeline.builder("okhttp-test").transport(t)
                        .callTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse r = pipeline.execute(Call.of("ping", CallKind.READ_ONLY, getOf("/ok"), "id-1"));
            assertThat(r.bodyAsString()).isEqualTo("ok");
        } finally {
            client.dispatcher().executorService().shutdown();
        }

        // No dispatcher thread, and not OkHttp's call timeout (the client's 60 s): the SDK's deadline watch ends
        // the call at the pipeline's deadline (the transport TCK checks that it does).
        assertThat(threads).containsExactly(Thread.currentThread());
        assertThat(callTimeouts).containsExactly(0L);
    }
}
