package io.github.walletdevice.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.walletdevice.gateway.Command;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request rule of the spec, and the session rules, over real HTTP on loopback: each case is a deliberately
 * wrong (or, where the spec allows it, unusual but right) client. Run once per adapter by the subclasses.
 */
abstract class GatewayContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String CARD = "{\"issuerId\":\"ISS\",\"cardId\":\"CARD-1\",\"deviceId\":\"DEV-1\"}";

    protected TestTes tes;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Serves the gateway on loopback. @return the base URL, e.g. {@code http://127.0.0.1:1234} */
    abstract String serve(GatewayServer gateway) throws Exception;

    /** Stops serving. */
    abstract void stop() throws Exception;

    @BeforeEach
    void start() throws Exception {
        tes = new TestTes();
        base = serve(tes.server) + GatewayServer.DEFAULT_BASE_PATH + "/";
    }

    @AfterEach
    void end() throws Exception {
        stop();
    }

    HttpResponse<String> post(String op, String contentType, String actor, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + op)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (actor != null) {
            b.header("x-actor-id", actor);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode call(String op, String body) throws Exception {
        HttpResponse<String> r = post(op, JSON_TYPE, "TSH-1", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains(JSON_TYPE);
        return JSON.readTree(r.body());
    }

    static Stream<Arguments> rules() {
        String longActor = "A".repeat(33);
        return Stream.of(
            // header and media type
            Arguments.of("getCardCommands", JSON_TYPE, null, CARD, 111, "x-actor-id"),
            Arguments.of("getCardCommands", JSON_TYPE, "", CARD, 111, "x-actor-id"),
            Arguments.of("getCardCommands", JSON_TYPE, longActor, CARD, 112, "x-actor-id"),
            Arguments.of("getCardCommands", null, "TSH", CARD, 112, "Content-Type"),
            Arguments.of("getCardCommands", "text/plain", "TSH", CARD, 112, "Content-Type"),
            Arguments.of("getCardCommands", "application/json; charset=ISO-8859-1", "TSH", CARD, 112,
                    "charset"),
            // body
            Arguments.of("getCardCommands", JSON_TYPE, "TSH", "not json", 112, "body"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH", "", 112, "body"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH", "[" + CARD + "]", 112, "body"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH", CARD + " {}", 112, "body"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"A\",\"issuerId\":\"B\",\"cardId\":\"C\",\"deviceId\":\"D\"}", 112, "body"),
            // missing mandatory fields
            Arguments.of("getCardCommands", JSON_TYPE, "TSH", "{\"cardId\":\"C\",\"deviceId\":\"D\"}", 111,
                    "issuerId"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH", "{\"issuerId\":\"I\",\"deviceId\":\"D\"}", 111,
                    "cardId"),
            Arguments.of("getParkCardCommands", JSON_TYPE, "TSH", "{\"issuerId\":\"I\",\"cardId\":\"C\"}", 111,
                    "deviceId"),
            Arguments.of("getReaderModeCommands", JSON_TYPE, "TSH", "{\"issuerId\":null,\"deviceId\":\"D\"}", 111,
                    "issuerId"),
            // wrong JSON types
            Arguments.of("getCardCommands", JSON_TYPE, "TSH", "{\"issuerId\":12,\"cardId\":\"C\",\"deviceId\":\"D\"}",
                    112, "issuerId"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":true,\"deviceId\":\"D\"}", 112, "cardId"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"statusCode\":\"0\"}", 112,
                    "statusCode"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"statusCode\":0.5}", 112, "statusCode"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"responseTimeMs\":\"12\"}", 112,
                    "responseTimeMs"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"operation\":7}", 112, "operation"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"responses\":{}}", 112, "responses"),
            // lengths
            Arguments.of("getCardCommands", JSON_TYPE, "TSH", "{\"issuerId\":\"\",\"cardId\":\"C\",\"deviceId\":\"D\"}",
                    112, "issuerId"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"" + "I".repeat(17) + "\",\"cardId\":\"C\",\"deviceId\":\"D\"}", 112, "issuerId"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"" + "C".repeat(49) + "\",\"deviceId\":\"D\"}", 112, "cardId"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"" + "D".repeat(49) + "\"}", 112, "deviceId"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"purchaseId\":\"" + "P".repeat(65)
                            + "\"}", 112, "purchaseId"),
            // misspelt and misplaced fields
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"purchaseID\":\"P\"}", 112, "purchaseID"),
            Arguments.of("getParkCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"purchaseId\":\"P\"}", 112, "purchaseId"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"cardContents\":{}}", 112,
                    "cardContents"),
            Arguments.of("getParkCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"cardContents\":{}}", 112,
                    "cardContents"),
            // the card's answers (reconstructed items)
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"responses\":[{\"response\":\"0C07\"}]}",
                    111, "responses[0].commandId"),
            Arguments.of("getCardCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"responses\":[{\"commandId\":\"1\","
                            + "\"response\":\"XYZ\"}]}", 112, "responses[0].response"),
            // reader mode's card contents
            Arguments.of("getReaderModeCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"deviceId\":\"D\",\"cardContents\":\"FE00\"}", 112, "cardContents"),
            Arguments.of("getReaderModeCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"deviceId\":\"D\",\"cardContents\":{\"idm\":\"12\"}}", 112,
                    "cardContents.idm"),
            Arguments.of("getReaderModeCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"deviceId\":\"D\",\"cardContents\":{\"systemCode\":\"GGGG\"}}", 112,
                    "cardContents.systemCode"),
            Arguments.of("getReaderModeCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"deviceId\":\"D\",\"cardContents\":{\"areaCodeList\":[{\"areaCode\":"
                            + "\"0100\",\"keyVersion\":\"67\"}]}}", 112, "cardContents.areaCodeList[0].keyVersion"),
            Arguments.of("getReaderModeCommands", JSON_TYPE, "TSH",
                    "{\"issuerId\":\"I\",\"deviceId\":\"D\",\"cardId\":\"C\"}", 112, "cardId"));
    }

    @ParameterizedTest(name = "{0} {5}: {4}")
    @MethodSource("rules")
    void aWrongClientIsRefusedWithTheSpecsCode(String op, String contentType, String actor, String body, int code,
                                                String field) throws Exception {
        HttpResponse<String> r = post(op, contentType, actor, body);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("statusCode").asInt()).as(r.body()).isEqualTo(code);
        assertThat(answer.get("statusMessage").asText()).contains(field);
        assertThat(answer.has("commands")).isFalse();
        assertThat(tes.seen).as("the handler never sees a refused call").isEmpty();
    }

    @Test
    void whatTheSpecAllowsIsAccepted() throws Exception {
        String[][] cases = {
            {"getCardCommands", "Application/JSON; charset=\"utf-8\"",
                "{\"issuerId\":\"" + "\uD83D\uDE8C".repeat(16) + "\",\"cardId\":\"C\",\"deviceId\":\"D1\"}"},
            {"getCardCommands", JSON_TYPE, "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D2\",\"statusCode\":0,"
                + "\"purchaseId\":null,\"vendorField\":{\"a\":1}}"},
            {"getReaderModeCommands", JSON_TYPE, "{\"issuerId\":\"I\",\"deviceId\":\"D3\"}"},
            {"getParkCardCommands", "application/json;charset=UTF-8",
                "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D4\",\"operation\":\"ANY_VALUE\","
                    + "\"responseTimeMs\":0}"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = post(c[0], c[1], "A".repeat(32), c[2]);
            JsonNode answer = JSON.readTree(r.body());
            assertThat(answer.get("statusCode").asInt()).as(c[2] + " -> " + r.body()).isZero();
            assertThat(answer.get("commands")).hasSize(1);
        }
        GatewayRequest<?> withExtra = tes.seen.get(1);
        assertThat(withExtra.extensions()).containsOnlyKeys("vendorField");
        assertThat(withExtra.extensions().get("vendorField").get("a").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownPathIs404AndAnotherMethod405() throws Exception {
        assertThat(post("getParkCardCommandsXYZ", JSON_TYPE, "TSH", CARD).statusCode()).isEqualTo(404);
        assertThat(post("", JSON_TYPE, "TSH", CARD).statusCode()).isEqualTo(404);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base + "getCardCommands")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
    }

    /** Plays a park session to the end with the virtual card; the rounds' answers, in order. */
    private List<JsonNode> park(String device, VirtualCardExecutor card) throws Exception {
        String identity = "\"issuerId\":\"ISS\",\"cardId\":\"CARD-1\",\"deviceId\":\"" + device + "\"";
        List<JsonNode> answers = new ArrayList<>();
        JsonNode answer = call("getParkCardCommands", "{" + identity + "}");
        answers.add(answer);
        while (answer.get("statusCode").asInt() == 0 && answer.has("commands")) {
            answer = call("getParkCardCommands", "{" + identity + ",\"statusCode\":0,\"responseTimeMs\":3.5,"
                    + "\"responses\":" + responses(card, answer) + "}");
            answers.add(answer);
        }
        return answers;
    }

    static String responses(VirtualCardExecutor card, JsonNode answer) throws Exception {
        List<Command> commands = new ArrayList<>();
        for (JsonNode c : answer.get("commands")) {
            commands.add(Command.of(c.get("commandId").asText(), c.get("command").asText()));
        }
        List<String> items = new ArrayList<>();
        for (CommandResponse r : card.execute(commands)) {
            items.add("{\"commandId\":\"" + r.commandId() + "\",\"response\":\"" + r.response() + "\"}");
        }
        return "[" + String.join(",", items) + "]";
    }

    @Test
    void aWholeSessionCompletesAndClosesItsSession() throws Exception {
        List<JsonNode> answers = park("DEV-P", VirtualCardExecutor.sampleTransitCard());
        assertThat(answers).hasSize(3);
        assertThat(answers.get(2).get("statusCode").asInt()).isZero();
        assertThat(answers.get(2).get("balance").asLong()).isEqualTo(500);
        assertThat(tes.server.sessions().find("DEV-P")).isEmpty();
    }

    @Test
    void aRoundWithoutASessionIs118() throws Exception {
        JsonNode answer = call("getCardCommands", "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\","
                + "\"responses\":[{\"commandId\":\"1\",\"response\":\"0C07\"}]}");
        assertThat(answer.get("statusCode").asInt()).isEqualTo(118);
        JsonNode report = call("getCardCommands", "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\","
                + "\"statusCode\":231}");
        assertThat(report.get("statusCode").asInt()).isEqualTo(118);
    }

    @Test
    void aRoundForAnotherOperationOrCardIs118() throws Exception {
        JsonNode first = call("getCardCommands", CARD);
        String answers = responses(VirtualCardExecutor.sampleTransitCard(), first);
        assertThat(call("getParkCardCommands", CARD.replace("}", ",\"responses\":" + answers + "}"))
                .get("statusCode").asInt()).isEqualTo(118);
        assertThat(call("getCardCommands", CARD.replace("CARD-1", "CARD-2").replace("}", ",\"responses\":"
                + answers + "}")).get("statusCode").asInt()).isEqualTo(118);
        assertThat(call("getCardCommands", CARD.replace("}", ",\"responses\":" + answers + "}"))
                .get("statusCode").asInt()).as("the operation itself goes on").isZero();
    }

    @Test
    void aSecondOperationOnABusyDeviceIs321() throws Exception {
        assertThat(call("getCardCommands", CARD).get("statusCode").asInt()).isZero();
        assertThat(call("getCardCommands", CARD).get("statusCode").asInt()).isEqualTo(321);
        assertThat(call("getParkCardCommands", CARD).get("statusCode").asInt()).isEqualTo(321);
    }

    @Test
    void aRoundAfterTheTimeToLiveIs322AndTheDeviceIsFreeAgain() throws Exception {
        JsonNode first = call("getCardCommands", CARD);
        tes.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        String late = CARD.replace("}", ",\"responses\":"
                + responses(VirtualCardExecutor.sampleTransitCard(), first) + "}");
        assertThat(call("getCardCommands", late).get("statusCode").asInt()).isEqualTo(322);
        assertThat(call("getCardCommands", CARD).get("statusCode").asInt()).isZero();
    }

    @Test
    void anExpiredOperationDoesNotBlockANewOne() throws Exception {
        call("getCardCommands", CARD);
        tes.clock.advance(Duration.ofMinutes(3));
        assertThat(call("getParkCardCommands", CARD).get("statusCode").asInt()).isZero();
    }

    @Test
    void aMissingResponseIs323AndEndsTheOperation() throws Exception {
        call("getCardCommands", CARD);
        JsonNode answer = call("getCardCommands", CARD.replace("}",
                ",\"responses\":[{\"commandId\":\"99\",\"response\":\"0C07\"}]}"));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(323);
        assertThat(answer.get("statusMessage").asText()).contains("command 1").contains("Polling");
        assertThat(tes.server.sessions().find("DEV-1")).isEmpty();
    }

    @Test
    void aDeviceFailureReportedByTheTshEndsTheOperationWithItsStatus() throws Exception {
        call("getCardCommands", CARD);
        JsonNode answer = call("getCardCommands", CARD.replace("}",
                ",\"statusCode\":231,\"statusMessage\":\"the phone did not answer\"}"));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(231);
        assertThat(answer.get("statusMessage").asText()).contains("the phone did not answer");
        assertThat(tes.server.sessions().find("DEV-1")).isEmpty();
    }

    @Test
    void aBrokenHandlerIs921WithNothingInternalInTheAnswer() throws Exception {
        HttpResponse<String> r = post("getCardCommands", JSON_TYPE, "TSH",
                CARD.replace("DEV-1", "BROKEN-1"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("statusCode").asInt()).isEqualTo(921);
        assertThat(r.body()).doesNotContain("secret").doesNotContain("IllegalState").doesNotContain("database");
        assertThat(tes.server.sessions().find("BROKEN-1")).isEmpty();
    }

    @Test
    void aCardAnswerThatIsNotAFelicaResponseIs112() throws Exception {
        call("getParkCardCommands", CARD);
        JsonNode answer = call("getParkCardCommands", CARD.replace("}",
                ",\"responses\":[{\"commandId\":\"1\",\"response\":\"0C07\"}]}"));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(112);
        assertThat(answer.get("statusMessage").asText()).contains("command 1");
    }
}
