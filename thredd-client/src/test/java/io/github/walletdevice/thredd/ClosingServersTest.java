package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.WalletDeviceException;
import io.github.walletdevice.core.testing.PythonHttpServer;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Thredd list and unbind against Python's {@code http.server} closing connections as third-party servers do, on
 * both transports and with no retry: each call finds the connection of the one before closed by the server. None
 * may fail (an unbind would be {@link UnbindOutcomeUnknownException}), none may reach the server twice.
 */
class ClosingServersTest {
    private static final int CALLS = 6;
    private static final TokenRef TOKEN = TokenRef.ofDpan("4111111111111111");

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({"okhttp, HTTP_1_0", "okhttp, IDLE_HALF_SECOND", "okhttp, CLOSE_AFTER_ANSWER",
            "jdk, HTTP_1_0", "jdk, IDLE_HALF_SECOND", "jdk, CLOSE_AFTER_ANSWER"})
    void noListOrUnbindIsLostOrReceivedTwice(String transportName, PythonHttpServer.Mode mode) throws Exception {
        try (PythonHttpServer server = PythonHttpServer.start(mode);
                HttpTransport transport = HttpTransports.create(transportName, TransportOptions.defaults());
                ThreddClient client = ThreddClient.builder().endpoint(server.uri() + "/service.asmx")
                        .credentials("u", "pw1").issCode("PMT").transport(transport)
                        .retryPolicy(RetryPolicy.none()).build()) {
            List<WalletDeviceException> failures = server.callEachOnceTheServerHasClosed(CALLS, i -> {
                if (i % 2 == 0) {
                    client.tokenDevices().list(TOKEN);
                } else {
                    client.tokenDevices().unbind(TOKEN, "2");
                }
            });
            assertThat(failures).as("calls failed out of %d", CALLS).isEmpty();
            server.assertReceivedEachOnce(CALLS);
        }
    }
}
