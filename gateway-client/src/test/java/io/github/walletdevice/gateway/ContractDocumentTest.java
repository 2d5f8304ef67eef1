package io.github.walletdevice.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipped OpenAPI document says what the SDK does, and its schemas accept and refuse what they should. */
class ContractDocumentTest {
    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DeviceGatewayClient.class.getResourceAsStream("device-gateway-openapi.yaml")) {
            assertThat(in).as("shipped in the jar next to the client").isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static JsonNode schema(String name) {
        return doc.path("components").path("schemas").path(name);
    }

    @Test
    void describesTheThreeOperationsUnderTheSpecsBasePath() {
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        assertThat(doc.path("servers").get(0).path("url").asText()).endsWith(DeviceGatewayClient.DEFAULT_BASE_PATH);
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactly("/getCardCommands", "/getParkCardCommands", "/getReaderModeCommands");
        for (GatewayApi api : GatewayApi.values()) {
            JsonNode op = doc.path("paths").path("/" + api.operationName()).path("post");
            assertThat(op.path("operationId").asText()).isEqualTo(api.operationName());
            assertThat(op.path("responses").has("500")).isTrue();
            assertThat(op.path("requestBody").path("required").asBoolean()).isTrue();
        }
        JsonNode actor = doc.path("components").path("parameters").path("actorHeader");
        assertThat(actor.path("name").asText()).isEqualTo(DeviceGatewayClient.ACTOR_HEADER);
        assertThat(actor.path("required").asBoolean()).isTrue();
        assertThat(actor.path("schema").path("maxLength").asInt()).isEqualTo(32);
    }

    @Test
    void listsTheSameStatusCodesAsTheEnum() {
        List<Integer> listed = new ArrayList<>();
        schema("requestStatusCode").path("enum").forEach(n -> listed.add(n.asInt()));
        assertThat(listed).containsExactlyElementsOf(Arrays.stream(GatewayStatus.values()).map(GatewayStatus::code)
                .toList());
        String table = schema("statusCode").path("description").asText().replaceAll("\\s+", " ");
        for (GatewayStatus s : GatewayStatus.values()) {
            assertThat(table).contains(s.code() + " " + s.description());
        }
    }

    @Test
    void marksTheReconstructedParts() {
        for (String name : List.of("responseItem", "responses", "commandItem", "commandsResponse", "frameHex",
                "operation", "statusCode")) {
            assertThat(schema(name).path("x-walletdevice-reconstructed").asBoolean()).as(name).isTrue();
        }
        for (String confirmed : List.of("issuerId", "cardId", "purchaseId", "deviceId", "cardContents")) {
            assertThat(schema(confirmed).has("x-walletdevice-reconstructed")).as(confirmed).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(GatewayApi.class)
    void modelledFieldsAreTheSchemasProperties(GatewayApi api) {
        List<String> properties = new ArrayList<>();
        schema(api.operationName() + "Req").path("properties").fieldNames().forEachRemaining(properties::add);
        java.util.Set<String> modelled = requestFields(api);
        assertThat(properties).containsExactlyInAnyOrderElementsOf(modelled);
    }

    private static java.util.Set<String> requestFields(GatewayApi api) {
        if (api == GatewayApi.CARD_COMMANDS) {
            return CardCommandsRequest.FIELDS;
        }
        return api == GatewayApi.PARK_CARD_COMMANDS ? ParkCardCommandsRequest.FIELDS : ReaderModeCommandsRequest.FIELDS;
    }

    @Test
    void requestSchemasEnforceTheSpecsLimits() {
        String ok = "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\"}";
        assertThat(ContractSchemas.requestErrors(GatewayApi.CARD_COMMANDS, ok)).isEmpty();
        assertThat(ContractSchemas.requestErrors(GatewayApi.CARD_COMMANDS,
                "{\"issuerId\":\"12345678901234567\",\"cardId\":\"C\",\"deviceId\":\"D\"}")).hasSize(1);
        assertThat(ContractSchemas.requestErrors(GatewayApi.CARD_COMMANDS, "{\"issuerId\":\"I\",\"deviceId\":\"D\"}"))
                .hasSize(1);
        assertThat(ContractSchemas.requestErrors(GatewayApi.PARK_CARD_COMMANDS,
                "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"purchaseId\":\"P\"}")).isNotEmpty();
        assertThat(ContractSchemas.requestErrors(GatewayApi.READER_MODE_COMMANDS,
                "{\"issuerId\":\"I\",\"deviceId\":\"D\",\"cardId\":\"C\"}")).as("reader mode has no cardId")
                .isNotEmpty();
        assertThat(ContractSchemas.requestErrors(GatewayApi.READER_MODE_COMMANDS,
                "{\"issuerId\":\"I\",\"deviceId\":\"D\",\"cardContents\":{\"idm\":\"11\"}}")).isNotEmpty();
        assertThat(ContractSchemas.requestErrors(GatewayApi.CARD_COMMANDS, "{\"issuerId\":\"I\",\"cardId\":\"C\","
                + "\"deviceId\":\"D\",\"statusCode\":555}")).as("the TSH sends only listed codes").isNotEmpty();
        assertThat(ContractSchemas.requestErrors(GatewayApi.READER_MODE_COMMANDS,
                new String(GatewayJson.write(Fixtures.readerMode()), UTF_8))).isEmpty();
    }

    @Test
    void responseSchemasAreOpenButTyped() {
        assertThat(ContractSchemas.responseErrors(GatewayApi.CARD_COMMANDS,
                "{\"statusCode\":0,\"commands\":[{\"commandId\":\"1\",\"command\":\"0A0C\"}],\"extra\":{}}")).isEmpty();
        assertThat(ContractSchemas.responseErrors(GatewayApi.CARD_COMMANDS, "{\"statusCode\":555}"))
                .as("an unknown code is still an answer").isEmpty();
        assertThat(ContractSchemas.responseErrors(GatewayApi.CARD_COMMANDS,
                "{\"statusCode\":\"x\",\"commands\":[{\"commandId\":\"1\",\"command\":\"0G\"}]}")).hasSize(2);
        assertThat(ContractSchemas.responseErrors(GatewayApi.CARD_COMMANDS, "{\"commands\":[]}")).hasSize(1);
        assertThat(ContractSchemas.responseErrors(GatewayApi.READER_MODE_COMMANDS,
                "{\"statusCode\":0,\"cardAccountId\":\"" + "A".repeat(49) + "\"}")).isNotEmpty();
        assertThat(ContractSchemas.responseErrors(GatewayApi.READER_MODE_COMMANDS, new String(GatewayJson.write(
                ReaderModeCommandsResponse.completed(1500, "A".repeat(48))), UTF_8))).isEmpty();
    }
}
