package io.github.walletdevice.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.walletdevice.core.CallInterceptor;
import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.InterceptorException;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.testing.CapturedLogs;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@link CallInterceptor} seam of the {@link CallPipeline}, against a real HTTP server on loopback. */
class CallPipelineInterceptorTest {
    private static final RetryPolicy QUICK = RetryPolicy.builder().maxAttempts(3)
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).jitter(0).build();

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
        CapturedLogs.clear();
    }

    private static Call list(String path) {
        return Call.of("list", CallKind.READ_ONLY,
                HttpRequest.builder().uri(URI.create("http://localhost:" + server.port() + path)).build(), "id-1");
    }

    private static CallInterceptor header(String name, String value) {
        return chain -> chain.proceed(chain.request().toBuilder().header(name, value).build());
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aHeaderAddedByAnInterceptorReachesTheServer(boolean async) {
        server.stubFor(get("/signed").withHeader("X-Signature", equalTo("sig-1")).willReturn(ok("signed")));
        try (CallPipeline pipeline = CallPipeline.builder("test")
                .addInterceptor(header("X-Signature", "sig-1")).build()) {
            assertThat(CallPipelineTest.run(pipeline, list("/signed"), async).bodyAsString()).isEqualTo("signed");
        }
        server.verify(1, getRequestedFor(urlEqualTo("/signed")).withHeader("X-Signature", equalTo("sig-1")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void anInterceptorThatThrowsEndsTheCallWithATypedErrorAndNothingIsSent(boolean async) {
        server.stubFor(get("/x").willReturn(ok()));
        IllegalStateException keyMissing = new IllegalStateException("signing key not found");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        try (CallPipeline pipeline = CallPipeline.builder("test").retryPolicy(QUICK).addInterceptor(chain -> {
            attempts.add(chain.attempt());
            throw keyMissing;
        }).build()) {
            Throwable thrown = catchThrowable(() -> CallPipelineTest.run(pipeline, list("/x"), async));

            assertThat(thrown).isInstanceOfSatisfying(InterceptorException.class, e -> {
                assertThat(e.isRequestSent()).isFalse();
                assertThat(e).hasCause(keyMissing).hasMessageContaining("list").hasMessageContaining("nothing was sent");
            });
        }
        assertThat(attempts).as("not retried").containsExactly(1);
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void anSdkExceptionFromAnInterceptorIsPassedOnAsIs(boolean async) {
        ValidationException refused = new ValidationException("token", "present", null);
        try (CallPipeline pipeline = CallPipeline.builder("test").addInterceptor(chain -> {
            throw refused;
        }).build()) {
            assertThat(catchThrowable(() -> CallPipelineTest.run(pipeline, list("/x"), async))).isSameAs(refused);
        }
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void interceptorsRunInTheOrderAddedAndSeeTheResponseInReverse(boolean async) {
        server.stubFor(get("/order").willReturn(ok("ok")));
        List<String> seen = new CopyOnWriteArrayList<>();
        CallInterceptor first = chain -> {
            seen.add("first sees " + chain.request().headers().allValues("X-Trail"));
            HttpResponse r = chain.proceed(chain.request().toBuilder().header("X-Trail", "first").build());
            seen.add("first back");
            return r;
        };
        CallInterceptor second = chain -> {
            seen.add("second sees " + chain.request().headers().allValues("X-Trail"));
            HttpResponse r = chain.proceed(chain.request().toBuilder().header("X-Trail", "second").build());
            seen.add("second back");
            return r;
        };
        try (CallPipeline pipeline = CallPipeline.builder("test").addInterceptor(first).addInterceptor(second)
                .build()) {
            CallPipelineTest.run(pipeline, list("/order"), async);
        }
        assertThat(seen).containsExactly("first sees []", "second sees [first]", "second back", "first back");
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/order"))).get(0).getHeaders()
                .getHeader("X-Trail").values()).containsExactly("first", "second");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aRetriedCallRunsTheInterceptorsOncePerAttempt(boolean async) {
        server.stubFor(get("/busy").willReturn(aResponse().withStatus(503)));
        List<String> seen = new CopyOnWriteArrayList<>();
        try (CallPipeline pipeline = CallPipeline.builder("test").retryPolicy(QUICK).addInterceptor(chain -> {
            seen.add(chain.operation() + "#" + chain.attempt() + " " + chain.callKind() + " " + chain.callId());
            return chain.proceed(chain.request());
        }).build()) {
            assertThat(CallPipelineTest.run(pipeline, list("/busy"), async).statusCode()).isEqualTo(503);
        }
        assertThat(seen).containsExactly("list#1 READ_ONLY id-1", "list#2 READ_ONLY id-1", "list#3 READ_ONLY id-1");
        server.verify(3, getRequestedFor(urlEqualTo("/busy")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void anInterceptorMayNotSendTwice(boolean async) {
        server.stubFor(get("/once").willReturn(ok()));
        try (CallPipeline pipeline = CallPipeline.builder("test").retryPolicy(RetryPolicy.none())
                .addInterceptor(chain -> {
                    chain.proceed(chain.request());
                    return chain.proceed(chain.request());
                }).build()) {
            assertThat(catchThrowable(() -> CallPipelineTest.run(pipeline, list("/once"), async)))
                    .isInstanceOfSatisfying(InterceptorException.class, e -> assertThat(e.isRequestSent()).isTrue())
                    .hasRootCauseInstanceOf(IllegalStateException.class);
        }
        server.verify(1, getRequestedFor(urlEqualTo("/once")));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void credentialsAnInterceptorAddsNeverReachTheLogs(boolean async) {
        server.stubFor(get("/auth").willReturn(ok("ok")));
        String token = "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu";
        try (CallPipeline pipeline = CallPipeline.builder("interceptlog").logBodies(true)
                .addInterceptor(header("Authorization", token)).addInterceptor(header("X-Api-Key", "k-12345678"))
                .build()) {
            CallPipelineTest.run(pipeline, list("/auth"), async);
        }
        server.verify(1, getRequestedFor(urlEqualTo("/auth")).withHeader("Authorization", equalTo(token)));
        List<String> lines = CapturedLogs.linesOf("io.github.walletdevice.interceptlog");
        assertThat(lines).anyMatch(l -> l.contains("Authorization: ***") && l.contains("X-Api-Key: ***"));
        assertThat(String.join("\n", lines)).doesNotContain("eyJhbGciOiJIUzI1NiJ9").doesNotContain("k-12345678");
    }
}
