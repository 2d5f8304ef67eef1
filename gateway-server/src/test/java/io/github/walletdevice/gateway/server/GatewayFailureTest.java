package io.github.walletdevice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.StatusCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** A failure keeps its status through serialisation; bad arguments here and in the adapters name themselves. */
class GatewayFailureTest {

    @Test
    void theStatusSurvivesSerialisation() throws Exception {
        GatewayFailure failure = new GatewayFailure(StatusCode.of(231), "Device lost the card");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(failure);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            GatewayFailure read = (GatewayFailure) in.readObject();
            assertThat(read.status()).isEqualTo(StatusCode.of(231));
            assertThat(read.getMessage()).isEqualTo("Device lost the card");
        }
    }

    @Test
    void aFailureWithStatusZeroOrNoneIsAValidationExceptionNamingStatus() {
        assertThatThrownBy(() -> new GatewayFailure(StatusCode.of(0), "fine"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> new GatewayFailure(GatewayStatus.OK, "fine"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> new GatewayFailure((StatusCode) null, "none"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("status");
    }

    @Test
    void theAdaptersNameAMissingArgument() {
        assertThatThrownBy(() -> GatewayHttpServer.start(null, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("gateway");
        assertThatThrownBy(() -> GatewayHttpServer.start(null, new InetSocketAddress(0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("gateway");
        assertThatThrownBy(() -> GatewayHttpServer.handler(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("gateway");
        assertThatThrownBy(() -> new GatewayServlet(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("gateway");
    }
}
