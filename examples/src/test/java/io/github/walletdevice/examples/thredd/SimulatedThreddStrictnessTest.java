package io.github.walletdevice.examples.thredd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.thredd.ActionCode;
import io.github.walletdevice.thredd.SoapVersion;
import io.github.walletdevice.thredd.ThreddActionException;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDevice;
import io.github.walletdevice.thredd.TokenIdElement;
import io.github.walletdevice.thredd.TokenRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulated Thredd is exactly as strict as the specification: each rule is shown by a deliberately wrong client
 * (raw HTTP) that is refused, next to the right one that is served.
 */
class SimulatedThreddStrictnessTest {
    private static final String HYPERION = "http://www.globalprocessing.ae/HyperionWeb";
    private static final String ACTION = HYPERION + "/Ws_Token_Device_Management";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final AtomicLong WSIDS = new AtomicLong(1);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<SimulatedThredd> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(SimulatedThredd::close);
    }

    private SimulatedThredd start(UnaryOperator<SimulatedThredd.Builder> settings) {
        SimulatedThredd t = settings.apply(SimulatedThredd.builder()).build().start();
        started.add(t);
        return t;
    }

    /** A request envelope; {@code fields} go inside Ws_Token_Device_Management after WSID, IssCode, Func. */
    private static String envelope(String soapNs, String func, String fields) {
        return "<soap:Envelope xmlns:soap=\"" + soapNs + "\" xmlns:hyp=\"" + HYPERION + "\"><soap:Header>"
                + "<hyp:AuthSoapHeader><hyp:strUserName>" + SimulatedThredd.DEFAULT_USER + "</hyp:strUserName>"
                + "<hyp:strPassword>" + SimulatedThredd.DEFAULT_PASSWORD + "</hyp:strPassword></hyp:AuthSoapHeader>"
                + "</soap:Header><soap:Body><hyp:Ws_Token_Device_Management><hyp:WSID>" + WSIDS.getAndIncrement()
                + "</hyp:WSID><hyp:IssCode>" + SimulatedThredd.DEFAULT_ISS_CODE + "</hyp:IssCode><hyp:Func>" + func
                + "</hyp:Func>" + fields + "</hyp:Ws_Token_Device_Management></soap:Body></soap:Envelope>";
    }

    private static String list12(String tokenElement, String token) {
        return envelope(SOAP12, "00", "<hyp:" + tokenElement + ">" + token + "</hyp:" + tokenElement + ">");
    }

    private HttpResponse<String> post(URI uri, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String actionCode(HttpResponse<String> r) {
        String body = r.body();
        int at = body.indexOf("<ActionCode>");
        return at < 0 ? "(none) " + body : body.substring(at + 12, at + 15);
    }

    private static final String[] SOAP12_TYPE = {"Content-Type", "application/soap+xml; charset=utf-8; action=\""
            + ACTION + "\""};
    private static final String DPAN = "<hyp:DPAN>" + SeedTokens.DPAN_WITH_DEVICES + "</hyp:DPAN>";

    @Test
    void soap11RequiresItsSoapActionHeader() throws Exception {
        SimulatedThredd t = start(b -> b);
        String body = envelope(SOAP11, "00", DPAN);
        HttpResponse<String> without = post(t.url(), body, "Content-Type", "text/xml; charset=utf-8");
        assertThat(without.statusCode()).isEqualTo(500);
        assertThat(without.body()).contains("faultstring").contains("SOAPAction");
        HttpResponse<String> wrong = post(t.url(), envelope(SOAP11, "00", DPAN), "Content-Type",
                "text/xml; charset=utf-8", "SOAPAction", "\"" + HYPERION + "/Ws_Other\"");
        assertThat(wrong.statusCode()).isEqualTo(500);
        HttpResponse<String> right = post(t.url(), envelope(SOAP11, "00", DPAN), "Content-Type",
                "text/xml; charset=utf-8", "SOAPAction", "\"" + ACTION + "\"");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(actionCode(right)).isEqualTo("000");
    }

    @Test
    void theContentTypeMustMatchTheEnvelopesVersion() throws Exception {
        SimulatedThredd t = start(b -> b);
        assertThat(post(t.url(), envelope(SOAP12, "00", DPAN), "Content-Type", "text/xml; charset=utf-8",
                "SOAPAction", ACTION).statusCode()).as("1.2 envelope as text/xml").isEqualTo(415);
        assertThat(post(t.url(), envelope(SOAP11, "00", DPAN), "Content-Type",
                "application/soap+xml; charset=utf-8", "SOAPAction", ACTION).statusCode())
                .as("1.1 envelope as application/soap+xml").isEqualTo(415);
        assertThat(post(t.url(), envelope(SOAP12, "00", DPAN)).statusCode()).as("no Content-Type").isEqualTo(415);
        assertThat(post(t.url(), envelope(SOAP12, "00", DPAN), "Content-Type", "application/xml").statusCode())
                .isEqualTo(415);
        HttpResponse<String> wrongAction = post(t.url(), envelope(SOAP12, "00", DPAN), "Content-Type",
                "application/soap+xml; charset=utf-8; action=\"urn:other\"");
        assertThat(wrongAction.statusCode()).isEqualTo(500);
        assertThat(post(t.url(), envelope(SOAP12, "00", DPAN), SOAP12_TYPE).statusCode()).isEqualTo(200);
        // SOAP 1.2 makes the action parameter optional.
        assertThat(post(t.url(), envelope(SOAP12, "00", DPAN), "Content-Type", "application/soap+xml")
                .statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/service.asmxx", "/other/service.asmx", "/Service.asmx"})
    void onlyItsOwnPathIsServed(String path) throws Exception {
        SimulatedThredd t = start(b -> b);
        assertThat(post(t.url().resolve(path), envelope(SOAP12, "00", DPAN), SOAP12_TYPE).statusCode())
                .isEqualTo(404);
        assertThat(t.url().getPath()).isEqualTo(SimulatedThredd.PATH);
    }

    @Test
    void theTokenIdIsReadUnderTheConfiguredSpellingOnly() throws Exception {
        SimulatedThredd sample = start(b -> b);
        SimulatedThredd table = start(b -> b.tokenIdElement(TokenIdElement.FIELD_TABLE));
        String id = SeedTokens.TOKEN_ID_WITH_DEVICES;
        assertThat(actionCode(post(sample.url(), list12("PaymentTokenId", id), SOAP12_TYPE))).isEqualTo("000");
        assertThat(actionCode(post(sample.url(), list12("PaymentTokenID", id), SOAP12_TYPE))).isEqualTo("216");
        assertThat(actionCode(post(table.url(), list12("PaymentTokenID", id), SOAP12_TYPE))).isEqualTo("000");
        assertThat(actionCode(post(table.url(), list12("PaymentTokenId", id), SOAP12_TYPE))).isEqualTo("216");
        // The SDK's client, told the same spelling, is served.
        try (ThreddClient c = client(table, b -> b.tokenIdElement(TokenIdElement.FIELD_TABLE))) {
            assertThat(c.tokenDevices().list(TokenRef.ofPaymentTokenId(id)).actionCode())
                    .isEqualTo(ActionCode.SUCCESS);
        }
        try (ThreddClient c = client(table, b -> b)) {
            assertThatThrownBy(() -> c.tokenDevices().list(TokenRef.ofPaymentTokenId(id)))
                    .isInstanceOfSatisfying(ThreddActionException.class,
                            e -> assertThat(e.actionCode()).isEqualTo(ActionCode.DPAN_OR_TOKEN_ID_REQUIRED));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001", "1-2", "\u00e91"})
    void aDeviceIndexThatIsNotOneToThreeLettersOrDigitsIsAFormatError(String index) throws Exception {
        SimulatedThredd t = start(b -> b);
        assertThat(actionCode(post(t.url(), envelope(SOAP12, "01", DPAN + "<hyp:DeviceIndex>" + index
                + "</hyp:DeviceIndex>"), SOAP12_TYPE))).isEqualTo("904");
        assertThat(t.service().tokens().get(0).devices().get(0).isUnbound()).as("device 1 still bound").isFalse();
    }

    @Test
    void aDeviceIndexOfOneToThreeCharactersIsServed() throws Exception {
        SimulatedThredd t = start(b -> b);
        assertThat(actionCode(post(t.url(), envelope(SOAP12, "01", DPAN + "<hyp:DeviceIndex>001</hyp:DeviceIndex>"),
                SOAP12_TYPE))).isEqualTo("000");
    }

    @Test
    void moreThanTwentyRequestsAtOnceAreRefusedWith403() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        SimulatedThredd t = start(b -> b.beforeAnswer(() -> {
            held.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        List<CompletableFuture<HttpResponse<String>>> twenty = new ArrayList<>();
        for (int i = 0; i < SimulatedThredd.DEFAULT_MAX_CONCURRENT; i++) {
            twenty.add(http.sendAsync(HttpRequest.newBuilder(t.url()).headers(SOAP12_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(envelope(SOAP12, "00", DPAN))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (held.get() < SimulatedThredd.DEFAULT_MAX_CONCURRENT && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(held.get()).as("requests held in the simulator").isEqualTo(SimulatedThredd.DEFAULT_MAX_CONCURRENT);
        HttpResponse<String> oneTooMany = post(t.url(), envelope(SOAP12, "00", DPAN), SOAP12_TYPE);
        release.countDown();
        assertThat(oneTooMany.statusCode()).isEqualTo(403);
        for (CompletableFuture<HttpResponse<String>> f : twenty) {
            assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(post(t.url(), envelope(SOAP12, "00", DPAN), SOAP12_TYPE).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(DateLayout.class)
    void everyDateLayoutIsWrittenAndTheClientReadsIt(DateLayout layout) throws Exception {
        SimulatedThredd t = start(b -> b.dateLayout(layout));
        Instant bound = Instant.parse("2024-03-05T10:11:12Z");
        assertThat(post(t.url(), list12("PaymentTokenId", SeedTokens.TOKEN_ID_WITH_DEVICES), SOAP12_TYPE).body())
                .contains("<DeviceBindDate>" + layout.format(bound) + "</DeviceBindDate>");
        try (ThreddClient c = client(t, b -> b)) {
            TokenDevice phone = c.tokenDevices().list(TokenRef.ofDpan(SeedTokens.DPAN_WITH_DEVICES)).devices().get(0);
            assertThat(phone.deviceBindDate().instant()).contains(bound);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bothDeviceListShapesAreWrittenAndRead(boolean wrapped) throws Exception {
        SimulatedThredd t = start(b -> b.wrappedDeviceList(wrapped));
        String body = post(t.url(), list12("PaymentTokenId", SeedTokens.TOKEN_ID_WITH_DEVICES), SOAP12_TYPE).body();
        assertThat(body.contains("<DeviceListItem>")).isEqualTo(wrapped);
        try (ThreddClient c = client(t, b -> b.soapVersion(SoapVersion.SOAP_1_1))) {
            assertThat(c.tokenDevices().list(TokenRef.ofDpan(SeedTokens.DPAN_WITH_DEVICES)).devices())
                    .extracting(TokenDevice::boundDeviceIndex).containsExactly("1", "2", "3");
        }
    }

    private static ThreddClient client(SimulatedThredd t, UnaryOperator<ThreddClient.Builder> settings) {
        return settings.apply(ThreddClient.builder().endpoint(t.url())
                .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
                .issCode(SimulatedThredd.DEFAULT_ISS_CODE)).build();
    }
}
