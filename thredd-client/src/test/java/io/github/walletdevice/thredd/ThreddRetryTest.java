package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.walletdevice.thredd.ThreddServer.PATH;
import static io.github.walletdevice.thredd.ThreddServer.soap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.thredd.ThreddServer.TestClient;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retries and unbind safety against a server that never answers (its requests are held until the test ends), so
 * every attempt ends in a read timeout whatever the machine's speed.
 */
class ThreddRetryTest {
    private static final HoldingTransformer HOLD = new HoldingTransformer();
    private static final ArrivalRecorder ARRIVALS = new ArrivalRecorder();

    @RegisterExtension
    static final WireMockExtension WM = ThreddServer.extension(HOLD, ARRIVALS);

    private static final TokenRef TOKEN = TokenRef.ofDpan("4111111111111111");
    /** Long enough for a busy machine to deliver each request before it runs out, so every attempt arrives. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxAttempts(3)
            .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20)).build();

    @BeforeEach
    void clear() {
        ARRIVALS.clear();
    }

    @AfterEach
    void release() {
        HOLD.reset();
    }

    static List<String> transports() {
        return ThreddServer.transports();
    }

    private static void neverAnswer() {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(200, Fixtures.action("000", 1))
                .withTransformers(HoldingTransformer.NAME)));
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aListThatTimesOutIsRetriedEachTimeWithANewWsid(String transport) {
        neverAnswer();
        try (TestClient c = ThreddServer.client(WM, transport, READ_TIMEOUT, b -> b.retryPolicy(FAST_RETRIES))) {
            assertThatThrownBy(() -> c.devices().list(TOKEN))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.reason()).isEqualTo(TransportException.Reason.READ_TIMEOUT);
                        assertThat(e.isRequestSent()).isTrue();
                    });
        }
        List<Long> wsids = ARRIVALS.wsids();
        assertThat(wsids).hasSize(3).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void anUnbindThatTimesOutIsNeverResentAndCarriesItsWsid(String transport) {
        neverAnswer();
        try (TestClient c = ThreddServer.client(WM, transport, READ_TIMEOUT, b -> b.retryPolicy(FAST_RETRIES))) {
            assertThatThrownBy(() -> c.devices().unbind(TOKEN, "2"))
                    .isInstanceOfSatisfying(UnbindOutcomeUnknownException.class, e -> {
                        assertThat(ARRIVALS.wsids()).containsExactly(e.wsid());
                        assertThat(e.issCode()).isEqualTo("PMT");
                        assertThat(e.deviceIndex()).isEqualTo("2");
                        assertThat(e.getCause()).isInstanceOf(TransportException.class);
                        assertThat(e.getMessage()).contains("Ws_WebServiceResult", Long.toString(e.wsid()),
                                "411111******1111").doesNotContain("4111111111111111");
                    });
        }
        assertThat(ARRIVALS.bodies()).hasSize(1);
    }

    @Test
    void anAsyncUnbindThatTimesOutFailsItsFutureWithTheWsid() {
        neverAnswer();
        try (TestClient c = ThreddServer.client(WM, "jdk", READ_TIMEOUT, b -> b.retryPolicy(FAST_RETRIES))) {
            CompletableFuture<UnbindResult> f = c.devices().unbindAsync(TOKEN, "2");
            assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(UnbindOutcomeUnknownException.class,
                            e -> assertThat(ARRIVALS.wsids()).containsExactly(e.wsid()));
        }
        assertThat(ARRIVALS.bodies()).hasSize(1);
    }

    @Test
    void aListAnswered503IsRetriedWithANewWsidAndThenSucceeds() {
        WM.stubFor(post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("ok"));
        WM.stubFor(post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(soap(200, Fixtures.answer("list-wrapped.xml", 1002))));
        AtomicLong counter = new AtomicLong(1000);
        try (TestClient c = ThreddServer.client(WM, "jdk",
                b -> b.retryPolicy(FAST_RETRIES).wsidSupplier(counter::incrementAndGet))) {
            TokenDeviceList list = c.devices().list(TOKEN);
            assertThat(list.wsid()).isEqualTo(1002);
            assertThat(list.devices()).hasSize(2);
        }
        assertThat(ARRIVALS.wsids()).containsExactly(1001L, 1002L);
    }

    @Test
    void anUnbindAnswered503IsNotResentAndHasAnUnknownOutcome() {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withBody("busy")));
        try (TestClient c = ThreddServer.client(WM, "jdk", b -> b.retryPolicy(FAST_RETRIES))) {
            assertThatThrownBy(() -> c.devices().unbind(TOKEN, "2"))
                    .isInstanceOfSatisfying(UnbindOutcomeUnknownException.class,
                            e -> assertThat(ARRIVALS.wsids()).containsExactly(e.wsid()));
        }
        assertThat(ARRIVALS.bodies()).hasSize(1);
    }

    @Test
    void anUnbindThatCouldNotConnectWasNotSentSoItsOutcomeIsKnown() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (ThreddClient c = ThreddClient.builder().endpoint("http://127.0.0.1:" + closedPort + "/service.asmx")
                .credentials("u", "pw1").issCode("PMT").retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> c.tokenDevices().unbind(TOKEN, "2"))
                    .isExactlyInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).isRequestSent()).isFalse());
        }
    }
}
