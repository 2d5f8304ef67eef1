package io.github.walletdevice.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GatewayJsonTest {

    private static String json(GatewayRequest<?> r) {
        return new String(GatewayJson.write(r), UTF_8);
    }

    private static GatewayResponse read(GatewayApi api, String body) {
        return GatewayJson.readResponse(api, body.getBytes(UTF_8));
    }

    @Test
    void aFirstCallWritesOnlyWhatIsSetInTheSpecsOrder() {
        assertThat(json(Fixtures.topUp())).isEqualTo("{\"issuerId\":\"ISSUER01\",\"cardId\":\"CARD-0001\","
                + "\"purchaseId\":\"PURCHASE-1\",\"deviceId\":\"DEVICE-42\",\"operation\":\"TOPUP\"}");
        assertThat(json(ParkCardCommandsRequest.builder().issuerId("I").cardId("C").deviceId("D").build()))
                .isEqualTo("{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\"}");
    }

    @Test
    void aLaterRoundCarriesResponsesTimeAndStatusThenExtensions() {
        CardCommandsRequest r = Fixtures.topUp().toBuilder().extension("channel", "NFC").build()
                .nextRound(List.of(CommandResponse.of("1", "0c07"), CommandResponse.of("2", "0d09")), 12.5,
                        StatusCode.OK, null);
        assertThat(json(r)).isEqualTo("{\"issuerId\":\"ISSUER01\",\"cardId\":\"CARD-0001\","
                + "\"purchaseId\":\"PURCHASE-1\",\"deviceId\":\"DEVICE-42\",\"operation\":\"TOPUP\","
                + "\"responseTimeMs\":12.5,\"statusCode\":0,\"responses\":[{\"commandId\":\"1\",\"response\":\"0C07\"},"
                + "{\"commandId\":\"2\",\"response\":\"0D09\"}],\"channel\":\"NFC\"}");
        ContractSchemas.requireValidRequest(GatewayApi.CARD_COMMANDS, json(r));
    }

    @Test
    void readerModeWritesCardContentsAndNoCardId() {
        String body = json(Fixtures.readerMode());
        assertThat(body).isEqualTo("{\"issuerId\":\"ISSUER01\",\"deviceId\":\"DEVICE-42\",\"operation\":"
                + "\"READER_MODE\",\"cardContents\":{\"cardServiceId\":\"Test Service\",\"systemCode\":\"0003\","
                + "\"idm\":\"012E4CD4A1B2C3D4\",\"pmm\":\"100B4B428485D0FF\",\"areaCodeList\":[{\"areaCode\":\"1000\","
                + "\"keyVersion\":\"0000\"}]}}");
        ContractSchemas.requireValidRequest(GatewayApi.READER_MODE_COMMANDS, body);
    }

    @Test
    void theTreeOfAMessageIsItsJsonParsedAndNestedExtensionsAreWrittenAsTheyAre() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode nested = mapper.readTree("{\"a\":[1,2.5,\"x\",null,{\"b\":true}]}");
        CardCommandsRequest request = Fixtures.topUp().toBuilder().extension("meta", nested).build()
                .nextRound(List.of(CommandResponse.of("1", "0c07")), 3.25, StatusCode.OK, "fine");
        GatewayResponse response = read(GatewayApi.CARD_COMMANDS, "{\"statusCode\":0,\"commands\":[{\"commandId\""
                + ":\"1\",\"command\":\"0A0C\",\"hint\":{\"k\":[1]}}],\"balance\":9007199254740993,\"x\":[]}");

        assertThat(GatewayJson.tree(request)).isEqualTo(mapper.readTree(GatewayJson.write(request)));
        assertThat(GatewayJson.tree(response)).isEqualTo(mapper.readTree(GatewayJson.write(response)));
        assertThat(GatewayJson.tree(Fixtures.readerMode()))
                .isEqualTo(mapper.readTree(GatewayJson.write(Fixtures.readerMode())));
        assertThat(json(request)).endsWith(",\"statusMessage\":\"fine\",\"responses\":[{\"commandId\":\"1\","
                + "\"response\":\"0C07\"}],\"meta\":{\"a\":[1,2.5,\"x\",null,{\"b\":true}]}}");
        assertThat(new String(GatewayJson.write(response), UTF_8)).isEqualTo("{\"statusCode\":0,\"commands\":"
                + "[{\"commandId\":\"1\",\"command\":\"0A0C\",\"hint\":{\"k\":[1]}}],\"balance\":9007199254740993,"
                + "\"x\":[]}");
    }

    @Test
    void nullExtensionsAreNeverWritten() {
        String body = json(ParkCardCommandsRequest.builder().issuerId("I").cardId("C").deviceId("D")
                .extension("gone", com.fasterxml.jackson.databind.node.NullNode.getInstance()).build());
        assertThat(body).doesNotContain("gone").doesNotContain("null");
    }

    @ParameterizedTest
    @EnumSource(GatewayApi.class)
    void answersRoundTrip(GatewayApi api) {
        String body = "{\"statusCode\":0,\"statusMessage\":\"OK\",\"commands\":[{\"commandId\":\"1\","
                + "\"command\":\"0A0C\",\"hint\":\"poll\"}],\"balance\":1500,\"sessionId\":\"s-1\"}";
        GatewayResponse r = read(api, body);
        assertThat(r.api()).isEqualTo(api);
        assertThat(r.commands()).singleElement().satisfies(c -> {
            assertThat(c.command()).isEqualTo("0A0C");
            assertThat(c.extensions()).containsOnlyKeys("hint");
        });
        assertThat(r.extensions()).containsOnlyKeys("sessionId");
        assertThat(new String(GatewayJson.write(r), UTF_8)).isEqualTo(body);
    }

    @Test
    void cardAccountIdIsModelledForReaderModeAndKeptAsAnExtensionElsewhere() {
        String body = "{\"statusCode\":0,\"balance\":10,\"cardAccountId\":\"ACC-9\"}";
        assertThat(((ReaderModeCommandsResponse) read(GatewayApi.READER_MODE_COMMANDS, body)).cardAccountId())
                .isEqualTo("ACC-9");
        assertThat(read(GatewayApi.CARD_COMMANDS, body).extensions().get("cardAccountId").textValue())
                .isEqualTo("ACC-9");
    }

    @Test
    void readsLeniently() {
        GatewayResponse r = read(GatewayApi.PARK_CARD_COMMANDS,
                "{\"statusCode\":\"162\",\"statusMessage\":null,\"commands\":null,\"balance\":\"25\"}");
        assertThat(r.statusCode().code()).isEqualTo(162);
        assertThat(r.statusMessage()).isNull();
        assertThat(r.commands()).isEmpty();
        assertThat(r.balance()).isEqualTo(25L);
        assertThat(read(GatewayApi.CARD_COMMANDS, "{\"statusCode\":0.0,\"commands\":[{\"commandId\":7,"
                + "\"command\":\"0a0c\"}]}").commands()).containsExactly(Command.of("7", "0A0C"));
        assertThat(read(GatewayApi.CARD_COMMANDS, "  {\"statusCode\":0}\n").isFinal()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON | <html><body>Service unavailable</body></html> | body must be a JSON object, got text that is "
            + "not JSON",
        "array | [] | body must be a JSON object, got a JSON array",
        "string | \"ok\" | body must be a JSON object, got a JSON string",
        "empty | '' | body must be a JSON object, got an empty body",
        "trailing | {\"statusCode\":0} x | body must be a JSON object, got text that is not JSON",
        "no status | {\"statusMessage\":\"OK\"} | statusCode must be present",
        "text status | {\"statusCode\":\"OK\"} | statusCode must be an integer, got a JSON string \"OK\"",
        "fraction | {\"statusCode\":1.5} | statusCode must be an integer, got a JSON number 1.5",
        "object status | {\"statusCode\":{}} | statusCode must be an integer, got a JSON object {}",
        "commands object | {\"statusCode\":0,\"commands\":{}} | commands must be an array, got a JSON object",
        "command item | {\"statusCode\":0,\"commands\":[1]} | commands[0] must be an object, got a JSON number",
        "no command | {\"statusCode\":0,\"commands\":[{\"commandId\":\"1\"}]} | commands[].command must be present",
        "bad hex | {\"statusCode\":0,\"commands\":[{\"commandId\":\"1\",\"command\":\"XYZ\"}]} | "
            + "commands[].command must be an even number",
        "both statuses | {\"statusCode\":0,\"responseHeader\":{\"statusCode\":5}} | statusCode must be one "
            + "status (the top level and responseHeader disagree), got 0 and responseHeader.statusCode 5",
        "header status | {\"responseHeader\":{\"statusCode\":\"OK\"}} | responseHeader.statusCode must be an "
            + "integer",
    })
    void refusesWhatIsNotTheContract(String name, String body, String problem) {
        assertThatThrownBy(() -> read(GatewayApi.CARD_COMMANDS, body))
                .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                    assertThat(e.getMessage()).startsWith("getCardCommands answered a body that is not the JSON the "
                            + "contract promises: ").contains(problem).contains("do not repeat it blindly");
                    assertThat(e.bodyExcerpt()).isEqualTo(body);
                });
    }

    @Test
    void aCommandWithNonAsciiHexDigitsIsRefusedWhenTheAnswerIsRead() {
        // Arabic-Indic 0 and 6, fullwidth 0 0 F F: Character.digit reads them as 0600FF.
        String body = "{\"statusCode\":0,\"commands\":[{\"commandId\":\"1\",\"command\":\"\u0660\u0666"
                + "\uFF10\uFF10\uFF26\uFF26\"}]}";
        for (GatewayApi api : GatewayApi.values()) {
            assertThatThrownBy(() -> read(api, body)).isInstanceOfSatisfying(MalformedResponseException.class,
                    e -> assertThat(e.getMessage()).contains("commands[].command must be an even number")
                            .contains("hexadecimal digits"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "statusCode | {\"statusCode\":\"\u0662\u0663\u0661\"}",
        "statusCode | {\"statusCode\":\"\uFF10\"}",
    })
    void aNumberInTextIsAsciiDigitsOnly(String field, String body) {
        assertThatThrownBy(() -> read(GatewayApi.PARK_CARD_COMMANDS, body))
                .isInstanceOfSatisfying(MalformedResponseException.class,
                        e -> assertThat(e.getMessage()).contains(field + " must be an integer"));
    }

    @Test
    void aRequestWithNonAsciiDigitsIsRefusedAsATesWould() {
        assertThatThrownBy(() -> GatewayJson.readRequest(GatewayApi.CARD_COMMANDS, ("{\"issuerId\":\"I\","
                + "\"cardId\":\"C\",\"deviceId\":\"D\",\"statusCode\":0,\"responses\":[{\"commandId\":\"1\","
                + "\"response\":\"\u0660\u0666\uFF10\uFF10\"}]}").getBytes(UTF_8)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("responses[].response"));
        assertThatThrownBy(() -> GatewayJson.readRequest(GatewayApi.CARD_COMMANDS, ("{\"issuerId\":\"I\","
                + "\"cardId\":\"C\",\"deviceId\":\"D\",\"responseTimeMs\":\"\u0661\u0662\"}").getBytes(UTF_8)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("responseTimeMs"));
        assertThatThrownBy(() -> GatewayJson.readRequest(GatewayApi.READER_MODE_COMMANDS, ("{\"issuerId\":\"I\","
                + "\"deviceId\":\"D\",\"cardContents\":{\"systemCode\":\"\uFF10\uFF10\uFF10\uFF13\"}}")
                .getBytes(UTF_8))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("cardContents.systemCode"));
    }

    @Test
    void theExcerptIsBoundedAndRedacted() {
        String body = "{\"password\":\"hunter2\",\"x\":\"" + "a".repeat(5000) + "\"";
        assertThatThrownBy(() -> read(GatewayApi.CARD_COMMANDS, body))
                .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                    assertThat(e.bodyExcerpt()).doesNotContain("hunter2").hasSizeLessThan(1100);
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                });
    }

    @Test
    void readsRequestsAsATesWould() {
        GatewayRequest<?> r = GatewayJson.readRequest(GatewayApi.READER_MODE_COMMANDS, GatewayJson.write(
                Fixtures.readerMode().toBuilder().extension("x", 1).build()));
        assertThat(r).isEqualTo(Fixtures.readerMode().toBuilder().extension("x", 1).build());
        GatewayRequest<?> later = GatewayJson.readRequest(GatewayApi.CARD_COMMANDS, ("{\"issuerId\":\"I\",\"cardId\":"
                + "\"C\",\"deviceId\":\"D\",\"responseTimeMs\":3,\"statusCode\":231,\"statusMessage\":\"lost\","
                + "\"responses\":[{\"commandId\":\"1\",\"response\":\"0c07\"}]}").getBytes(UTF_8));
        assertThat(later.statusCode().code()).isEqualTo(231);
        assertThat(later.responseTimeMs()).isEqualTo(3.0);
        assertThat(later.responses()).containsExactly(CommandResponse.of("1", "0C07"));
    }

    @Test
    void aMissingFieldIsToldApartFromABadOne() {
        assertThatThrownBy(() -> GatewayJson.readRequest(GatewayApi.CARD_COMMANDS,
                "{\"issuerId\":\"I\",\"deviceId\":\"D\"}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("cardId");
                    assertThat(e.shownValue()).isNull();
                });
        assertThatThrownBy(() -> GatewayJson.readRequest(GatewayApi.CARD_COMMANDS,
                "{\"issuerId\":\"12345678901234567\",\"cardId\":\"C\",\"deviceId\":\"D\"}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("issuerId");
                    assertThat(e.shownValue()).isEqualTo("12345678901234567");
                });
        assertThatThrownBy(() -> GatewayJson.readRequest(GatewayApi.PARK_CARD_COMMANDS, "nope".getBytes(UTF_8)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.shownValue()).isNotNull();
                });
        assertThatThrownBy(() -> GatewayJson.readRequest(GatewayApi.READER_MODE_COMMANDS,
                "{\"issuerId\":\"I\",\"deviceId\":\"D\",\"cardContents\":{\"idm\":\"12\"}}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("cardContents.idm");
                    assertThat(e.shownValue()).isEqualTo("12");
                });
    }
}
