package io.github.walletdevice.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.TransportException.Reason;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.jdk.JdkHttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries, deadline and limits of {@link CallPipeline}, counted from the server's side (WireMock scenarios). */
class CallPipelineTest {
    /** Fast retries, no jitter: the tests count attempts, never time. */
    private static final RetryPolicy QUICK = RetryPolicy.builder().maxAttempts(3)
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).jitter(0).build();

    private static WireMockServer server;
    private static HoldingTransformer hold;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void start() {
        hold = new HoldingTransformer();
        server = new WireMockServer(options().dynamicPort().extensions(hold));
        server.start();
    }

    @AfterAll
    static void stop() {
        hold.reset();
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        hold.reset();
    }

    @AfterEach
    void close() throws Exception {
        hold.reset();
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private CallPipeline pipeline(RetryPolicy policy) {
        return pipeline(CallPipeline.builder("test").retryPolicy(policy));
    }

    private CallPipeline pipeline(PipelineBuilder builder) {
        CallPipeline e = builder.build();
        closeables.add(e);
        return e;
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    private static HttpRequest postOf(String path) {
        return HttpRequest.post(url(path), "application/json", "{\"amount\":100}".getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a call synchronously or asynchronously, failing as the synchronous call would. */
    static HttpResponse run(CallPipeline pipeline, Call call, boolean async) {
        if (!async) {
            return pipeline.execute(call);
        }
        try {
            return pipeline.executeAsync(call).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void stateChangingCallIsNotRetriedOnceSent(boolean async) {
        server.stubFor(post("/topup").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CallPipeline pipeline = pipeline(QUICK);

        Throwable thrown = catchThrowable(() -> run(pipeline,
                Call.of("topUp", CallKind.STATE_CHANGING, postOf("/topup"), "p-1"), async));

        assertThat(thrown).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.IO);
            assertThat(e.isRequestSent()).isTrue();
        });
        server.verify(1, postRequestedFor(urlEqualTo("/topup")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void stateChangingCallIsNotRetriedOn503(boolean async) {
        server.stubFor(post("/unbind").willReturn(aResponse().withStatus(503)));

        HttpResponse r = run(pipeline(QUICK),
                Call.of("unbind", CallKind.STATE_CHANGING, postOf("/unbind"), null), async);

        assertThat(r.statusCode()).isEqualTo(503);
        server.verify(1, postRequestedFor(urlEqualTo("/unbind")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void readOnlyCallIsRetriedOn503WithANewRequestIdPerAttempt(boolean async) {
        server.stubFor(post("/list").inScenario("503").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post("/list").inScenario("503").whenScenarioStateIs("up")
                .willReturn(ok("devices")));
        Call call = new Call("list", CallKind.READ_ONLY, n -> new Attempt(
                postOf("/list").toBuilder().header("X-Request-Id", "wsid-" + n).build(), "wsid-" + n));

        HttpResponse r = run(pipeline(QUICK), call, async);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsString()).isEqualTo("devices");
        List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo("/list")));
        assertThat(received).extracting(q -> q.getHeader("X-Request-Id")).containsExactly("wsid-1", "wsid-2");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void readOnlyCallIsRetriedAfterAFaultAndA503(boolean async) {
        server.stubFor(post("/list").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("busy"));
        server.stubFor(post("/list").inScenario("flaky").whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post("/list").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(ok("devices")));

        HttpResponse r = run(pipeline(QUICK),
                Call.of("list", CallKind.READ_ONLY, postOf("/list"), null), async);

        assertThat(r.bodyAsString()).isEqualTo("devices");
        server.verify(3, postRequestedFor(urlEqualTo("/list")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void readOnlyCallGivesUpAfterMaxAttempts(boolean async) {
        server.stubFor(post("/list").willReturn(aResponse().withStatus(503)));

        HttpResponse r = run(pipeline(QUICK),
                Call.of("list", CallKind.READ_ONLY, postOf("/list"), null), async);

        assertThat(r.statusCode()).isEqualTo(503);
        server.verify(3, postRequestedFor(urlEqualTo("/list")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void connectionRefusedIsRetriedEvenWhenStateChangingThenGivesUp(boolean async) throws IOException {
        URI nowhere = URI.create("http://127.0.0.1:" + freePort() + "/topup");
        AtomicInteger attempts = new AtomicInteger();
        Call call = new Call("topUp", CallKind.STATE_CHANGING, n -> {
            attempts.incrementAndGet();
            return new Attempt(HttpRequest.post(nowhere, "application/json", new byte[] {'{', '}'}),
                    "p-" + n);
        });

        Throwable thrown = catchThrowable(() -> run(pipeline(QUICK), call, async));

        assertThat(thrown).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CONNECT);
            assertThat(e.isRequestSent()).isFalse();
        });
        assertThat(attempts).hasValue(3);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void retryAfterIsHonouredOverALongerBackoff(boolean async) {
        server.stubFor(get("/list").inScenario("ra").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("up"));
        server.stubFor(get("/list").inScenario("ra").whenScenarioStateIs("up").willReturn(ok("devices")));
        // The policy's own backoff (60 s) would not fit in the deadline: only Retry-After lets the retry happen.
        RetryPolicy slow = QUICK.toBuilder().initialBackoff(Duration.ofSeconds(60))
                .maxBackoff(Duration.ofSeconds(60)).build();
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").retryPolicy(slow)
                .callTimeout(Duration.ofSeconds(20)));

        HttpResponse r = run(pipeline, Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/list")).build(), null), async);

        assertThat(r.bodyAsString()).isEqualTo("devices");
        server.verify(2, getRequestedFor(urlEqualTo("/list")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void retryAfterBeyondTheDeadlineEndsRetrying(boolean async) {
        server.stubFor(get("/list").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").retryPolicy(QUICK)
                .callTimeout(Duration.ofSeconds(5)));

        HttpResponse r = run(pipeline, Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/list")).build(), null), async);

        assertThat(r.statusCode()).isEqualTo(503);
        server.verify(1, getRequestedFor(urlEqualTo("/list")));
    }

    @ParameterizedTest(name = "async={0}, Retry-After={1}")
    @CsvSource({
        "false, 10000000000", "true, 10000000000",
        "false, 99999999999999999999999", "true, 99999999999999999999999",
        "false, 'Fri, 31 Dec 9999 23:59:59 GMT'", "true, 'Fri, 31 Dec 9999 23:59:59 GMT'"})
    void retryAfterTooFarAheadToRepresentReturnsTheResponseAtOnce(boolean async, String retryAfter) {
        // Seconds beyond what a Duration holds in nanoseconds, beyond a long, and a date 8000 years ahead: no retry
        // can wait that long within the deadline, so the 503 is the answer (not an overflow, not the deadline).
        server.stubFor(get("/list").willReturn(aResponse().withStatus(503).withHeader("Retry-After", retryAfter)));
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").retryPolicy(QUICK)
                .callTimeout(Duration.ofSeconds(5)));

        HttpResponse r = run(pipeline, Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/list")).build(), null), async);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains(retryAfter);
        server.verify(1, getRequestedFor(urlEqualTo("/list")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void callDeadlineBoundsAnAttemptEvenWhenTheTransportWouldWaitLonger(boolean async) {
        server.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(5000)));
        HttpTransport patient = new JdkHttpTransport(TransportOptions.builder()
                .readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(30)).build());
        closeables.add(patient);
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").transport(patient).retryPolicy(QUICK)
                .callTimeout(Duration.ofMillis(500)));

        Throwable thrown = catchThrowable(() -> run(pipeline, Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/slow")).build(), null), async));

        assertThat(thrown).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.DEADLINE);
            assertThat(e.isRequestSent()).isTrue();
        });
        // A deadline is final: no retry follows it.
        server.verify(1, getRequestedFor(urlEqualTo("/slow")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void maxConcurrentRequestsLimitsCallsThroughThePipeline(boolean async) throws Exception {
        server.stubFor(get("/held").willReturn(ok("released").withTransformers(HoldingTransformer.NAME)));
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").retryPolicy(RetryPolicy.none())
                .maxConcurrentRequests(2).callTimeout(Duration.ofSeconds(20)));
        Call call = Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/held")).build(), null);

        List<CompletableFuture<HttpResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(async ? pipeline.executeAsync(call)
                    : CompletableFuture.supplyAsync(() -> pipeline.execute(call)));
        }
        int arrived = 0;
        for (int i = 0; i < calls.size(); i++) {
            int expected = Math.min(i + 2, calls.size());
            assertThat(hold.awaitArrivals(expected - arrived)).isTrue();
            arrived = expected;
            hold.release(1);
        }
        for (CompletableFuture<HttpResponse> c : calls) {
            assertThat(c.get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("released");
        }
        assertThat(hold.maxInFlight()).isEqualTo(2);
    }

    @Test
    void thousandsOfQueuedCallsThatFailFastAllFailAndTheSlotComesBack() throws Exception {
        // The first call holds the only slot while 2000 queue; then it fails and so does every other at once, so
        // each hand-over of the slot happens inside the previous one. None may be lost, and the client must still
        // be able to send afterwards.
        TransportException refused = new TransportException("refused at once", Reason.IO, true, null);
        CompletableFuture<HttpResponse> first = new CompletableFuture<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean healthy = new AtomicBoolean();
        HttpTransport failFast = new HttpTransport() {
            @Override
            public HttpResponse execute(HttpRequest request, long deadlineNanos) {
                return executeAsync(request, deadlineNanos).join();
            }

            @Override
            public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
                if (healthy.get()) {
                    return CompletableFuture.completedFuture(new HttpResponse(200, HttpHeaders.empty(), null));
                }
                if (sent.getAndIncrement() == 0) {
                    return first;
                }
                throw refused;
            }

            @Override
            public String name() {
                return "fail-fast";
            }

            @Override
            public void close() {
            }
        };
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").transport(failFast)
                .retryPolicy(RetryPolicy.none()).maxConcurrentRequests(1).callTimeout(Duration.ofSeconds(10)));
        Call call = Call.of("topUp", CallKind.STATE_CHANGING, postOf("/x"), null);

        CompletableFuture<HttpResponse> holder = pipeline.executeAsync(call);
        List<CompletableFuture<HttpResponse>> queued = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            queued.add(pipeline.executeAsync(call));
        }
        first.completeExceptionally(refused);

        assertThatThrownBy(() -> holder.get(10, TimeUnit.SECONDS)).hasCause(refused);
        for (CompletableFuture<HttpResponse> f : queued) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCause(refused);
        }
        healthy.set(true);
        assertThat(pipeline.execute(call).statusCode()).isEqualTo(200);
        assertThat(pipeline.executeAsync(call).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aSlowContinuationOfOneCallDoesNotDelayAnotherCallsDeadline() throws Exception {
        // Neither call ever gets an answer: each ends at its deadline. The first call's handler (user code) blocks;
        // the second call's deadline must still fire while it does.
        HttpTransport silent = new HttpTransport() {
            @Override
            public HttpResponse execute(HttpRequest request, long deadlineNanos) {
                return executeAsync(request, deadlineNanos).join();
            }

            @Override
            public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
                return new CompletableFuture<>();
            }

            @Override
            public String name() {
                return "silent";
            }

            @Override
            public void close() {
            }
        };
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").transport(silent)
                .retryPolicy(RetryPolicy.none()).callTimeout(Duration.ofMillis(200)));
        Call call = Call.of("list", CallKind.READ_ONLY, postOf("/x"), null);
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch releaseHandler = new CountDownLatch(1);

        CompletableFuture<HttpResponse> a = pipeline.executeAsync(call);
        CompletableFuture<HttpResponse> handledA = a.exceptionally(e -> {
            inHandler.countDown();
            try {
                releaseHandler.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        try {
            assertThat(inHandler.await(20, TimeUnit.SECONDS)).as("call A reached its deadline").isTrue();

            CompletableFuture<HttpResponse> b = pipeline.executeAsync(call);

            assertThatThrownBy(() -> b.get(20, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.DEADLINE));
            assertThat(handledA).isNotDone();
        } finally {
            releaseHandler.countDown();
        }
    }

    @Test
    void cancellingAnAsyncCallAbortsItAndNoRetryFollows() throws Exception {
        server.stubFor(get("/held").willReturn(ok("released").withTransformers(HoldingTransformer.NAME)));
        AtomicInteger attempts = new AtomicInteger();
        Call call = new Call("list", CallKind.READ_ONLY, n -> {
            attempts.incrementAndGet();
            return new Attempt(HttpRequest.builder().uri(url("/held")).build(), null);
        });
        CallPipeline pipeline = pipeline(QUICK);

        CompletableFuture<HttpResponse> f = pipeline.executeAsync(call);
        assertThat(hold.awaitArrivals(1)).isTrue();
        f.cancel(true);
        hold.release(1);

        assertThat(f).isCancelled();
        // A later call through the same executor still works, and the cancelled one made exactly one attempt.
        server.stubFor(get("/ok").willReturn(ok("ok")));
        assertThat(pipeline.execute(Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/ok")).build(), null)).bodyAsString()).isEqualTo("ok");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aTransportPassedInIsNotClosedButAnOwnedOneIs() {
        server.stubFor(get("/ok").willReturn(ok("ok")));
        HttpTransport users = new JdkHttpTransport(TransportOptions.defaults());
        closeables.add(users);
        Call call = Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/ok")).build(), null);

        CallPipeline borrowing = CallPipeline.builder("test").transport(users).build();
        borrowing.close();
        CallPipeline owning = CallPipeline.builder("test").build();
        HttpTransport owned = owning.transport();
        owning.close();

        assertThat(users.execute(call.attempts().apply(1).request(), Deadlines.after(Duration.ofSeconds(20))).bodyAsString()).isEqualTo("ok");
        assertThatThrownBy(() -> owned.execute(call.attempts().apply(1).request(), Deadlines.after(Duration.ofSeconds(20))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));
    }

    @Test
    void anAttemptBuilderThatThrowsFailsTheAsyncCall() {
        IllegalStateException boom = new IllegalStateException("no more ids");
        Call call = new Call("list", CallKind.READ_ONLY, n -> {
            throw boom;
        });

        assertThatThrownBy(() -> pipeline(QUICK).executeAsync(call).join()).hasCause(boom);
        assertThatThrownBy(() -> pipeline(QUICK).execute(call)).isSameAs(boom);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aBugInATransportIsRethrownAsIsAndNotRetried(boolean async) {
        IllegalStateException bug = new IllegalStateException("bug in a user's transport");
        AtomicInteger calls = new AtomicInteger();
        HttpTransport broken = new HttpTransport() {
            @Override
            public HttpResponse execute(HttpRequest request, long deadlineNanos) {
                calls.incrementAndGet();
                throw bug;
            }

            @Override
            public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
                calls.incrementAndGet();
                return CompletableFuture.failedFuture(bug);
            }

            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void close() {
            }
        };
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").transport(broken).retryPolicy(QUICK));

        Throwable thrown = catchThrowable(() -> run(pipeline, Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/x")).build(), null), async));

        assertThat(thrown).isSameAs(bug);
        assertThat(calls).hasValue(1);
    }

    /** A transport that answers synchronously only: its asynchronous method must not be used by a sync call. */
    private static final class SyncOnlyTransport implements HttpTransport {
        final List<Long> deadlinesLeft = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        final AtomicInteger failuresFirst = new AtomicInteger();


        @Override
        public HttpResponse execute(HttpRequest request, long deadlineNanos) {
            deadlinesLeft.add(deadlineNanos - System.nanoTime());
            threads.add(Thread.currentThread());
            if (failuresFirst.getAndDecrement() > 0) {
                throw new TransportException("refused", Reason.CONNECT, false, null);
            }
            return new HttpResponse(200, HttpHeaders.empty(), "sync".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
            throw new AssertionError("executeAsync used by a synchronous call");
        }

        @Override
        public String name() {
            return "sync-only";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSynchronousCallSendsOnTheCallersThreadWithTheCallDeadline() {
        SyncOnlyTransport sync = new SyncOnlyTransport();
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").transport(sync).retryPolicy(QUICK)
                .maxConcurrentRequests(1).callTimeout(Duration.ofSeconds(30)));

        HttpResponse r = pipeline.execute(Call.of("list", CallKind.READ_ONLY, postOf("/x"), null));

        assertThat(r.bodyAsString()).isEqualTo("sync");
        assertThat(sync.threads).containsExactly(Thread.currentThread());
        assertThat(sync.deadlinesLeft).singleElement()
                .satisfies(left -> assertThat(left).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30).toNanos()));
    }

    @Test
    void aSynchronousCallRetriesWhatTheTransportsDeadlineBoundMethodThrowsUnderTheSameDeadline() {
        SyncOnlyTransport sync = new SyncOnlyTransport();
        sync.failuresFirst.set(2);
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").transport(sync).retryPolicy(QUICK)
                .callTimeout(Duration.ofSeconds(30)));

        HttpResponse r = pipeline.execute(Call.of("topUp", CallKind.STATE_CHANGING, postOf("/x"), null));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sync.deadlinesLeft).hasSize(3);
        // One deadline for the whole call: each attempt has less time left than the one before.
        assertThat(sync.deadlinesLeft.get(1)).isLessThan(sync.deadlinesLeft.get(0));
        assertThat(sync.deadlinesLeft.get(2)).isLessThan(sync.deadlinesLeft.get(1));
    }

    /** A user's transport implementing only the asynchronous method; every call gets {@code pending}. */
    private static HttpTransport asyncOnly(CompletableFuture<HttpResponse> pending) {
        return new HttpTransport() {

            @Override
            public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
                return pending;
            }

            @Override
            public String name() {
                return "async-only";
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aTransportWithoutTheDeadlineBoundMethodIsWaitedForUntilTheDeadlineAndCancelled() throws Exception {
        // A user's transport implementing only the asynchronous method: the interface's default sends asynchronously,
        // ends the wait at the call deadline and cancels the exchange.
        CompletableFuture<HttpResponse> pending = new CompletableFuture<>();
        HttpTransport asyncOnly = asyncOnly(pending);
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").transport(asyncOnly)
                .retryPolicy(RetryPolicy.none()).callTimeout(Duration.ofMillis(200)));

        Throwable thrown = catchThrowable(() -> pipeline.execute(
                Call.of("list", CallKind.READ_ONLY, postOf("/x"), null)));

        assertThat(thrown).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.DEADLINE);
            assertThat(e.isRequestSent()).isTrue();
        });
        assertThat(pending).isCancelled();
    }

    @Test
    void anInterruptedSynchronousCallThroughTheDefaultFailsAsCancelledWithTheInterruptKept() {
        CompletableFuture<HttpResponse> pending = new CompletableFuture<>();
        HttpTransport asyncOnly = asyncOnly(pending);
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").transport(asyncOnly)
                .retryPolicy(QUICK).callTimeout(Duration.ofSeconds(30)));

        Thread.currentThread().interrupt();
        Throwable thrown;
        boolean stillInterrupted;
        try {
            thrown = catchThrowable(() -> pipeline.execute(
                    Call.of("list", CallKind.READ_ONLY, postOf("/x"), null)));
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(thrown).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
            assertThat(e.isRequestSent()).isTrue();
        });
        assertThat(stillInterrupted).isTrue();
        assertThat(pending).isCancelled();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cancel", "orTimeout", "complete"})
    void completingTheCallersFutureInAnyWayAbortsTheExchange(String how) throws Exception {
        CompletableFuture<HttpResponse> pending = new CompletableFuture<>();
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").transport(asyncOnly(pending))
                .retryPolicy(QUICK).callTimeout(Duration.ofSeconds(60)));
        CompletableFuture<String> f = pipeline.executeAsync(Call.of("list", CallKind.READ_ONLY, postOf("/x"), null),
                HttpResponse::bodyAsString);

        switch (how) {
            case "cancel" -> f.cancel(true);
            case "orTimeout" -> f.orTimeout(50, TimeUnit.MILLISECONDS);
            default -> f.complete("mine");
        }

        // Bounded wait for the transport's exchange to be cancelled (orTimeout completes on another thread).
        Throwable aborted = catchThrowable(() -> pending.get(20, TimeUnit.SECONDS));
        assertThat(aborted).isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void callsWaitingForASlotAreCancelledWithoutBeingSent() throws Exception {
        server.stubFor(get("/held").willReturn(ok("released").withTransformers(HoldingTransformer.NAME)));
        server.stubFor(get("/never").willReturn(ok("never")));
        server.stubFor(get("/after").willReturn(ok("after")));
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").retryPolicy(RetryPolicy.none())
                .maxConcurrentRequests(1).callTimeout(Duration.ofSeconds(20)));

        CompletableFuture<HttpResponse> held = pipeline.executeAsync(Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/held")).build(), null));
        assertThat(hold.awaitArrivals(1)).isTrue();
        CompletableFuture<HttpResponse> waiting = pipeline.executeAsync(Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/never")).build(), null));
        waiting.cancel(true);
        CompletableFuture<HttpResponse> after = pipeline.executeAsync(Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(url("/after")).build(), null));
        hold.release(1);

        assertThat(held.get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("released");
        assertThat(after.get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("after");
        assertThat(waiting).isCancelled();
        server.verify(0, getRequestedFor(urlEqualTo("/never")));
    }

    @Test
    void aHugeCallTimeoutNeverOverflows() {
        server.stubFor(get("/ok").willReturn(ok("ok")));
        CallPipeline pipeline = pipeline(CallPipeline.builder("test").callTimeout(Duration.ofDays(1_000_000)));
        Call call = Call.of("list", CallKind.READ_ONLY, HttpRequest.builder().uri(url("/ok")).build(), null);

        assertThat(pipeline.execute(call).bodyAsString()).isEqualTo("ok");
        assertThat(pipeline.executeAsync(call).join().bodyAsString()).isEqualTo("ok");
    }
}
