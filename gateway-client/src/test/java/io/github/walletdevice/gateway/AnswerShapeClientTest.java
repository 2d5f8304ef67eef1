package io.github.walletdevice.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.core.ValidationException;
import org.junit.jupiter.api.Test;

/** The client reads the TES's answer through the shape set on its builder. */
class AnswerShapeClientTest extends WireMockTes {

    @Test
    void theClientReadsAForeignAnswerThroughItsBuildersShape() {
        tes.stubFor(post(urlEqualTo(path(GatewayApi.PARK_CARD_COMMANDS)))
                .willReturn(okJson("{\"status\":{\"value\":0},\"amount\":\"1200\"}")));
        AnswerShape shape = (api, answer) -> {
            ObjectNode out = answer.objectNode();
            out.set("statusCode", answer.path("status").path("value"));
            out.set("balance", answer.path("amount"));
            return out;
        };
        try (DeviceGatewayClient client = client().answerShape(shape).build()) {
            ParkCardCommandsResponse r = client.getParkCardCommands(Fixtures.park());
            assertThat(r.isOk()).isTrue();
            assertThat(r.balance()).isEqualTo(1200L);
        }
    }

    @Test
    void aMissingShapeIsRefusedByName() {
        assertThatThrownBy(() -> client().answerShape(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("answerShape"));
    }
}
