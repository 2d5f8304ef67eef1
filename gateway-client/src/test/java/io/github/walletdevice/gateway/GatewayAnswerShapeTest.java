package io.github.walletdevice.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The answer's reconstructed parts are read leniently, its confirmed parts are checked, its shape is pluggable. */
class GatewayAnswerShapeTest {

    private static GatewayResponse read(GatewayApi api, String body) {
        return GatewayJson.readResponse(api, body.getBytes(UTF_8));
    }

    @ParameterizedTest
    @EnumSource(GatewayApi.class)
    void theStatusMayComeUnderResponseHeaderAsInTheTesInConvention(GatewayApi api) {
        GatewayResponse r = read(api, "{\"responseHeader\":{\"responseId\":\"r-1\",\"sessionId\":\"s-1\","
                + "\"statusCode\":162,\"statusMessage\":\"Card blocked\"},\"commands\":[]}");
        assertThat(r.statusCode().code()).isEqualTo(162);
        assertThat(r.statusMessage()).isEqualTo("Card blocked");
        assertThat(r.extensions().get("responseHeader").get("sessionId").textValue()).isEqualTo("s-1");
        // Kept, so a TES (or a proxy) writes it back unchanged.
        assertThat(new String(GatewayJson.write(r), UTF_8)).contains("\"responseHeader\":{\"responseId\":\"r-1\"");
    }

    @Test
    void theTopLevelStatusWinsOverAHeaderWithoutOneAndTheSameStatusInBothIsFine() {
        assertThat(read(GatewayApi.CARD_COMMANDS, "{\"statusCode\":0,\"responseHeader\":{\"sessionId\":\"s\"}}")
                .statusCode()).isEqualTo(StatusCode.OK);
        assertThat(read(GatewayApi.CARD_COMMANDS, "{\"statusCode\":0,\"statusMessage\":\"top\","
                + "\"responseHeader\":{\"statusCode\":0,\"statusMessage\":\"header\"}}").statusMessage())
                .isEqualTo("top");
        assertThat(read(GatewayApi.CARD_COMMANDS, "{\"statusCode\":0,\"responseHeader\":\"not an object\"}")
                .extensions()).containsKey("responseHeader");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.50", "{\"amount\":1250,\"currency\":\"EUR\"}", "\"12,50 EUR\"", "[1]", "true",
        "\"\uFF11\uFF15\"", "1e400"})
    void aBalanceThatIsNotAnIntegerIsKeptAsItsJsonValue(String balance) throws Exception {
        for (GatewayApi api : GatewayApi.values()) {
            GatewayResponse r = read(api, "{\"statusCode\":0,\"balance\":" + balance + "}");
            assertThat(r.balance()).isNull();
            assertThat(r.balanceValue().toString()).isEqualTo(balance.equals("1e400") ? "1E+400" : balance);
            assertThat(new String(GatewayJson.write(r), UTF_8)).contains("\"balance\":");
        }
    }

    @Test
    void anIntegralBalanceIsReadBothWays() {
        GatewayResponse r = read(GatewayApi.PARK_CARD_COMMANDS, "{\"statusCode\":0,\"balance\":1500}");
        assertThat(r.balance()).isEqualTo(1500L);
        assertThat(r.balanceValue().longValue()).isEqualTo(1500L);
        assertThat(read(GatewayApi.PARK_CARD_COMMANDS, "{\"statusCode\":0,\"balance\":\"25\"}").balance())
                .isEqualTo(25L);
        assertThat(read(GatewayApi.PARK_CARD_COMMANDS, "{\"statusCode\":0,\"balance\":1500.0}").balance())
                .isEqualTo(1500L);
        assertThat(read(GatewayApi.PARK_CARD_COMMANDS, "{\"statusCode\":0}").balanceValue()).isNull();
    }

    @Test
    void anIntegerBalanceAloneGivesItsJsonValue() {
        CardCommandsResponse r = new CardCommandsResponse(GatewayApi.CARD_COMMANDS, StatusCode.OK, "OK", List.of(),
                7L, null, Map.of());
        assertThat(r.balanceValue().longValue()).isEqualTo(7L);
        assertThat(new String(GatewayJson.write(r), UTF_8)).isEqualTo("{\"statusCode\":0,\"statusMessage\":\"OK\","
                + "\"balance\":7}");
        assertThatThrownBy(() -> new CardCommandsResponse(GatewayApi.PARK_CARD_COMMANDS, StatusCode.OK, "OK",
                List.of(), 7L, GatewayJson.node(new BigDecimal("7.5")), Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("balance"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"ACCOUNT-0123456789-0123456789-0123456789-01234567\""})
    void theConfirmedCardAccountIdIsChecked(String id) {
        assertThatThrownBy(() -> read(GatewayApi.READER_MODE_COMMANDS, "{\"statusCode\":0,\"cardAccountId\":" + id
                + "}")).isInstanceOfSatisfying(MalformedResponseException.class,
                        e -> assertThat(e.getMessage()).contains("cardAccountId must be 1-48 characters long"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"ACCOUNT-0123456789-0123456789-0123456789-01234567\""})
    void aFailureAnswerKeepsItsStatusAndTheCardAccountIdAsReceived(String id) {
        ReaderModeCommandsResponse r = (ReaderModeCommandsResponse) read(GatewayApi.READER_MODE_COMMANDS,
                "{\"statusCode\":113,\"statusMessage\":\"Card not found\",\"cardAccountId\":" + id + "}");
        assertThat(r.statusCode().code()).isEqualTo(113);
        assertThat(r.cardAccountId()).isEqualTo(id.substring(1, id.length() - 1));
    }

    @Test
    void aCardAccountIdOf48CharactersIsRead() {
        String id = "A".repeat(47) + "\uD83D\uDE00"; // 48 characters, 49 UTF-16 units
        assertThat(((ReaderModeCommandsResponse) read(GatewayApi.READER_MODE_COMMANDS,
                "{\"statusCode\":0,\"cardAccountId\":\"" + id + "\"}")).cardAccountId()).isEqualTo(id);
    }

    /** A TES answering {"result":{"code":..,"text":..},"data":{"cmds":[{"id":..,"frame":..}],"purse":..}}. */
    private static final AnswerShape FOREIGN = (api, answer) -> {
        ObjectNode out = answer.objectNode();
        out.set("statusCode", answer.path("result").path("code"));
        out.set("statusMessage", answer.path("result").path("text"));
        var commands = out.putArray("commands");
        answer.path("data").path("cmds").forEach(c -> commands.addObject()
                .put("commandId", c.path("id").asText()).put("command", c.path("frame").asText()));
        out.set("balance", answer.path("data").path("purse"));
        return out;
    };

    @Test
    void aForeignShapeIsReadThroughAnAnswerShape() {
        String body = "{\"result\":{\"code\":0,\"text\":\"fine\"},\"data\":{\"cmds\":[{\"id\":\"1\","
                + "\"frame\":\"0a0c\"}],\"purse\":90}}";
        GatewayResponse r = GatewayJson.readResponse(GatewayApi.CARD_COMMANDS, body.getBytes(UTF_8), FOREIGN);
        assertThat(r.statusMessage()).isEqualTo("fine");
        assertThat(r.commands()).containsExactly(Command.of("1", "0A0C"));
        assertThat(r.balance()).isEqualTo(90L);
        // Without the shape the same answer has no status.
        assertThatThrownBy(() -> read(GatewayApi.CARD_COMMANDS, body))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("statusCode must be present");
    }

    @Test
    void aShapeThatReturnsNothingIsAMalformedAnswer() {
        assertThatThrownBy(() -> GatewayJson.readResponse(GatewayApi.CARD_COMMANDS,
                "{\"statusCode\":0}".getBytes(UTF_8), (api, answer) -> null))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("AnswerShape");
    }
}
