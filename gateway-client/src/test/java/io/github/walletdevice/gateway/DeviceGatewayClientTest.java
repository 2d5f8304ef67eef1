package io.github.walletdevice.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceGatewayClientTest extends WireMockTes {

    /** Both shipped transports, by their provider names. */
    static List<String> transports() {
        return List.of("jdk", "okhttp");
    }

    private static GatewayResponse call(DeviceGatewayClient client, GatewayApi api) {
        switch (api) {
            case CARD_COMMANDS:
                return client.getCardCommands(Fixtures.topUp());
            case PARK_CARD_COMMANDS:
                return client.getParkCardCommands(Fixtures.park());
            default:
                return client.getReaderModeCommands(Fixtures.readerMode());
        }
    }

    private static GatewayRequest<?> request(GatewayApi api) {
        switch (api) {
            case CARD_COMMANDS:
                return Fixtures.topUp();
            case PARK_CARD_COMMANDS:
                return Fixtures.park();
            default:
                return Fixtures.readerMode();
        }
    }

    static List<Arguments> everyOperationOnEveryTransport() {
        return transports().stream().flatMap(t -> java.util.Arrays.stream(GatewayApi.values())
                .map(api -> Arguments.of(t, api))).toList();
    }

    @ParameterizedTest(name = "{1} via {0}")
    @MethodSource("everyOperationOnEveryTransport")
    void postsTheRequestWithTheActorHeaderAndReadsTheAnswer(String transport, GatewayApi api) {
        answer(api, Fixtures.commands("1", Fixtures.readPurse()));
        HttpTransport t = HttpTransports.create(transport, TransportOptions.defaults());
        try (t; DeviceGatewayClient client = client().transport(t).build()) {
            GatewayResponse answer = call(client, api);
            assertThat(answer.api()).isEqualTo(api);
            assertThat(answer.isOk()).isTrue();
            assertThat(answer.isFinal()).isFalse();
            assertThat(answer.commands()).containsExactly(Command.of("1", Fixtures.readPurse()));
        }
        tes.verify(1, postRequestedFor(urlEqualTo(BASE_PATH + "/" + api.operationName()))
                .withHeader("x-actor-id", equalTo(ACTOR))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson(new String(GatewayJson.write(request(api)), UTF_8))));
    }

    @ParameterizedTest
    @EnumSource(GatewayApi.class)
    void asyncCallsGiveTheSameAnswer(GatewayApi api) {
        answer(api, "{\"statusCode\":0,\"statusMessage\":\"OK\",\"balance\":1500,\"cardAccountId\":\"ACC-1\"}");
        try (DeviceGatewayClient client = client().build()) {
            GatewayResponse answer;
            switch (api) {
                case CARD_COMMANDS:
                    answer = client.getCardCommandsAsync(Fixtures.topUp()).join();
                    break;
                case PARK_CARD_COMMANDS:
                    answer = client.getParkCardCommandsAsync(Fixtures.park()).join();
                    break;
                default:
                    answer = client.getReaderModeCommandsAsync(Fixtures.readerMode()).join();
                    assertThat(((ReaderModeCommandsResponse) answer).cardAccountId()).isEqualTo("ACC-1");
            }
            assertThat(answer.balance()).isEqualTo(1500L);
            assertThat(answer.isFinal()).isTrue();
            assertThat(answer.orThrow()).isSameAs(answer);
        }
        assertThat(requestsTo(api)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "0, SUCCESS", "112, REQUEST_ERROR", "117, REQUEST_ERROR", "162, CARD_ERROR", "178, CARD_ERROR",
        "231, DEVICE_ERROR", "321, OPERATION_ERROR", "322, OPERATION_ERROR", "911, OPERATION_ERROR",
        "921, SERVER_ERROR", "555, UNKNOWN"})
    void aStatusIsATypedResultThatOrThrowRaises(int code, StatusCategory category) {
        answer(GatewayApi.PARK_CARD_COMMANDS, "{\"statusCode\":" + code + ",\"statusMessage\":\"from the TES\"}");
        try (DeviceGatewayClient client = client().build()) {
            CardCommandsResponse answer = client.getParkCardCommands(Fixtures.park());
            assertThat(answer.statusCode().code()).isEqualTo(code);
            assertThat(answer.statusCode().category()).isEqualTo(category);
            assertThat(answer.statusMessage()).isEqualTo("from the TES");
            if (code == 0) {
                assertThat(answer.orThrow()).isSameAs(answer);
                return;
            }
            assertThat(answer.isFinal()).isTrue();
            assertThatThrownBy(answer::orThrow).isInstanceOfSatisfying(GatewayStatusException.class, e -> {
                assertThat(e.code()).isEqualTo(Integer.toString(code));
                assertThat(e.status().code()).isEqualTo(code);
                assertThat(e.statusMessage()).isEqualTo("from the TES");
                assertThat(e.operation()).isEqualTo("getParkCardCommands");
                assertThat(e.api()).isEqualTo(GatewayApi.PARK_CARD_COMMANDS);
                assertThat(e.getMessage()).startsWith("getParkCardCommands answered status " + code + " (")
                        .contains("from the TES");
            });
        }
    }

    @Test
    void missingOptionalFieldsAreAbsentAndUnknownOnesAreKept() {
        answer(GatewayApi.CARD_COMMANDS, "{\"statusCode\":0,\"responseHeader\":{\"responseId\":\"r-1\","
                + "\"sessionId\":\"s-1\"},\"commands\":[{\"commandId\":\"1\",\"command\":\"0A0C\",\"timeoutMs\":50}],"
                + "\"ttl\":30}");
        try (DeviceGatewayClient client = client().build()) {
            CardCommandsResponse answer = client.getCardCommands(Fixtures.topUp());
            assertThat(answer.statusMessage()).isNull();
            assertThat(answer.balance()).isNull();
            assertThat(answer.extensions()).containsOnlyKeys("responseHeader", "ttl");
            assertThat(answer.extensions().get("responseHeader").get("sessionId").textValue()).isEqualTo("s-1");
            assertThat(answer.commands().get(0).extensions().get("timeoutMs").intValue()).isEqualTo(50);
        }
    }

    @Test
    void userAddedFieldsAreSent() {
        answer(GatewayApi.CARD_COMMANDS, "{\"statusCode\":0}");
        try (DeviceGatewayClient client = client().build()) {
            client.getCardCommands(Fixtures.topUp().toBuilder().extension("walletProviderId", "APPLE_PAY")
                    .extension("attempt", 2).build());
        }
        assertThat(requestsTo(GatewayApi.CARD_COMMANDS)).singleElement().satisfies(r -> assertThat(
                r.getBodyAsString()).endsWith(",\"walletProviderId\":\"APPLE_PAY\",\"attempt\":2}"));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 404})
    void aNon2xxStatusIsAnHttpStatusExceptionWithAnExcerpt(int status) {
        answerRaw(GatewayApi.CARD_COMMANDS, aResponse().withStatus(status).withHeader("Content-Type", "text/plain")
                .withBody("Internal Server Error: password=\"x\" card 4111111111111111"));
        try (DeviceGatewayClient client = client().build()) {
            assertThatThrownBy(() -> client.getCardCommands(Fixtures.topUp()))
                    .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(status);
                        assertThat(e.getMessage()).startsWith("getCardCommands failed with HTTP " + status + ": ");
                        assertThat(e.bodyExcerpt()).startsWith("Internal Server Error").doesNotContain(
                                "4111111111111111");
                        assertThat(e.headers().firstValue("Content-Type")).contains("text/plain");
                    });
        }
        assertThat(requestsTo(GatewayApi.CARD_COMMANDS)).as("never retried").hasSize(1);
    }

    @Test
    void asyncMethodsNeverThrow() {
        try (DeviceGatewayClient client = client().build()) {
            assertThat(client.sendAsync(null)).isCompletedExceptionally();
            assertThat(client.session(commands -> List.of()).build().runAsync(null)).isCompletedExceptionally();
        }
    }

    @Test
    void aStatus500AsyncFailsTheFuture() {
        answerRaw(GatewayApi.READER_MODE_COMMANDS, aResponse().withStatus(500));
        try (DeviceGatewayClient client = client().build()) {
            assertThatThrownBy(() -> client.getReaderModeCommandsAsync(Fixtures.readerMode()).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(HttpStatusException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "text/html | <!DOCTYPE html><html><body>Login</body></html> | not JSON",
        "application/json | {\"statusCode\":\"zero\"} | statusCode must be an integer",
        "application/json | {\"statusCode\":0,\"commands\":\"0A0C\"} | commands must be an array",
        "application/json | [{\"statusCode\":0}] | got a JSON array",
        "application/json | {\"statusCode\":0 | not JSON",
        "application/json | '' | an empty body",
    })
    void aBodyThatIsNotTheContractIsMalformed(String contentType, String body, String problem) {
        if (body.startsWith("{") && body.endsWith("}")) {
            assertThat(ContractSchemas.responseErrors(GatewayApi.CARD_COMMANDS, body))
                    .as("the contract rejects it too").isNotEmpty();
        }
        answerRaw(GatewayApi.CARD_COMMANDS, aResponse().withStatus(200).withHeader("Content-Type", contentType)
                .withBody(body));
        try (DeviceGatewayClient client = client().build()) {
            assertThatThrownBy(() -> client.getCardCommands(Fixtures.topUp()))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.getMessage()).contains("(Content-Type " + contentType + ")").contains(problem);
                        assertThat(e.bodyExcerpt()).isEqualTo(body);
                    });
        }
    }

    @Test
    void aCommandWithNonAsciiHexDigitsIsAMalformedAnswer() {
        answerRaw(GatewayApi.CARD_COMMANDS, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"statusCode\":0,\"commands\":[{\"commandId\":\"1\",\"command\":\"\u0660\u0666"
                        + "\uFF10\uFF10\uFF26\uFF26\"}]}"));
        try (DeviceGatewayClient client = client().build()) {
            assertThatThrownBy(() -> client.getCardCommands(Fixtures.topUp()))
                    .isInstanceOfSatisfying(MalformedResponseException.class,
                            e -> assertThat(e.getMessage()).contains("commands[].command"));
            CommandSession session = client.session(VirtualCardExecutor.sampleTransitCard()).build();
            assertThatThrownBy(() -> session.run(Fixtures.topUp())).isInstanceOf(MalformedResponseException.class);
        }
    }

    static List<Arguments> faultsOnEveryTransport() {
        return transports().stream().flatMap(t -> java.util.Arrays.stream(Fault.values())
                .map(f -> Arguments.of(t, f))).toList();
    }

    @ParameterizedTest(name = "{1} via {0}")
    @MethodSource("faultsOnEveryTransport")
    void aTransportFaultIsATransportExceptionAndIsNotRetried(String transport, Fault fault) {
        answerRaw(GatewayApi.CARD_COMMANDS, aResponse().withFault(fault));
        HttpTransport t = HttpTransports.create(transport, TransportOptions.defaults());
        try (t; DeviceGatewayClient client = client().transport(t).retryPolicy(RetryPolicy.defaults()).build()) {
            assertThatThrownBy(() -> client.getCardCommands(Fixtures.topUp()))
                    .isInstanceOfSatisfying(TransportException.class, e ->
                            assertThat(e.isRequestSent()).as("the TES may have acted").isTrue());
        }
        assertThat(requestsTo(GatewayApi.CARD_COMMANDS)).as("a sent step is never repeated").hasSize(1);
    }

    @ParameterizedTest(name = "via {0}")
    @MethodSource("transports")
    void aSlowTesTimesOutAfterOneRequestAndNoRetry(String transport) {
        tes.stubFor(post(urlEqualTo(path(GatewayApi.CARD_COMMANDS))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"statusCode\":0}")
                .withFixedDelay(5_000)));
        // A second of read timeout: enough for a busy machine to deliver the request before it runs out.
        TransportOptions options = TransportOptions.builder().readTimeout(Duration.ofSeconds(1)).build();
        HttpTransport t = HttpTransports.create(transport, options);
        try (t; DeviceGatewayClient client = client().transport(t).retryPolicy(RetryPolicy.builder().maxAttempts(5)
                .initialBackoff(Duration.ZERO).build()).build()) {
            assertThatThrownBy(() -> client.getCardCommands(Fixtures.topUp()))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.isRequestSent()).isTrue();
                        assertThat(e.reason()).isIn(TransportException.Reason.READ_TIMEOUT,
                                TransportException.Reason.DEADLINE);
                    });
        }
        tes.verify(1, postRequestedFor(urlEqualTo(path(GatewayApi.CARD_COMMANDS))));
    }

    @Test
    void theReadTimeoutOfTheBuilderApplies() {
        tes.stubFor(post(urlEqualTo(path(GatewayApi.PARK_CARD_COMMANDS))).willReturn(aResponse().withStatus(200)
                .withBody("{\"statusCode\":0}").withFixedDelay(5_000)));
        try (DeviceGatewayClient client = client().readTimeout(Duration.ofSeconds(1)).build()) {
            assertThatThrownBy(() -> client.getParkCardCommands(Fixtures.park()))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.isRequestSent()).isTrue());
        }
        tes.verify(1, postRequestedFor(urlEqualTo(path(GatewayApi.PARK_CARD_COMMANDS))));
    }

    @Test
    void aRefusedConnectionWasNotSent() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl("http://127.0.0.1:" + port)
                .actorId(ACTOR).retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> client.getCardCommands(Fixtures.topUp()))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.isRequestSent()).isFalse();
                        assertThat(e.reason()).isEqualTo(TransportException.Reason.CONNECT);
                    });
        }
    }

    @Test
    void theBasePathAndAPathPrefixMakeTheUrl() {
        try (DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl("https://tes.example.com/prefix/")
                .actorId(ACTOR).build()) {
            assertThat(client.endpoint(GatewayApi.READER_MODE_COMMANDS)).hasToString(
                    "https://tes.example.com/prefix/tes/devicegtwapi/1/0/getReaderModeCommands");
            assertThat(client.actorId()).isEqualTo(ACTOR);
        }
        try (DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl("http://tes:8080").basePath("/")
                .actorId(ACTOR).build()) {
            assertThat(client.endpoint(GatewayApi.CARD_COMMANDS)).hasToString("http://tes:8080/getCardCommands");
        }
        answer(post(urlEqualTo("/custom/v2/getParkCardCommands")), GatewayApi.PARK_CARD_COMMANDS,
                "{\"statusCode\":0}");
        try (DeviceGatewayClient client = client().basePath("custom/v2/").build()) {
            assertThat(client.getParkCardCommands(Fixtures.park()).isOk()).isTrue();
        }
    }

    @Test
    void theBuilderRefusesAnInvalidActorIdOrUrl() {
        assertThatThrownBy(() -> client().actorId("A".repeat(33)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("x-actor-id"));
        assertThatThrownBy(() -> client().actorId("").build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client().actorId(null).build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client().actorId("tsh\r\nx: y").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).contains("visible ASCII"));
        assertThatThrownBy(() -> client().actorId("tshé").build()).isInstanceOf(ValidationException.class);
        client().actorId("A".repeat(32)).build().close();
        for (String url : new String[] {"ftp://tes", "tes.example.com", "http://", "http://tes?x=1", "http://t es"}) {
            assertThatThrownBy(() -> client().baseUrl(url).build()).as(url)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"));
        }
        assertThatThrownBy(() -> client().baseUrl((String) null).build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client().basePath("/a?b").build()).isInstanceOf(ValidationException.class);
    }

    @Test
    void aMissingBaseUrlIsAValidationExceptionAsOnTheThreddClient() {
        assertThatThrownBy(() -> DeviceGatewayClient.builder().actorId(ACTOR).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://tsh:S3cretPass@tes.example.com", "https://tsh:S3cretPass@tes:8443/p/",
        "http://S3cretPass@tes.example.com", "https://tsh:S3cretPass%40x@tes.example.com",
        " https://tsh:S3cretPass@t "})
    void aBaseUrlWithAUserOrPasswordIsRefusedWithoutShowingThePassword(String url) {
        List<Supplier<DeviceGatewayClient.Builder>> builders = List.of(() -> client().baseUrl(url),
                () -> client().baseUrl(URI.create(url.strip())));
        for (Supplier<DeviceGatewayClient.Builder> b : builders) {
            assertThatThrownBy(() -> b.get().build()).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo("baseUrl");
                assertThat(e.rule()).isEqualTo("no user name or password in the URL");
                assertThat(e.getMessage()).doesNotContain("S3cretPass").doesNotContain("tsh:")
                        .contains("***@");
                assertThat(e.shownValue()).doesNotContain("S3cretPass");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://tsh:S3cretPass@tes", "https://tsh:S3cret Pass@tes", "tsh:S3cretPass@tes",
        "https://tsh:S3cretPass@tes?x=1", "https://tsh:S3cret/Pass@tes", "https://tsh:S3cretPass@"})
    void aBadBaseUrlIsNeverShownWithItsPassword(String url) {
        assertThatThrownBy(() -> client().baseUrl(url).build()).isInstanceOfSatisfying(ValidationException.class,
                e -> {
                    assertThat(e.field()).isEqualTo("baseUrl");
                    assertThat(e.getMessage()).doesNotContain("S3cret");
                });
    }

    @Test
    void toStringShowsTheUrlRedacted() {
        try (DeviceGatewayClient client = DeviceGatewayClient.builder()
                .baseUrl("https://tes.example.com/4111111111111111").actorId(ACTOR).build()) {
            assertThat(client.toString()).startsWith("DeviceGatewayClient[https://tes.example.com/")
                    .contains("/tes/devicegtwapi/1/0/").contains(ACTOR).doesNotContain("4111111111111111")
                    .contains("411111******1111");
            assertThat(client.endpoint(GatewayApi.CARD_COMMANDS).getPath()).as("the real URL is unchanged")
                    .contains("4111111111111111");
        }
        try (DeviceGatewayClient client = client().build()) {
            assertThat(client.toString()).isEqualTo("DeviceGatewayClient[" + baseUrl() + BASE_PATH + "/, actorId="
                    + ACTOR + ", transport=okhttp]");
        }
    }

    @Test
    void aTransportPassedInIsLeftOpenAndOneCreatedIsClosed() {
        answer(GatewayApi.CARD_COMMANDS, "{\"statusCode\":0}");
        HttpTransport own = HttpTransports.create("jdk", TransportOptions.defaults());
        try (own) {
            DeviceGatewayClient client = client().transport(own).build();
            client.close();
            assertThat(client().transport(own).build().getCardCommands(Fixtures.topUp()).isOk()).isTrue();
        }
        DeviceGatewayClient created = client().build();
        created.close();
        assertThatThrownBy(() -> created.getCardCommands(Fixtures.topUp())).isInstanceOfSatisfying(
                TransportException.class, e -> assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED));
    }

    @Test
    void theDefaultTransportIsOkHttp() {
        try (DeviceGatewayClient client = client().build()) {
            assertThat(client.toString()).contains("okhttp").contains(ACTOR);
        }
    }
}
