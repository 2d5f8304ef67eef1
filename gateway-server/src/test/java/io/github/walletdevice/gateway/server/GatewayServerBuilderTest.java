package io.github.walletdevice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every refusal of the builder is a {@link ValidationException} naming the setting, as the clients' builders do. */
class GatewayServerBuilderTest {

    @Test
    void aServerWithoutAnyHandlerIsRefusedNamingTheHandlers() {
        assertThatThrownBy(() -> GatewayServer.builder().build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("handler");
    }

    @Test
    void settingsAreCheckedWhereTheyAreGiven() {
        GatewayServer.Builder b = GatewayServer.builder();
        assertThatThrownBy(() -> b.ttl(Duration.ZERO)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ttl");
        assertThatThrownBy(() -> b.ttl(null)).isInstanceOf(ValidationException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> b.basePath("no/slash")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("basePath");
        assertThatThrownBy(() -> b.basePath("/a\u0000b")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("basePath").hasMessageNotContaining("\u0000");
        assertThatThrownBy(() -> b.sessionStore(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("sessionStore");
        assertThatThrownBy(() -> b.clock(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("clock");
        assertThatThrownBy(() -> b.parkCardCommands(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("handler");
        b.parkCardCommands((request, session) -> CardCommandsResponse.completed(0L)).build();
    }

    @Test
    void aParkHandlersAnswerBuiltByTheSharedFactoriesAnswersPark() {
        GatewayServer server = GatewayServer.builder()
                .parkCardCommands((request, session) -> CardCommandsResponse.completed(42L)).build();
        GatewayResponse answer = server.answer(GatewayApi.PARK_CARD_COMMANDS, "application/json", "TSH",
                "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(answer).isInstanceOf(CardCommandsResponse.class);
        assertThat(answer.api()).isEqualTo(GatewayApi.PARK_CARD_COMMANDS);
        assertThat(answer.balance()).isEqualTo(42L);
    }
}
