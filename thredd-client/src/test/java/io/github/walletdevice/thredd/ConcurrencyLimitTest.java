package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.walletdevice.thredd.ThreddServer.PATH;
import static io.github.walletdevice.thredd.ThreddServer.soap;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.thredd.ThreddServer.TestClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The in-flight cap seen from the server: requests are held until the test lets them go one at a time, and the
 * server counts how many it holds at once. No timing is involved.
 */
class ConcurrencyLimitTest {
    private static final HoldingTransformer HOLD = new HoldingTransformer();
    private static final ArrivalRecorder ARRIVALS = new ArrivalRecorder();

    @RegisterExtension
    static final WireMockExtension WM = ThreddServer.extension(HOLD, ARRIVALS);

    @AfterEach
    void release() {
        HOLD.reset();
        ARRIVALS.clear();
    }

    private static List<TokenDeviceList> runHeld(int calls, int cap, Consumer<ThreddClient.Builder> settings)
            throws Exception {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(200,
                Fixtures.read("list-wrapped.xml").replace("<WSID>${WSID}</WSID>", ""))
                .withTransformers(HoldingTransformer.NAME)));
        try (TestClient c = ThreddServer.client(WM, "jdk", settings)) {
            List<CompletableFuture<TokenDeviceList>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(c.devices().listAsync(TokenRef.ofDpan("4111111111111111")));
            }
            assertThat(HOLD.awaitArrivals(cap)).as("%d requests reach the server", cap).isTrue();
            // Each release frees one slot, so exactly one more request may arrive.
            for (int i = cap; i < calls; i++) {
                HOLD.release(1);
                assertThat(HOLD.awaitArrivals(1)).isTrue();
            }
            HOLD.release(calls);
            List<TokenDeviceList> results = new ArrayList<>();
            for (CompletableFuture<TokenDeviceList> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    @Test
    void atMostTwentyCallsAreInFlightByDefault() throws Exception {
        List<TokenDeviceList> results = runHeld(35, 20, b -> { });
        assertThat(results).hasSize(35).allSatisfy(r -> assertThat(r.devices()).hasSize(2));
        assertThat(HOLD.maxInFlight()).isEqualTo(20);
        assertThat(new HashSet<>(ARRIVALS.wsids())).hasSize(35);
    }

    @Test
    void theCapIsConfigurable() throws Exception {
        runHeld(8, 3, b -> b.maxConcurrentRequests(3));
        assertThat(HOLD.maxInFlight()).isEqualTo(3);
    }
}
