package io.github.walletdevice.examples.thredd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.thredd.ActionCode;
import io.github.walletdevice.thredd.DeviceStatus;
import io.github.walletdevice.thredd.SoapVersion;
import io.github.walletdevice.thredd.ThreddActionException;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDevice;
import io.github.walletdevice.thredd.TokenDeviceList;
import io.github.walletdevice.thredd.TokenRef;
import io.github.walletdevice.thredd.TokenUserType;
import io.github.walletdevice.thredd.UnbindResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Thredd client against the simulated Thredd over loopback, end to end. */
class SimulatedThreddEndToEndTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final TokenRef TOKEN = TokenRef.ofDpan(SeedTokens.DPAN_WITH_DEVICES);

    private final SimulatedThredd thredd = SimulatedThredd.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
            .start();

    @AfterEach
    void stop() {
        thredd.close();
    }

    private ThreddClient client(SoapVersion version) {
        return ThreddClient.builder().endpoint(thredd.url())
                .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
                .issCode(SimulatedThredd.DEFAULT_ISS_CODE).soapVersion(version).build();
    }

    @Test
    void listUnbindListAgainThenUnbindAgain() {
        try (ThreddClient client = client(SoapVersion.SOAP_1_2)) {
            TokenDeviceList before = client.tokenDevices().list(TOKEN);
            assertThat(before.actionCode()).isEqualTo(ActionCode.SUCCESS);
            assertThat(before.issCode()).isEqualTo(SimulatedThredd.DEFAULT_ISS_CODE);
            assertThat(before.devices()).extracting(TokenDevice::boundDeviceIndex).containsExactly("1", "2", "3");
            TokenDevice phone = before.devices().get(0);
            assertThat(phone.gpsDeviceStatus()).isEqualTo(DeviceStatus.ACTIVE);
            assertThat(phone.tokenUserType()).isEqualTo(TokenUserType.MOBILE_APPLICATION);
            assertThat(phone.deviceBindDate().instant()).contains(Instant.parse("2024-03-05T10:11:12Z"));
            assertThat(phone.deviceBindDate().raw()).isEqualTo("2024-03-05 10:11:12");
            assertThat(phone.longitude()).contains(new BigDecimal("-0.1276"));
            assertThat(phone.latitude()).contains(new BigDecimal("51.5072"));
            assertThat(phone.deviceName()).contains("Alice's phone");

            UnbindResult unbound = client.tokenDevices().unbind(TOKEN, "1");
            assertThat(unbound.unbound()).isTrue();
            assertThat(unbound.wsid()).isNotEqualTo(before.wsid());

            TokenDeviceList after = client.tokenDevices().list(TokenRef.ofPaymentTokenId(
                    SeedTokens.TOKEN_ID_WITH_DEVICES));
            TokenDevice changed = after.devices().get(0);
            assertThat(changed.gpsDeviceStatus()).isEqualTo(DeviceStatus.DELETED);
            assertThat(changed.netDeviceStatus()).isEqualTo(DeviceStatus.DELETED);
            assertThat(changed.deviceStatusDate().instant()).contains(NOW);
            assertThat(after.devices().get(1)).isEqualTo(before.devices().get(1));

            UnbindResult again = client.tokenDevices().unbind(TOKEN, "1");
            assertThat(again.alreadyUnbound()).isTrue();
            assertThat(again.actionCodeRaw()).isEqualTo("220");
        }
    }

    @Test
    void soap11IsAnsweredInSoap11AndTheWrappedShapeIsReadToo() {
        thredd.close();
        try (SimulatedThredd wrapped = SimulatedThredd.builder().wrappedDeviceList(true).build().start();
             ThreddClient client = ThreddClient.builder().endpoint(wrapped.url())
                     .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
                     .issCode(SimulatedThredd.DEFAULT_ISS_CODE).soapVersion(SoapVersion.SOAP_1_1).build()) {
            TokenDeviceList list = client.tokenDevices().list(TokenRef.ofDpan(SeedTokens.DPAN_SUSPENDED));
            assertThat(list.devices()).singleElement()
                    .satisfies(d -> assertThat(d.gpsDeviceStatus()).isEqualTo(DeviceStatus.SUSPENDED));
            assertThat(client.tokenDevices().list(TOKEN).devices()).hasSize(3);
        }
    }

    @Test
    void failureCodesComeBackAsActionExceptions() {
        try (ThreddClient client = client(SoapVersion.SOAP_1_2)) {
            assertThatThrownBy(() -> client.tokenDevices().unbind(TOKEN, "9"))
                    .isInstanceOfSatisfying(ThreddActionException.class,
                            e -> assertThat(e.code()).isEqualTo("219"));
            assertThatThrownBy(() -> client.tokenDevices().list(TokenRef.ofDpan("4895370000000000")))
                    .isInstanceOfSatisfying(ThreddActionException.class,
                            e -> assertThat(e.actionCode()).isEqualTo(ActionCode.NO_PAYMENT_TOKEN));
            assertThatThrownBy(() -> client.tokenDevices().list(TokenRef.of(SeedTokens.DPAN_WITH_DEVICES,
                    SeedTokens.TOKEN_ID_SUSPENDED)))
                    .isInstanceOfSatisfying(ThreddActionException.class,
                            e -> assertThat(e.actionCode()).isEqualTo(ActionCode.CARD_AND_TOKEN_MISMATCH));
            assertThatThrownBy(() -> client.tokenDevices().list("OTHR", TOKEN))
                    .isInstanceOfSatisfying(ThreddActionException.class,
                            e -> assertThat(e.actionCode()).isEqualTo(ActionCode.INVALID_ISS_CODE));
            TokenDeviceList none = client.tokenDevices().list(TokenRef.ofDpan(SeedTokens.DPAN_WITHOUT_DEVICES));
            assertThat(none.devices()).isEmpty();
            assertThat(none.actionCode()).isEqualTo(ActionCode.NO_DEVICES);
        }
    }

    @Test
    void badCredentialsAre999() {
        try (ThreddClient client = ThreddClient.builder().endpoint(thredd.url()).credentials("demo", "wrong-pw")
                .issCode(SimulatedThredd.DEFAULT_ISS_CODE).build()) {
            assertThatThrownBy(() -> client.tokenDevices().list(TOKEN))
                    .isInstanceOfSatisfying(ThreddActionException.class, e -> {
                        assertThat(e.actionCode()).isEqualTo(ActionCode.AUTHENTICATION_FAILED);
                        assertThat(e.getMessage()).doesNotContain("wrong-pw");
                    });
        }
    }

    @Test
    void aReusedWsidIs868() {
        try (ThreddClient client = ThreddClient.builder().endpoint(thredd.url())
                .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
                .issCode(SimulatedThredd.DEFAULT_ISS_CODE).wsidSupplier(() -> 20240305L).build()) {
            assertThat(client.tokenDevices().list(TOKEN).wsid()).isEqualTo(20240305L);
            assertThatThrownBy(() -> client.tokenDevices().list(TOKEN))
                    .isInstanceOfSatisfying(ThreddActionException.class, e -> {
                        assertThat(e.actionCode()).isEqualTo(ActionCode.DUPLICATE_WSID);
                        assertThat(e.getMessage()).contains("Ws_WebServiceResult");
                    });
        }
    }

    @Test
    void concurrentCallsGetUniqueWsidsAndAllSucceed() {
        try (ThreddClient client = client(SoapVersion.SOAP_1_2)) {
            List<CompletableFuture<TokenDeviceList>> calls = java.util.stream.IntStream.range(0, 40)
                    .mapToObj(i -> client.tokenDevices().listAsync(TOKEN)).toList();
            List<TokenDeviceList> lists = calls.stream().map(CompletableFuture::join).toList();
            assertThat(lists).allSatisfy(l -> assertThat(l.devices()).hasSize(3));
            assertThat(lists.stream().map(TokenDeviceList::wsid).distinct()).hasSize(40);
        }
        assertThat(thredd.requestCount()).isEqualTo(40);
    }

    @Test
    void unreadableXmlGetsASoapFault() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> v12 = http.send(HttpRequest.newBuilder(thredd.url())
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("<soap:Envelope xmlns:soap=")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(v12.statusCode()).isEqualTo(500);
        assertThat(v12.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/soap+xml"));
        assertThat(v12.body()).contains("http://www.w3.org/2003/05/soap-envelope", "soap:Sender",
                "Server was unable to read request");
        HttpResponse<String> v11 = http.send(HttpRequest.newBuilder(thredd.url())
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("<not-soap/>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(v11.statusCode()).isEqualTo(500);
        assertThat(v11.body()).contains("<faultcode>soap:Client</faultcode>");
    }

    @Test
    void aWrongSoapActionIsAFaultTheClientReports() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:hyp=\"http://www.globalprocessing.ae/HyperionWeb\"><soap:Body>"
                + "<hyp:Ws_Token_Device_Management><hyp:WSID>1</hyp:WSID></hyp:Ws_Token_Device_Management>"
                + "</soap:Body></soap:Envelope>";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(thredd.url())
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"urn:other\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("SOAPAction");
    }

    @Test
    void theExampleProgramRunsAgainstItsOwnSimulator() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ThreddExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Unbind of device 1: action code 000", "Unbind again: action code 220")
                .contains("Thredd status DELETED").doesNotContain(SeedTokens.DPAN_WITH_DEVICES);
    }
}
