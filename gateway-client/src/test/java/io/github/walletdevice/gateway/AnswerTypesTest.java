package io.github.walletdevice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.walletdevice.core.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where the answer type of an operation is decided: by each request type, and by {@link GatewayApi}; they agree. */
class AnswerTypesTest {

    private static GatewayRequest<?> request(GatewayApi api) {
        return switch (api) {
            case CARD_COMMANDS -> Fixtures.topUp();
            case PARK_CARD_COMMANDS -> Fixtures.park();
            case READER_MODE_COMMANDS -> Fixtures.readerMode();
        };
    }

    @ParameterizedTest
    @EnumSource(GatewayApi.class)
    void theRequestAndItsOperationGiveTheSameAnswerType(GatewayApi api) {
        GatewayRequest<?> request = request(api);
        GatewayResponse typed = request.answer(StatusCode.OK, "OK", List.of(), GatewayJson.node(5), Map.of());
        GatewayResponse byApi = api.failure(StatusCode.of(112), null);
        assertThat(request.api()).isEqualTo(api);
        assertThat(typed.api()).isEqualTo(api);
        assertThat(byApi.api()).isEqualTo(api);
        assertThat(typed).hasSameClassAs(byApi);
        assertThat(typed.balance()).isEqualTo(5L);
        assertThat(byApi.statusMessage()).isEqualTo(StatusCode.of(112).description());
    }

    @Test
    void cardAndParkShareOneAnswerTypeThatSaysWhichItAnswers() {
        CardCommandsResponse card = Fixtures.topUp().answer(StatusCode.OK, null, List.of(), null, Map.of());
        CardCommandsResponse park = Fixtures.park().answer(StatusCode.OK, null, List.of(), null, Map.of());
        assertThat(card.api()).isEqualTo(GatewayApi.CARD_COMMANDS);
        assertThat(park.api()).isEqualTo(GatewayApi.PARK_CARD_COMMANDS);
        assertThat(card.withApi(GatewayApi.PARK_CARD_COMMANDS)).isEqualTo(park);
        assertThat(CardCommandsResponse.completed(7).withApi(GatewayApi.PARK_CARD_COMMANDS).toString())
                .startsWith("CardCommandsResponse[getParkCardCommands, statusCode=0");
    }

    @Test
    void readerModeTakesItsAccountOutOfTheOtherFields() {
        Map<String, JsonNode> other = Map.of("cardAccountId", GatewayJson.node(12345), "vendor", GatewayJson.node("x"));
        ReaderModeCommandsResponse r = Fixtures.readerMode().answer(StatusCode.OK, "OK", List.of(), null, other);
        assertThat(r.cardAccountId()).isEqualTo("12345");
        assertThat(r.extensions()).containsOnlyKeys("vendor");
        assertThatThrownBy(() -> Fixtures.readerMode().answer(StatusCode.OK, "OK", List.of(), null,
                Map.of("cardAccountId", GatewayJson.node(Map.of("id", 1)))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("cardAccountId"));
    }
}
