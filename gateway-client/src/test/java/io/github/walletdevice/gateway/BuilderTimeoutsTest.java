package io.github.walletdevice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder's connect and read timeouts apply to the transport it creates, and are refused with one passed in. */
class BuilderTimeoutsTest {
    private static DeviceGatewayClient.Builder builder() {
        return DeviceGatewayClient.builder().baseUrl("http://127.0.0.1:9").actorId("tsh-1");
    }

    @Test
    void aReadTimeoutWithATransportPassedInIsRefusedNotIgnored() {
        try (HttpTransport transport = HttpTransports.create("jdk", TransportOptions.defaults())) {
            assertThatThrownBy(() -> builder().transport(transport).readTimeout(Duration.ofSeconds(1)).build())
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("readTimeout");
                        assertThat(e.getMessage()).contains("transport passed in", "PT1S");
                    });
            assertThatThrownBy(() -> builder().connectTimeout(Duration.ofSeconds(2)).transport(transport).build())
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("connectTimeout"));
        }
    }

    @Test
    void timeoutsWithoutATransportPassedInBuildAClient() {
        try (DeviceGatewayClient client = builder().readTimeout(Duration.ofSeconds(1))
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            assertThat(client).isNotNull();
        }
    }
}
