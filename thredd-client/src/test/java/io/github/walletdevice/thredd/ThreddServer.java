package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransportProvider;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The WireMock server the contract tests run against, on loopback, and how they build clients for it. */
final class ThreddServer {
    static final String PATH = "/hyperion/service.asmx";
    static final String USER = "gps-user";
    static final String PASSWORD = "Pa55-w0rd!";
    static final Map<String, String> NS12 = Map.of("soap", Fixtures.SOAP12, "hyp", Fixtures.HYP);
    static final Map<String, String> NS11 = Map.of("soap", Fixtures.SOAP11, "hyp", Fixtures.HYP);

    private static final Pattern WSID = Pattern.compile("<(?:\\w+:)?WSID>(\\d+)</");

    private ThreddServer() {
    }

    static WireMockExtension extension(HoldingTransformer hold, ArrivalRecorder arrivals) {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(80)
                        .extensions(hold, arrivals))
                .build();
    }

    /** The transports to run against: the JDK's always, OkHttp when on the class path. */
    static List<String> transports() {
        return HttpTransports.providers().stream().map(HttpTransportProvider::name).toList();
    }

    static long wsidOf(String body) {
        Matcher m = WSID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No WSID in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    static ResponseDefinitionBuilder soap(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/soap+xml; charset=utf-8")
                .withBody(body);
    }

    /** A client and the transport it runs on, closed together. */
    record TestClient(ThreddClient client, HttpTransport transport) implements AutoCloseable {
        TokenDevices devices() {
            return client.tokenDevices();
        }

        @Override
        public void close() {
            client.close();
            transport.close();
        }
    }

    static TestClient client(WireMockExtension wm, String transport, Consumer<ThreddClient.Builder> settings) {
        return client(wm, transport, Duration.ofSeconds(10), settings);
    }

    static TestClient client(WireMockExtension wm, String transport, Duration readTimeout,
                             Consumer<ThreddClient.Builder> settings) {
        HttpTransport t = HttpTransports.create(transport, TransportOptions.builder()
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(readTimeout).build());
        ThreddClient.Builder b = ThreddClient.builder().endpoint(wm.url(PATH)).credentials(USER, PASSWORD)
                .issCode("PMT").transport(t);
        settings.accept(b);
        return new TestClient(b.build(), t);
    }
}
