package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An unbind sent to {@code https://} on a plain-HTTP port: the TLS handshake fails, nothing was sent, so the
 * outcome is known (not done) and the failure is a plain {@link TransportException}, never
 * {@link UnbindOutcomeUnknownException}.
 */
class HttpsToPlainPortTest {
    @ParameterizedTest
    @ValueSource(strings = {"okhttp", "jdk"})
    void anUnbindThatCouldNotHandshakeIsKnownNotSent(String transportName) {
        WireMockServer plain = new WireMockServer(options().dynamicPort());
        plain.start();
        try (HttpTransport transport = HttpTransports.create(transportName, TransportOptions.defaults());
                ThreddClient client = ThreddClient.builder().endpoint("https://localhost:" + plain.port()
                        + "/service.asmx").credentials("u", "pw1").issCode("PMT").transport(transport)
                        .retryPolicy(RetryPolicy.none()).build()) {
            Throwable failure = catchThrowable(() -> client.tokenDevices().unbind(
                    TokenRef.ofDpan("4111111111111111"), "2"));

            assertThat(failure).isExactlyInstanceOf(TransportException.class);
            TransportException e = (TransportException) failure;
            assertThat(e.isRequestSent()).isFalse();
            assertThat(e.reason()).isEqualTo(TransportException.Reason.CONNECT);
            assertThat(plain.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        } finally {
            plain.stop();
        }
    }
}
