package io.github.walletdevice.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.ValidationException;
import java.util.concurrent.CompletionException;
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
            CardCommandsResponse r = client.getParkCardCommands(Fixtures.park());
            assertThat(r.isOk()).isTrue();
            assertThat(r.balance()).isEqualTo(1200L);
        }
    }

    /** Exactly the example of {@link AnswerShape}'s javadoc and docs/gateway.md. */
    private static final AnswerShape DOCUMENTED_EXAMPLE = (api, answer) -> {
        ObjectNode out = answer.objectNode();
        out.set("statusCode", answer.path("result").path("code"));
        out.set("statusMessage", answer.path("result").path("text"));
        out.set("commands", answer.path("data").path("cmds"));
        return out;
    };

    @Test
    void theDocumentedExampleReadsAFinalAnswerWithoutCommandsOrText() {
        tes.stubFor(post(urlEqualTo(path(GatewayApi.PARK_CARD_COMMANDS)))
                .willReturn(okJson("{\"result\":{\"code\":0},\"data\":{}}")));
        try (DeviceGatewayClient client = client().answerShape(DOCUMENTED_EXAMPLE).build()) {
            CardCommandsResponse r = client.getParkCardCommands(Fixtures.park());
            assertThat(r.isOk()).isTrue();
            assertThat(r.statusMessage()).isNull();
            assertThat(r.commands()).isEmpty();
        }
    }

    @Test
    void aShapeThatFailsOnAnAnswerGivesAMalformedResponseWithItsFailureAsCause() {
        tes.stubFor(post(urlEqualTo(path(GatewayApi.PARK_CARD_COMMANDS)))
                .willReturn(okJson("{\"statusCode\":0}")));
        AnswerShape failing = (api, answer) -> {
            ObjectNode out = (ObjectNode) answer.get("result"); // null here
            out.put("statusCode", 0);
            return out;
        };
        try (DeviceGatewayClient client = client().answerShape(failing).build()) {
            assertThatThrownBy(() -> client.getParkCardCommands(Fixtures.park()))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("AnswerShape failed")
                    .hasCauseInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> client.getParkCardCommandsAsync(Fixtures.park()).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("AnswerShape failed").hasCauseInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void aMissingShapeIsRefusedByName() {
        assertThatThrownBy(() -> client().answerShape(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("answerShape"));
    }
}
