package io.github.walletdevice.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.testing.CapturedLogs;
import io.github.walletdevice.core.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link CallPipeline} logs: the operation, status and id, and never a secret, even with body logging on. */
class NoSecretsInLogsTest {
    private static final String LOGGER = "io.github.walletdevice.logtest";
    private static final String PASSWORD = "Pa55-w0rd!";
    private static final String BASIC = "Basic b3BzOlBhNTUtdzByZCE=";
    private static final String DPAN = "4111111111111111";
    private static final String PAN_IN_TEXT = "5555555555554444";
    private static final String PAN_IN_QUERY = "4012888888881881";
    private static final String RESPONSE_SECRET = "r3sp0nse-secret";
    private static final String RESPONSE_PAN = "378282246310005";

    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        CapturedLogs.clear();
    }

    private static HttpRequest soapRequest(String path) {
        String xml = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Header>"
                + "<AuthSoapHeader><strUserName>ops</strUserName><strPassword>" + PASSWORD + "</strPassword>"
                + "</AuthSoapHeader></soap:Header><soap:Body><Ws_Token_Device_Management><WSID>77</WSID>"
                + "<DPAN>" + DPAN + "</DPAN><Note>card " + PAN_IN_TEXT + "</Note>"
                + "</Ws_Token_Device_Management></soap:Body></soap:Envelope>";
        return HttpRequest.post(URI.create("http://localhost:" + server.port() + path + "?ref=" + PAN_IN_QUERY),
                        "application/soap+xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8))
                .toBuilder().header("Authorization", BASIC).build();
    }

    private static void assertNoSecret(List<String> lines) {
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain(PASSWORD, BASIC, "b3BzOlBhNTUtdzByZCE", DPAN, PAN_IN_TEXT, PAN_IN_QUERY,
                RESPONSE_SECRET, RESPONSE_PAN);
    }

    @Test
    void bodyLoggingShowsRedactedBodiesOperationAndStatusButNoSecret() throws Exception {
        server.stubFor(post(urlPathEqualTo("/ws")).willReturn(ok("{\"password\":\"" + RESPONSE_SECRET
                + "\",\"cardNumber\":\"" + RESPONSE_PAN + "\",\"status\":\"listed\"}")));
        try (CallPipeline executor = CallPipeline.builder("logtest").logBodies(true).build()) {
            Call call = Call.of("listDevices", CallKind.READ_ONLY, soapRequest("/ws"),
                    "wsid-77");
            executor.execute(call);
            executor.executeAsync(call).get();
        }

        List<String> lines = CapturedLogs.linesOf(LOGGER);
        assertNoSecret(lines);
        String all = String.join("\n", lines);
        assertThat(all).contains("listDevices", "status=200", "id=wsid-77", "<strUserName>ops</strUserName>",
                "<strPassword>***</strPassword>", "<DPAN>411111******1111</DPAN>", "card 555555******4444",
                "ref=401288******1881", "Authorization: ***", "\"password\":\"***\"", "378282*****0005",
                "\"status\":\"listed\"");
        // Per call: the request body line and the response line.
        assertThat(lines).hasSize(4).allMatch(l -> l.startsWith("DEBUG " + LOGGER));
    }

    @Test
    void aRegisteredSecretIsMaskedWhereverTheServerEchoesIt() throws Exception {
        server.stubFor(post(urlPathEqualTo("/ws")).willReturn(ok("<Result><Error>bad login ops/" + PASSWORD
                + "</Error><Hint>" + PASSWORD + "</Hint></Result>")));
        try (CallPipeline executor = CallPipeline.builder("logtest").logBodies(true).redactLiteral(PASSWORD)
                .build()) {
            executor.execute(Call.of("listDevices", CallKind.READ_ONLY, soapRequest("/ws"), "wsid-78"));
        }

        List<String> lines = CapturedLogs.linesOf(LOGGER);
        assertNoSecret(lines);
        assertThat(String.join("\n", lines)).contains("bad login ops/***", "<Hint>***</Hint>");
    }

    @Test
    void failuresAndErrorStatusesAreLoggedWithoutSecrets() {
        server.stubFor(post(urlPathEqualTo("/fault"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(post(urlPathEqualTo("/error")).willReturn(aResponse().withStatus(500)
                .withBody("<fault><strPassword>" + PASSWORD + "</strPassword><DPAN>" + DPAN + "</DPAN></fault>")));
        try (CallPipeline executor = CallPipeline.builder("logtest").logBodies(true)
                .retryPolicy(RetryPolicy.none()).build()) {
            Throwable thrown = catchThrowable(() -> executor.execute(Call.of("unbind",
                    CallKind.STATE_CHANGING, soapRequest("/fault"), "wsid-78")));
            assertThat(thrown).isInstanceOf(TransportException.class);
            assertThat(thrown.getMessage()).doesNotContain(PAN_IN_QUERY, PASSWORD);
            assertThat(executor.execute(Call.of("unbind", CallKind.STATE_CHANGING,
                    soapRequest("/error"), "wsid-79")).statusCode()).isEqualTo(500);
        }

        List<String> lines = CapturedLogs.linesOf(LOGGER);
        assertNoSecret(lines);
        assertThat(String.join("\n", lines)).contains("unbind", "failed reason=IO", "requestSent=true",
                "status=500", "id=wsid-79");
    }

    @Test
    void withoutBodyLoggingThereIsOneLinePerCallAndNoBody() {
        server.stubFor(post(urlPathEqualTo("/ws")).willReturn(ok("{\"password\":\"" + RESPONSE_SECRET + "\"}")));
        try (CallPipeline executor = CallPipeline.builder("logtest").build()) {
            executor.execute(Call.of("listDevices", CallKind.READ_ONLY, soapRequest("/ws"), "wsid-80"));
        }

        List<String> lines = CapturedLogs.linesOf(LOGGER);
        assertThat(lines).singleElement().satisfies(l -> assertThat(l)
                .contains("listDevices", "id=wsid-80", "attempt=1", "status=200", "durationMs=", "via=jdk")
                .doesNotContain("strUserName", "password", "body="));
        assertNoSecret(lines);
    }

    @Test
    void capturedLogsFilterByLoggerPrefixAndClear() {
        org.slf4j.LoggerFactory.getLogger("io.github.walletdevice.other").info("hello {}", "world");
        org.slf4j.LoggerFactory.getLogger("elsewhere").debug("ignored by the filter");
        org.slf4j.LoggerFactory.getLogger("io.github.walletdevice.other").trace("trace is off");

        assertThat(CapturedLogs.linesOf("io.github.walletdevice.other"))
                .containsExactly("INFO io.github.walletdevice.other - hello world");
        assertThat(CapturedLogs.lines()).hasSize(2);
        CapturedLogs.clear();
        assertThat(CapturedLogs.lines()).isEmpty();
    }

    @Test
    void aCallAsTextShowsOnlyHowManyValuesItMasks() {
        HttpRequest request = HttpRequest.builder().method("POST").uri(URI.create("http://127.0.0.1:1/x")).build();
        Call call = new Call("provision", CallKind.STATE_CHANGING,
                n -> new Attempt(request, null), List.of("4111111111111111", "TOKEN-ID-0042"));

        assertThat(call.toString()).doesNotContain("4111111111111111").doesNotContain("TOKEN-ID-0042")
                .contains("provision").contains("2 masked");
    }
}
