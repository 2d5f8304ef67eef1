package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.walletdevice.core.testing.Deadline;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.TransportException.Reason;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.core.testing.RawHttpServer;
import io.github.walletdevice.core.testing.SelfSignedCertificate;
import io.github.walletdevice.core.testing.StallingServer;
import io.github.walletdevice.core.testing.TunnelProxy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport TCK: the behaviour every {@link HttpTransport} must show, run as real HTTP on loopback against
 * WireMock. A transport module's test extends this class and implements {@link #createTransport}; both shipped
 * transports (JDK and OkHttp) pass it unchanged.
 *
 * <p>No case depends on timing: concurrency is observed from the server's side with {@link HoldingTransformer},
 * and the timeout cases only assert the kind of failure, with wide margins between the configured timeout and the
 * server's delay.
 */
public abstract class HttpTransportTck {
    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-pa55";
    /** A host that never resolves (RFC 6761), to prove a proxied request never left through another route. */
    private static final String UNRESOLVABLE = "walletdevice-target.invalid";

    private static SelfSignedCertificate certificate;
    private static HoldingTransformer hold;
    private static WireMockServer server;
    private static WireMockServer proxy;

    private final List<HttpTransport> transports = new ArrayList<>();

    /**
     * Creates the transport under test.
     *
     * @param options the options it must honour
     * @return a new transport; the TCK closes it after each test
     */
    protected abstract HttpTransport createTransport(TransportOptions options);

    /**
     * Whether the transport sends Basic proxy credentials when it opens a {@code CONNECT} tunnel for an HTTPS
     * target. OkHttp does; the JDK client refuses Basic for tunnels unless the JVM is started with
     * {@code -Djdk.http.auth.tunneling.disabledSchemes=}. The TCK checks whichever behaviour is declared: success
     * through the tunnel, or the proxy's 407 returned as the response with no credentials sent.
     *
     * @return {@code true} when Basic credentials reach a tunnelling proxy
     */
    protected boolean sendsBasicCredentialsToTunnellingProxies() {
        return true;
    }

    @BeforeAll
    static void startServers() {
        certificate = SelfSignedCertificate.create();
        hold = new HoldingTransformer();
        server = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
                .keystorePath(certificate.keyStore().toString()).keystorePassword(certificate.password())
                .keyManagerPassword(certificate.password()).keystoreType("PKCS12")
                .extensions(hold));
        server.start();
        proxy = new WireMockServer(options().dynamicPort());
        proxy.start();
    }

    @AfterAll
    static void stopServers() {
        hold.reset();
        server.stop();
        proxy.stop();
    }

    @BeforeEach
    void resetServers() {
        server.resetAll();
        proxy.resetAll();
        hold.reset();
    }

    @AfterEach
    void closeTransports() {
        hold.reset();
        transports.forEach(HttpTransport::close);
    }

    /** A transport that is closed after the test. */
    private HttpTransport transport(TransportOptions options) {
        HttpTransport t = createTransport(options);
        transports.add(t);
        return t;
    }

    private HttpTransport transport() {
        return transport(TransportOptions.builder().callTimeout(Duration.ofSeconds(20)).build());
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    private static HttpRequest getOf(String path) {
        return HttpRequest.builder().uri(url(path)).build();
    }

    private static TransportException transportFailure(Throwable t) {
        Throwable c = t instanceof ExecutionException ? t.getCause() : t;
        assertThat(c).isInstanceOf(TransportException.class);
        return (TransportException) c;
    }

    // ---------------------------------------------------------------- statuses, headers, bodies

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 404, 500})
    void everyStatusIsAResponseWithItsHeadersAndBody(int status) {
        String body = status == 204 ? "" : "body of " + status;
        server.stubFor(get("/status").willReturn(aResponse().withStatus(status).withBody(body)
                .withHeader("X-Single", "one").withHeader("X-Repeated", "first", "second")));

        HttpResponse r = transport().execute(getOf("/status"), Deadline.soon());

        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.isSuccessful()).isEqualTo(status < 300);
        assertThat(r.bodyAsString()).isEqualTo(body);
        assertThat(r.headers().firstValue("x-single")).contains("one");
        assertThat(r.headers().allValues("X-REPEATED")).containsExactly("first", "second");
    }

    @Test
    void sendsMethodQueryAndHeadersKeepingRepeats() {
        server.stubFor(any(urlPathEqualTo("/headers")).willReturn(ok()));
        HttpRequest request = HttpRequest.builder().method("PUT").uri(url("/headers?a=1&b=x%20y"))
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"urn:x\"")
                .header("X-Repeated", "first").header("X-Repeated", "second")
                .header("x-actor-id", "tsh-1")
                .body("payload".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(transport().execute(request, Deadline.soon()).statusCode()).isEqualTo(200);

        List<LoggedRequest> received = server.findAll(anyRequestedFor(urlPathEqualTo("/headers")));
        assertThat(received).hasSize(1);
        LoggedRequest got = received.get(0);
        assertThat(got.getMethod().getName()).isEqualTo("PUT");
        assertThat(got.getUrl()).isEqualTo("/headers?a=1&b=x%20y");
        assertThat(got.getHeader("Content-Type")).isEqualTo("application/soap+xml; charset=utf-8; action=\"urn:x\"");
        assertThat(got.getHeaders().getHeader("X-Repeated").values()).containsExactly("first", "second");
        assertThat(got.getHeader("x-actor-id")).isEqualTo("tsh-1");
        assertThat(got.getBodyAsString()).isEqualTo("payload");
    }

    @Test
    void postWithoutBodySendsAnEmptyBody() {
        server.stubFor(post("/empty").willReturn(ok()));

        HttpRequest request = HttpRequest.builder().method("POST").uri(url("/empty")).build();
        assertThat(transport().execute(request, Deadline.soon()).statusCode()).isEqualTo(200);

        List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo("/empty")));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getBody()).isEmpty();
    }

    @Test
    void binaryBodiesRoundTripEveryByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        byte[] reversed = new byte[256];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = all[255 - i];
        }
        server.stubFor(post("/binary").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(reversed)));

        HttpResponse r = transport().execute(
                HttpRequest.post(url("/binary"), "application/octet-stream", all), Deadline.soon());

        assertThat(r.body()).isEqualTo(reversed);
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/binary"))).get(0).getBody()).isEqualTo(all);
    }

    @Test
    void largeBodiesArriveWhole() {
        byte[] up = new byte[5 * 1024 * 1024];
        byte[] down = new byte[5 * 1024 * 1024];
        Random random = new Random(42);
        random.nextBytes(up);
        random.nextBytes(down);
        server.stubFor(post("/large").willReturn(aResponse().withStatus(200).withBody(down)));

        HttpResponse r = transport().execute(HttpRequest.post(url("/large"), "application/octet-stream", up), Deadline.soon());

        assertThat(r.body()).isEqualTo(down);
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/large"))).get(0).getBody()).isEqualTo(up);
    }

    @ParameterizedTest(name = "{0} with {1} body, Retry-After: {2}")
    @CsvSource({
        "POST, a, 0", "POST, an empty, 0", "PUT, a, 0", "PATCH, a, 0", "DELETE, no, 0", "GET, no, 0",
        "POST, a, 10000000000", "GET, no, 10000000000"})
    void a503IsReturnedAsTheResponseAndNeverRepeatedByTheTransport(String method, String body, String retryAfter)
            throws Exception {
        // OkHttp on its own repeats a request answered 503 with "Retry-After: 0", whatever retryOnConnectionFailure
        // says, and fails on a Retry-After beyond an int. Only the SDK's retry policy may decide to repeat.
        server.stubFor(any(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", retryAfter).withBody("busy")));
        HttpTransport t = transport();
        HttpRequest.Builder b = HttpRequest.builder().method(method).uri(url("/busy"));
        if (body.equals("a")) {
            b.header("Content-Type", "application/json").body("{\"amount\":100}".getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = b.build();

        HttpResponse sync = t.execute(request, Deadline.soon());
        server.verify(1, anyRequestedFor(urlEqualTo("/busy")));
        HttpResponse async = t.executeAsync(request, Deadline.soon()).get(20, TimeUnit.SECONDS);
        server.verify(2, anyRequestedFor(urlEqualTo("/busy")));

        for (HttpResponse r : List.of(sync, async)) {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().allValues("Retry-After")).containsExactly(retryAfter);
            assertThat(r.bodyAsString()).isEqualTo("busy");
        }
    }

    // ---------------------------------------------------------------- maxResponseBytes

    private static final int LIMIT = 1024;

    private TransportOptions limitedResponses() {
        return TransportOptions.builder().maxResponseBytes(LIMIT).readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30)).build();
    }

    private static void assertTooLarge(TransportException e) {
        // Not READ_TIMEOUT or DEADLINE: the limit is enforced as the bytes arrive, not after waiting for them all.
        assertThat(e.reason()).isEqualTo(Reason.RESPONSE_TOO_LARGE);
        assertThat(e.isRequestSent()).isTrue();
        assertThat(e.getMessage()).contains("maxResponseBytes", String.valueOf(LIMIT));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {LIMIT - 1, LIMIT})
    void aBodyUpToMaxResponseBytesArrivesWhole(int size) throws Exception {
        byte[] body = "y".repeat(size).getBytes(StandardCharsets.US_ASCII);
        server.stubFor(get("/sized").willReturn(aResponse().withStatus(200).withBody(body)));
        HttpTransport t = transport(limitedResponses());

        assertThat(t.execute(getOf("/sized"), Deadline.soon()).body()).isEqualTo(body);
        assertThat(t.executeAsync(getOf("/sized"), Deadline.soon()).get(30, TimeUnit.SECONDS).body()).isEqualTo(body);
    }

    @Test
    void aBodyOverMaxResponseBytesFails() {
        server.stubFor(get("/sized").willReturn(aResponse().withStatus(200).withBody("y".repeat(LIMIT + 1))));
        HttpTransport t = transport(limitedResponses());

        assertTooLarge(transportFailure(catchThrowable(() -> t.execute(getOf("/sized"), Deadline.soon()))));
        assertTooLarge(transportFailure(catchThrowable(
                () -> t.executeAsync(getOf("/sized"), Deadline.soon()).get(30, TimeUnit.SECONDS))));
    }

    @Test
    void aChunkedBodyUpToMaxResponseBytesArrivesWholeAndOneByteMoreFails() throws Exception {
        String fits = "z".repeat(LIMIT);
        String over = "z".repeat(LIMIT + 1);
        try (RawHttpServer fitting = RawHttpServer.answering(chunked(fits, true));
                RawHttpServer overflowing = RawHttpServer.answering(chunked(over, true))) {
            HttpTransport t = transport(limitedResponses());
            HttpRequest ok = HttpRequest.builder().uri(URI.create("http://localhost:" + fitting.port() + "/")).build();
            HttpRequest tooLarge = HttpRequest.builder()
                    .uri(URI.create("http://localhost:" + overflowing.port() + "/")).build();

            assertThat(t.execute(ok, Deadline.soon()).bodyAsString()).isEqualTo(fits);
            assertThat(t.executeAsync(ok, Deadline.soon()).get(30, TimeUnit.SECONDS).bodyAsString()).isEqualTo(fits);
            assertTooLarge(transportFailure(catchThrowable(() -> t.execute(tooLarge, Deadline.soon()))));
            assertTooLarge(transportFailure(catchThrowable(() -> t.executeAsync(tooLarge, Deadline.soon()).get(30, TimeUnit.SECONDS))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chunked", "content-length"})
    void maxResponseBytesIsEnforcedWhileReadingNotAfter(String framing) throws Exception {
        // The server sends more than the limit (or announces it), then goes silent without ending the body: only a
        // transport that checks as the bytes arrive fails before the read timeout.
        String head = framing.equals("chunked")
                ? chunked("w".repeat(2 * LIMIT), false)
                : "HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n" + "w".repeat(10);
        try (RawHttpServer stalling = RawHttpServer.answeringThenStalling(head.getBytes(StandardCharsets.ISO_8859_1))) {
            HttpTransport t = transport(limitedResponses());
            HttpRequest request = HttpRequest.builder()
                    .uri(URI.create("http://localhost:" + stalling.port() + "/")).build();

            assertTooLarge(transportFailure(catchThrowable(() -> t.execute(request, Deadline.soon()))));
            assertTooLarge(transportFailure(catchThrowable(() -> t.executeAsync(request, Deadline.soon()).get(30, TimeUnit.SECONDS))));
        }
    }

    @Test
    void theContentLengthOfAResponseToHeadIsNotHeldAgainstTheLimit() throws Exception {
        // A HEAD response announces the length of a body it does not carry.
        String raw = "HTTP/1.1 200 OK\r\nContent-Length: " + (10 * LIMIT) + "\r\nConnection: close\r\n\r\n";
        try (RawHttpServer headers = RawHttpServer.answering(raw)) {
            HttpTransport t = transport(limitedResponses());
            HttpRequest request = HttpRequest.builder().method("HEAD")
                    .uri(URI.create("http://localhost:" + headers.port() + "/")).build();

            HttpResponse sync = t.execute(request, Deadline.soon());
            HttpResponse async = t.executeAsync(request, Deadline.soon()).get(30, TimeUnit.SECONDS);

            for (HttpResponse r : List.of(sync, async)) {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Length")).contains(String.valueOf(10 * LIMIT));
                assertThat(r.body()).isEmpty();
            }
        }
    }

    /** A 200 response with the body in one chunk, and the last chunk when {@code end}. */
    private static String chunked(String body, boolean end) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                + (end ? "Connection: close\r\n" : "") + "\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n" + (end ? "0\r\n\r\n" : "");
    }

    @Test
    void redirectsAreReturnedNotFollowed() {
        server.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", "/target")));
        server.stubFor(get("/target").willReturn(ok("followed")));

        HttpResponse r = transport().execute(getOf("/moved"), Deadline.soon());

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains("/target");
        server.verify(0, getRequestedFor(urlEqualTo("/target")));
    }

    // ---------------------------------------------------------------- failures

    @Test
    void connectionRefusedIsConnectAndNotSent() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HttpRequest request = HttpRequest.post(URI.create("http://127.0.0.1:" + port + "/x"), "text/plain",
                "x".getBytes(StandardCharsets.UTF_8));
        HttpTransport t = transport();

        TransportException sync = transportFailure(catchThrowable(() -> t.execute(request, Deadline.soon())));
        TransportException async = transportFailure(catchThrowable(() -> t.executeAsync(request, Deadline.soon()).get()));

        for (TransportException e : List.of(sync, async)) {
            assertThat(e.reason()).isEqualTo(Reason.CONNECT);
            assertThat(e.isRequestSent()).isFalse();
            assertThat(e.getMessage()).contains("127.0.0.1:" + port);
        }
    }

    @Test
    void serverSlowerThanReadTimeoutIsReadTimeoutAfterSending() {
        // A second of read timeout so that even a busy machine delivers the request well before it runs out.
        server.stubFor(post("/slow").willReturn(ok("late").withFixedDelay(5000)));
        HttpTransport t = transport(TransportOptions.builder().readTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(20)).build());

        TransportException e = transportFailure(catchThrowable(() -> t.execute(
                HttpRequest.post(url("/slow"), "text/plain", new byte[] {1}), Deadline.soon())));

        assertThat(e.reason()).isEqualTo(Reason.READ_TIMEOUT);
        assertThat(e.isRequestSent()).isTrue();
    }

    @Test
    void aRequestWithoutBodyWhoseHeadersComeTooLateIsReadTimeoutAfterSending() {
        // The JDK transport starts the wait for the headers when the JDK asks the body for its length: it must also
        // for a GET, whose body is empty.
        server.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(5000)));
        HttpTransport t = transport(TransportOptions.builder().readTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(20)).build());

        TransportException sync = transportFailure(catchThrowable(() -> t.execute(getOf("/slow"), Deadline.soon())));
        TransportException async = transportFailure(catchThrowable(
                () -> t.executeAsync(getOf("/slow"), Deadline.soon()).get(20, TimeUnit.SECONDS)));

        for (TransportException e : List.of(sync, async)) {
            assertThat(e.reason()).isEqualTo(Reason.READ_TIMEOUT);
            assertThat(e.isRequestSent()).isTrue();
        }
    }

    @Test
    void bodyStalledAfterTheHeadersIsReadTimeout() throws Exception {
        try (StallingServer stalling = new StallingServer()) {
            HttpTransport t = transport(TransportOptions.builder().readTimeout(Duration.ofMillis(300))
                    .callTimeout(Duration.ofSeconds(20)).build());
            HttpRequest request = HttpRequest.builder()
                    .uri(URI.create("http://localhost:" + stalling.port() + "/stall")).build();

            TransportException sync = transportFailure(catchThrowable(() -> t.execute(request, Deadline.soon())));
            TransportException async = transportFailure(catchThrowable(() -> t.executeAsync(request, Deadline.soon()).get()));

            for (TransportException e : List.of(sync, async)) {
                assertThat(e.reason()).isEqualTo(Reason.READ_TIMEOUT);
                assertThat(e.isRequestSent()).isTrue();
            }
        }
    }

    @Test
    void bodyStalledAfterTheHeadersEndsAtTheDeadlineWhenThatComesBeforeTheReadTimeout() throws Exception {
        try (StallingServer stalling = new StallingServer()) {
            HttpTransport t = transport(TransportOptions.builder().readTimeout(Duration.ofSeconds(20))
                    .callTimeout(Duration.ofSeconds(20)).build());
            HttpRequest request = HttpRequest.builder()
                    .uri(URI.create("http://localhost:" + stalling.port() + "/stall")).build();

            TransportException e = transportFailure(catchThrowable(
                    () -> t.execute(request, in(Duration.ofMillis(1500)))));

            assertThat(e.reason()).isEqualTo(Reason.DEADLINE);
            assertThat(e.isRequestSent()).isTrue();
        }
    }

    @Test
    void slowTrickleWithinReadTimeoutStillStopsAtTheCallDeadline() {
        // Each read gets bytes well within the read timeout, but the whole body takes 6 s; the deadline is 1 s.
        server.stubFor(get("/trickle").willReturn(ok("x".repeat(40)).withChunkedDribbleDelay(20, 6000)));
        HttpTransport t = transport(TransportOptions.builder().readTimeout(Duration.ofSeconds(3)).build());

        TransportException sync = transportFailure(catchThrowable(
                () -> t.execute(getOf("/trickle"), in(Duration.ofSeconds(1)))));
        TransportException async = transportFailure(catchThrowable(
                () -> t.executeAsync(getOf("/trickle"), in(Duration.ofSeconds(1))).get()));

        for (TransportException e : List.of(sync, async)) {
            assertThat(e.reason()).isEqualTo(Reason.DEADLINE);
            assertThat(e.isRequestSent()).isTrue();
        }
    }

    @Test
    void theTransportsOwnCallTimeoutEndsAnExchangeGivenALaterDeadline() {
        // A transport passed to a client keeps its options' call timeout, even when the client's deadline is later.
        server.stubFor(get("/trickle").willReturn(ok("x".repeat(40)).withChunkedDribbleDelay(20, 6000)));
        HttpTransport t = transport(TransportOptions.builder().readTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(1)).build());

        TransportException sync = transportFailure(catchThrowable(
                () -> t.execute(getOf("/trickle"), in(Duration.ofSeconds(60)))));
        TransportException async = transportFailure(catchThrowable(
                () -> t.executeAsync(getOf("/trickle"), in(Duration.ofSeconds(60))).get(20, TimeUnit.SECONDS)));

        for (TransportException e : List.of(sync, async)) {
            assertThat(e.reason()).isEqualTo(Reason.DEADLINE);
            assertThat(e.isRequestSent()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
            "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void brokenConnectionIsIoAfterSendingAndNeverReplayed(Fault fault) {
        server.stubFor(post("/fault").willReturn(aResponse().withFault(fault)));
        HttpTransport t = transport();

        TransportException e = transportFailure(catchThrowable(() -> t.execute(
                HttpRequest.post(url("/fault"), "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), Deadline.soon())));

        assertThat(e.reason()).isEqualTo(Reason.IO);
        assertThat(e.isRequestSent()).isTrue();
        // The transport itself must never repeat a POST: only the SDK's retry policy may decide that.
        server.verify(1, postRequestedFor(urlEqualTo("/fault")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "HTTP/1.1 999 Odd\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi",
        "HTTP/1.1 200 OK\r\nBad Name: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi"})
    void aResponseThatIsNotValidHttpFailsAtOnceAsIo(String raw) throws Exception {
        try (RawHttpServer odd = RawHttpServer.answering(raw)) {
            // A long deadline: the failure must come from the response, not from waiting the deadline out.
            HttpTransport t = transport(TransportOptions.builder().callTimeout(Duration.ofSeconds(30)).build());
            HttpRequest request = HttpRequest.builder()
                    .uri(URI.create("http://localhost:" + odd.port() + "/odd")).build();

            TransportException sync = transportFailure(catchThrowable(() -> t.execute(request, Deadline.soon())));
            TransportException async = transportFailure(catchThrowable(
                    () -> t.executeAsync(request, Deadline.soon()).get(30, TimeUnit.SECONDS)));

            for (TransportException e : List.of(sync, async)) {
                assertThat(e.reason()).isNotEqualTo(Reason.DEADLINE).isEqualTo(Reason.IO);
                assertThat(e.isRequestSent()).isTrue();
                assertThat(e.getMessage()).contains("not valid HTTP", "localhost:" + odd.port());
            }
        }
    }

    // ---------------------------------------------------------------- execute(request, deadline)

    /** A deadline {@code d} from now, on the nanoTime clock. */
    private static long in(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    @Test
    void executeWithADeadlineReturnsTheResponse() {
        server.stubFor(post("/deadline").willReturn(aResponse().withStatus(201).withBody("created")));

        HttpResponse r = transport().execute(
                HttpRequest.post(url("/deadline"), "text/plain", "new".getBytes(StandardCharsets.UTF_8)),
                in(Duration.ofSeconds(20)));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.bodyAsString()).isEqualTo("created");
        server.verify(1, postRequestedFor(urlEqualTo("/deadline")));
    }

    @Test
    void theDeadlineGivenEndsTheCallAsDeadlineWhateverTheTransportsOwnTimeouts() throws Exception {
        // The transport would wait 30 s; the caller's deadline is a second away, enough for the request to arrive.
        stubHeld();
        HttpTransport t = transport(TransportOptions.builder().readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(30)).build());

        TransportException sync = transportFailure(catchThrowable(
                () -> t.execute(getOf("/held"), in(Duration.ofSeconds(1)))));
        TransportException async = transportFailure(catchThrowable(
                () -> t.executeAsync(getOf("/held"), in(Duration.ofSeconds(1))).get(20, TimeUnit.SECONDS)));

        for (TransportException e : List.of(sync, async)) {
            assertThat(e.reason()).isEqualTo(Reason.DEADLINE);
            assertThat(e.isRequestSent()).isTrue();
        }
        assertThat(hold.awaitArrivals(2)).isTrue();
    }

    @Test
    void executeWithADeadlineStillHasTheReadTimeout() {
        server.stubFor(post("/slow").willReturn(ok("late").withFixedDelay(5000)));
        HttpTransport t = transport(TransportOptions.builder().readTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(20)).build());

        TransportException e = transportFailure(catchThrowable(() -> t.execute(
                HttpRequest.post(url("/slow"), "text/plain", new byte[] {1}), in(Duration.ofSeconds(20)))));

        assertThat(e.reason()).isEqualTo(Reason.READ_TIMEOUT);
        assertThat(e.isRequestSent()).isTrue();
    }

    @Test
    void executeWithADeadlineAlreadyPassedSendsNothing() {
        server.stubFor(get("/late").willReturn(ok()));

        TransportException e = transportFailure(catchThrowable(
                () -> transport().execute(getOf("/late"), System.nanoTime() - 1)));

        assertThat(e.reason()).isEqualTo(Reason.DEADLINE);
        assertThat(e.isRequestSent()).isFalse();
        server.verify(0, anyRequestedFor(urlEqualTo("/late")));
    }

    @Test
    void interruptingTheCallerOfExecuteWithADeadlineEndsTheCallAsCancelledAndKeepsTheInterrupt() throws Exception {
        stubHeld();
        HttpTransport t = transport(TransportOptions.builder().callTimeout(Duration.ofSeconds(20)).build());
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        CompletableFuture<Boolean> interruptStatus = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                t.execute(getOf("/held"), in(Duration.ofSeconds(20)));
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            } finally {
                interruptStatus.complete(Thread.currentThread().isInterrupted());
            }
        }, "tck-interrupted-caller");
        caller.setDaemon(true);
        caller.start();
        assertThat(hold.awaitArrivals(1)).isTrue();

        caller.interrupt();
        // The JDK client aborts at once; OkHttp's blocking I/O notices the interrupt when it next reads.
        hold.release(1);

        TransportException e = transportFailure(outcome.get(20, TimeUnit.SECONDS));
        assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
        assertThat(e.isRequestSent()).isTrue();
        assertThat(e.getMessage()).contains("Interrupted");
        assertThat(interruptStatus.get(20, TimeUnit.SECONDS)).as("interrupt status kept").isTrue();
    }

    @Test
    void executeWithADeadlineOnAnInterruptedThreadFailsAsCancelledAndKeepsTheInterrupt() {
        server.stubFor(get("/any").willReturn(ok()));
        HttpTransport t = transport();

        Thread.currentThread().interrupt();
        Throwable thrown;
        boolean stillInterrupted;
        try {
            thrown = catchThrowable(() -> t.execute(getOf("/any"), in(Duration.ofSeconds(20))));
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        TransportException e = transportFailure(thrown);
        assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
        assertThat(stillInterrupted).isTrue();
        // The transport still works for a caller that is not interrupted.
        assertThat(t.execute(getOf("/any"), in(Duration.ofSeconds(20))).statusCode()).isEqualTo(200);
    }

    @Test
    void sequentialCallsReuseThreadsInsteadOfStartingOnePerCall() throws Exception {
        server.stubFor(get("/any").willReturn(ok("ok")));
        HttpTransport t = transport();
        for (int i = 0; i < 3; i++) {
            assertThat(t.executeAsync(getOf("/any"), Deadline.soon()).get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("ok");
            assertThat(t.execute(getOf("/any"), in(Duration.ofSeconds(20))).bodyAsString()).isEqualTo("ok");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();

        int calls = 20;
        for (int i = 0; i < calls; i++) {
            assertThat(t.executeAsync(getOf("/any"), Deadline.soon()).get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("ok");
            assertThat(t.execute(getOf("/any"), in(Duration.ofSeconds(20))).bodyAsString()).isEqualTo("ok");
        }

        // A thread per call would start at least 2 * calls; a pool reuses the few it has (some slack for the
        // JVM's and the server's own threads).
        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(calls / 2);
    }

    // ---------------------------------------------------------------- proxy

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void stubAuthenticatingProxy() {
        proxy.stubFor(any(urlPathEqualTo("/via-proxy")).atPriority(1)
                .withHeader("Proxy-Authorization", equalTo(basic(PROXY_USER, PROXY_PASSWORD)))
                .willReturn(ok("through the proxy")));
        proxy.stubFor(any(anyUrl()).atPriority(2).willReturn(aResponse().withStatus(407)
                .withHeader("Proxy-Authenticate", "Basic realm=\"p\"")));
    }

    private TransportOptions viaProxy(ProxyOptions proxyOptions) {
        return TransportOptions.builder().proxy(proxyOptions).callTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void proxyRequiringCredentialsGetsThemAndTheRequestGoesThrough() throws Exception {
        stubAuthenticatingProxy();
        HttpTransport t = transport(viaProxy(
                ProxyOptions.of("localhost", proxy.port()).withCredentials(PROXY_USER, PROXY_PASSWORD)));
        HttpRequest request = HttpRequest.post(URI.create("http://" + UNRESOLVABLE + "/via-proxy"), "text/plain",
                "to the target".getBytes(StandardCharsets.UTF_8));

        HttpResponse sync = t.execute(request, Deadline.soon());
        HttpResponse async = t.executeAsync(request, Deadline.soon()).get(20, TimeUnit.SECONDS);

        for (HttpResponse r : List.of(sync, async)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.bodyAsString()).isEqualTo("through the proxy");
        }
        List<LoggedRequest> authorised = proxy.findAll(postRequestedFor(urlEqualTo("/via-proxy"))
                .withHeader("Proxy-Authorization", equalTo(basic(PROXY_USER, PROXY_PASSWORD))));
        assertThat(authorised).hasSize(2);
        assertThat(authorised).allSatisfy(r -> {
            assertThat(r.getHeader("Host")).startsWith(UNRESOLVABLE);
            assertThat(r.getBodyAsString()).isEqualTo("to the target");
        });
    }

    @Test
    void proxyWithoutCredentialsConfiguredAnswers407AsAResponse() {
        stubAuthenticatingProxy();
        HttpTransport t = transport(viaProxy(ProxyOptions.of("localhost", proxy.port())));

        HttpResponse r = t.execute(HttpRequest.builder()
                .uri(URI.create("http://" + UNRESOLVABLE + "/via-proxy")).build(), Deadline.soon());

        assertThat(r.statusCode()).isEqualTo(407);
        proxy.verify(0, anyRequestedFor(anyUrl()).withHeader("Proxy-Authorization", matching(".*")));
    }

    @Test
    void proxyRejectingTheCredentialsAnswers407WithoutEndlessRetries() {
        stubAuthenticatingProxy();
        HttpTransport t = transport(viaProxy(
                ProxyOptions.of("localhost", proxy.port()).withCredentials(PROXY_USER, "wrong")));

        HttpResponse r = t.execute(HttpRequest.builder()
                .uri(URI.create("http://" + UNRESOLVABLE + "/via-proxy")).build(), Deadline.soon());

        assertThat(r.statusCode()).isEqualTo(407);
        assertThat(proxy.findAll(anyRequestedFor(anyUrl()))).hasSizeBetween(1, 2);
    }

    @Test
    void proxyCredentialsAreNeverSentToTheServer() {
        // Through the proxy, the target asks for its own credentials: the proxy's must not answer that.
        proxy.stubFor(any(urlPathEqualTo("/server-auth")).atPriority(1)
                .withHeader("Proxy-Authorization", equalTo(basic(PROXY_USER, PROXY_PASSWORD)))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"s\"")));
        proxy.stubFor(any(anyUrl()).atPriority(2).willReturn(aResponse().withStatus(407)
                .withHeader("Proxy-Authenticate", "Basic realm=\"p\"")));
        HttpTransport t = transport(viaProxy(
                ProxyOptions.of("localhost", proxy.port()).withCredentials(PROXY_USER, PROXY_PASSWORD)));

        HttpResponse r = t.execute(HttpRequest.builder()
                .uri(URI.create("http://" + UNRESOLVABLE + "/server-auth")).build(), Deadline.soon());

        assertThat(r.statusCode()).isEqualTo(401);
        proxy.verify(0, anyRequestedFor(anyUrl()).withHeader("Authorization",
                matching(".*")));
    }

    @Test
    void nonProxyHostsAreReachedDirectlyAndOthersThroughTheProxy() {
        server.stubFor(get("/direct").willReturn(ok("direct")));
        proxy.stubFor(any(anyUrl()).willReturn(ok("proxied")));
        HttpTransport t = transport(viaProxy(ProxyOptions.of("localhost", proxy.port())
                .withNonProxyHosts(List.of("localhost", "*.example.internal"))));

        HttpResponse direct = t.execute(HttpRequest.builder()
                .uri(URI.create("http://localhost:" + server.port() + "/direct")).build(), Deadline.soon());
        HttpResponse proxied = t.execute(HttpRequest.builder()
                .uri(URI.create("http://" + UNRESOLVABLE + "/elsewhere")).build(), Deadline.soon());

        assertThat(direct.bodyAsString()).isEqualTo("direct");
        assertThat(proxied.bodyAsString()).isEqualTo("proxied");
        proxy.verify(0, anyRequestedFor(urlEqualTo("/direct")));
        proxy.verify(1, anyRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void httpsThroughAProxyRequiringCredentials() throws Exception {
        server.stubFor(get("/secure").willReturn(ok("secure through the tunnel")));
        String credentials = basic(PROXY_USER, PROXY_PASSWORD);
        try (TunnelProxy tunnel = TunnelProxy.start(credentials)) {
            HttpTransport t = transport(TransportOptions.builder()
                    .tls(certificate.sslContext(), certificate.trustManager())
                    .proxy(ProxyOptions.of("localhost", tunnel.port()).withCredentials(PROXY_USER, PROXY_PASSWORD))
                    .callTimeout(Duration.ofSeconds(20)).build());
            HttpRequest request = HttpRequest.builder()
                    .uri(URI.create("https://localhost:" + server.httpsPort() + "/secure")).build();

            HttpResponse r = t.execute(request, Deadline.soon());

            if (sendsBasicCredentialsToTunnellingProxies()) {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.bodyAsString()).isEqualTo("secure through the tunnel");
                assertThat(tunnel.authorizations()).contains(credentials);
                // Inside the tunnel the server sees the request, never the proxy's credentials.
                server.verify(1, getRequestedFor(urlEqualTo("/secure"))
                        .withHeader("Proxy-Authorization", absent()));
            } else {
                assertThat(r.statusCode()).isEqualTo(407);
                assertThat(tunnel.authorizations()).isNotEmpty().doesNotContain(credentials);
                // Only this path: a request held by an earlier test may be logged after the reset, under another.
                server.verify(0, anyRequestedFor(urlEqualTo("/secure")));
            }
        }
    }

    // ---------------------------------------------------------------- TLS

    @Test
    void httpsWithACustomSslContextTrustsItsCertificate() throws Exception {
        server.stubFor(get("/secure").willReturn(ok("secure")));
        HttpTransport t = transport(TransportOptions.builder()
                .tls(certificate.sslContext(), certificate.trustManager())
                .callTimeout(Duration.ofSeconds(20)).build());
        HttpRequest request = HttpRequest.builder()
                .uri(URI.create("https://localhost:" + server.httpsPort() + "/secure")).build();

        assertThat(t.execute(request, Deadline.soon()).bodyAsString()).isEqualTo("secure");
        assertThat(t.executeAsync(request, Deadline.soon()).get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("secure");
    }

    @Test
    void httpsWithoutTheCustomSslContextIsRefusedBeforeSending() {
        server.stubFor(get("/secure").willReturn(ok("secure")));
        HttpTransport t = transport();

        TransportException e = transportFailure(catchThrowable(() -> t.execute(HttpRequest.builder()
                .uri(URI.create("https://localhost:" + server.httpsPort() + "/secure")).build(), Deadline.soon())));

        assertThat(e.reason()).isEqualTo(Reason.CONNECT);
        assertThat(e.isRequestSent()).isFalse();
        server.verify(0, getRequestedFor(urlEqualTo("/secure")));
    }

    /** {@code https://} to a plain-HTTP port: the server answers the TLS hello with plain HTTP; nothing was sent. */
    @Test
    void httpsToAPlainHttpPortFailsAsConnectNotSent() {
        server.stubFor(post("/plain").willReturn(ok("plain")));
        HttpTransport t = transport();

        TransportException e = transportFailure(catchThrowable(() -> t.execute(HttpRequest.post(
                URI.create("https://localhost:" + server.port() + "/plain"), "application/json", new byte[] {'{', '}'}), Deadline.soon())));

        assertThat(e.reason()).isEqualTo(Reason.CONNECT);
        assertThat(e.isRequestSent()).isFalse();
        server.verify(0, postRequestedFor(urlEqualTo("/plain")));
    }

    /**
     * {@code https://} to a server that never answers the TLS hello: the handshake is part of opening the
     * connection, bounded by the connect timeout (not the read timeout), and nothing was sent. Also with a read
     * timeout shorter than the connect timeout: the wait for the response must not start before the connection is
     * up, or a slow handshake would pass for a server that received the request.
     */
    @ParameterizedTest
    @CsvSource({"300, 30000", "1500, 300"})
    void aTlsHandshakeThatNeverCompletesEndsAtTheConnectTimeoutNotSent(long connectMillis, long readMillis)
            throws Exception {
        try (StallingServer silent = new StallingServer()) {
            HttpTransport t = transport(TransportOptions.builder().connectTimeout(Duration.ofMillis(connectMillis))
                    .readTimeout(Duration.ofMillis(readMillis)).callTimeout(Duration.ofSeconds(60)).build());

            TransportException e = transportFailure(catchThrowable(() -> t.execute(HttpRequest.post(
                    URI.create("https://localhost:" + silent.port() + "/x"), "application/json", new byte[] {'1'}), Deadline.soon())));

            assertThat(e.reason()).isEqualTo(Reason.CONNECT_TIMEOUT);
            assertThat(e.isRequestSent()).isFalse();
        }
    }

    // ---------------------------------------------------------------- concurrency, async, cancellation, close

    private void stubHeld() {
        server.stubFor(get("/held").willReturn(ok("released").withTransformers(HoldingTransformer.NAME)));
    }

    @Test
    void asyncCallCompletesWithTheResponse() throws Exception {
        server.stubFor(post("/async").willReturn(aResponse().withStatus(201).withBody("created")));

        CompletableFuture<HttpResponse> f = transport().executeAsync(
                HttpRequest.post(url("/async"), "text/plain", "new".getBytes(StandardCharsets.UTF_8)), Deadline.soon());

        HttpResponse r = f.get(20, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.bodyAsString()).isEqualTo("created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel", "orTimeout", "complete"})
    void completingTheFutureInAnyWayAbortsTheExchange(String how) throws Exception {
        // The body stalls after the headers; the read timeout and the deadline are far off. Only aborting the
        // exchange hangs up on the server.
        try (StallingServer stalling = new StallingServer()) {
            HttpTransport t = transport(TransportOptions.builder().readTimeout(Duration.ofSeconds(60)).build());
            CompletableFuture<HttpResponse> f = t.executeAsync(HttpRequest.builder()
                    .uri(URI.create("http://127.0.0.1:" + stalling.port() + "/stall")).build(), in(Duration.ofSeconds(60)));
            assertThat(stalling.awaitRequest()).as("the request arrived").isTrue();

            switch (how) {
                case "cancel" -> f.cancel(true);
                case "orTimeout" -> f.orTimeout(100, TimeUnit.MILLISECONDS);
                default -> f.complete(null);
            }

            assertThat(stalling.awaitHangUp()).as("the transport hung up on the server").isTrue();
        }
    }

    @Test
    void closedTransportRefusesCallsWithoutSending() {
        server.stubFor(get("/any").willReturn(ok()));
        HttpTransport t = transport();
        t.close();
        t.close();

        TransportException sync = transportFailure(catchThrowable(() -> t.execute(getOf("/any"), Deadline.soon())));
        TransportException async = transportFailure(catchThrowable(() -> t.executeAsync(getOf("/any"), Deadline.soon()).get()));

        for (TransportException e : List.of(sync, async)) {
            assertThat(e.reason()).isEqualTo(Reason.CLOSED);
            assertThat(e.isRequestSent()).isFalse();
        }
        server.verify(0, anyRequestedFor(urlEqualTo("/any")));
    }

    @Test
    void closingEndsCallsInFlight() throws Exception {
        stubHeld();
        HttpTransport t = transport();

        CompletableFuture<HttpResponse> async = t.executeAsync(getOf("/held"), Deadline.soon());
        CompletableFuture<HttpResponse> sync = CompletableFuture.supplyAsync(() -> t.execute(getOf("/held"), Deadline.soon()));
        assertThat(hold.awaitArrivals(2)).isTrue();
        t.close();

        for (CompletableFuture<HttpResponse> f : List.of(async, sync)) {
            Throwable thrown = catchThrowable(() -> f.get(20, TimeUnit.SECONDS));
            TransportException e = transportFailure(thrown);
            assertThat(e.reason()).isEqualTo(Reason.CLOSED);
            assertThat(e.isRequestSent()).isTrue();
        }
    }

    @Test
    void closingEndsSyncCallsInFlightAndLeavesTheirThreadsUninterrupted() throws Exception {
        stubHeld();
        HttpTransport t = transport();
        CallerThread inFlight = CallerThread.start(() -> t.execute(getOf("/held"), in(Duration.ofSeconds(20))));
        assertThat(hold.awaitArrivals(1)).isTrue();

        t.close();

        TransportException sent = transportFailure(inFlight.outcome().get(20, TimeUnit.SECONDS));
        assertThat(sent.reason()).isEqualTo(Reason.CLOSED);
        assertThat(sent.isRequestSent()).isTrue();
        assertThat(inFlight.interruptedAfter().get(20, TimeUnit.SECONDS)).as("caller left interrupted").isFalse();
    }

    /**
     * A call on a thread of its own: how it ended ({@code null} for a response) and whether the thread was left
     * interrupted afterwards.
     */
    private record CallerThread(Thread thread, CompletableFuture<Throwable> outcome,
                                CompletableFuture<Boolean> interruptedAfter) {
        static CallerThread start(Runnable call) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    call.run();
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                } finally {
                    interruptedAfter.complete(Thread.currentThread().isInterrupted());
                }
            }, "tck-caller");
            thread.setDaemon(true);
            thread.start();
            return new CallerThread(thread, outcome, interruptedAfter);
        }
    }
}
