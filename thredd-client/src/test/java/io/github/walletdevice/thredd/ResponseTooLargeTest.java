package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A list answered with more than {@code maxResponseBytes}: the same request would get the same answer, so it is
 * never retried, even though a list is read-only and retried on other failures.
 */
class ResponseTooLargeTest {
    private static final int LIMIT = 1000;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"okhttp, with Content-Length", "okhttp, chunked", "jdk, with Content-Length", "jdk, chunked"})
    void aListAnsweredWithTooLargeABodyIsNotRetried(String transportName, String framing) {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/soap+xml")
                .withBody("<x>" + "a".repeat(5 * LIMIT) + "</x>")
                .withChunkedDribbleDelay(framing.equals("chunked") ? 2 : 0, framing.equals("chunked") ? 1 : 0)));
        try (HttpTransport transport = HttpTransports.create(transportName,
                TransportOptions.builder().maxResponseBytes(LIMIT).build());
                ThreddClient client = ThreddClient.builder().endpoint("http://localhost:" + server.port()
                        + "/service.asmx").credentials("u", "pw1").issCode("PMT").transport(transport).build()) {
            Throwable failure = catchThrowable(() -> client.tokenDevices().list(TokenRef.ofDpan("4111111111111111")));

            assertThat(failure).isInstanceOf(TransportException.class);
            assertThat(((TransportException) failure).reason())
                    .isEqualTo(TransportException.Reason.RESPONSE_TOO_LARGE);
            assertThat(failure.getMessage()).contains(String.valueOf(LIMIT), "maxResponseBytes");
            assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        } finally {
            server.stop();
        }
    }
}
