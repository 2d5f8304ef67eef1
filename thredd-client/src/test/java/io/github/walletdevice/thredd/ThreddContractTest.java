package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.walletdevice.thredd.ThreddServer.NS11;
import static io.github.walletdevice.thredd.ThreddServer.NS12;
import static io.github.walletdevice.thredd.ThreddServer.PATH;
import static io.github.walletdevice.thredd.ThreddServer.soap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.thredd.ThreddServer.TestClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The wire contract over real HTTP on loopback, starting from the spec's sample envelopes, on every transport. */
class ThreddContractTest {
    private static final HoldingTransformer HOLD = new HoldingTransformer();
    private static final ArrivalRecorder ARRIVALS = new ArrivalRecorder();

    @RegisterExtension
    static final WireMockExtension WM = ThreddServer.extension(HOLD, ARRIVALS);

    private static final String DPAN = "4111111111111111";
    private static final String CT12 = "application/soap+xml; charset=utf-8;"
            + " action=\"http://www.globalprocessing.ae/HyperionWeb/Ws_Token_Device_Management\"";

    @BeforeEach
    void clear() {
        ARRIVALS.clear();
    }

    @AfterEach
    void release() {
        HOLD.reset();
    }

    static List<String> transports() {
        return ThreddServer.transports();
    }

    private static Element operation(LoggedRequest r, String soapNs) {
        Document d = Fixtures.parse(r.getBodyAsString());
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(soapNs);
        return (Element) d.getElementsByTagNameNS(Fixtures.HYP, "Ws_Token_Device_Management").item(0);
    }

    @ParameterizedTest
    @MethodSource("transports")
    void theSpecSampleListOverSoap12(String transport) {
        WM.stubFor(post(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo(CT12))
                .withHeader("SOAPAction", absent())
                .withRequestBody(matchingXPath("/soap:Envelope/soap:Header/hyp:AuthSoapHeader"
                        + "[hyp:strUserName='" + ThreddServer.USER + "'][hyp:strPassword='" + ThreddServer.PASSWORD
                        + "']", NS12))
                .withRequestBody(matchingXPath("/soap:Envelope/soap:Body/hyp:Ws_Token_Device_Management"
                        + "[hyp:WSID='11012021817'][hyp:IssCode='PMT'][hyp:Func='00'][hyp:DPAN='" + DPAN + "']"
                        + "[not(hyp:PaymentTokenId)][not(hyp:DeviceIndex)]", NS12))
                .willReturn(soap(200, Fixtures.read("spec-response-218.xml"))));

        try (TestClient c = ThreddServer.client(WM, transport, b -> b.wsidSupplier(() -> Fixtures.SPEC_WSID))) {
            TokenDeviceList list = c.devices().list(TokenRef.ofDpan(DPAN));
            assertThat(list.devices()).isEmpty();
            assertThat(list.actionCode()).isEqualTo(ActionCode.NO_DEVICES);
            assertThat(list.wsid()).isEqualTo(Fixtures.SPEC_WSID);
        }
        List<LoggedRequest> received = WM.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(received).hasSize(1);
        Element op = operation(received.get(0), Fixtures.SOAP12);
        assertThat(RequestEnvelopeTest.childNames(op)).containsExactly(
                "{" + Fixtures.HYP + "}WSID=11012021817", "{" + Fixtures.HYP + "}IssCode=PMT",
                "{" + Fixtures.HYP + "}Func=00", "{" + Fixtures.HYP + "}DPAN=" + DPAN);
    }

    // Jetty, under WireMock, upper-cases a well-known charset on the way in; RequestEnvelopeTest checks the exact text.
    @ParameterizedTest
    @MethodSource("transports")
    void aListOverSoap11ReadsTheWrappedDeviceListShape(String transport) {
        WM.stubFor(post(urlEqualTo(PATH))
                .withHeader("Content-Type", equalToIgnoreCase("text/xml; charset=utf-8"))
                .withHeader("SOAPAction",
                        equalTo("\"http://www.globalprocessing.ae/HyperionWeb/Ws_Token_Device_Management\""))
                .withRequestBody(matchingXPath("/soap:Envelope/soap:Header/hyp:AuthSoapHeader/hyp:strUserName", NS11))
                .withRequestBody(matchingXPath("/soap:Envelope/soap:Body/hyp:Ws_Token_Device_Management"
                        + "[hyp:Func='00'][hyp:PaymentTokenId='987654'][not(hyp:DPAN)]", NS11))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=utf-8")
                        .withBody(Fixtures.answer("list-wrapped.xml", 501))));

        try (TestClient c = ThreddServer.client(WM, transport,
                b -> b.soapVersion(SoapVersion.SOAP_1_1).wsidSupplier(() -> 501))) {
            TokenDeviceList list = c.devices().list(TokenRef.ofPaymentTokenId("987654"));
            assertThat(list.devices()).extracting(TokenDevice::boundDeviceIndex).containsExactly("1", "2");
            assertThat(list.devices()).extracting(TokenDevice::gpsDeviceStatus)
                    .containsExactly(DeviceStatus.ACTIVE, DeviceStatus.PENDING);
        }
        Element op = operation(WM.findAll(postRequestedFor(urlEqualTo(PATH))).get(0), Fixtures.SOAP11);
        assertThat(RequestEnvelopeTest.childNames(op)).containsExactly(
                "{" + Fixtures.HYP + "}WSID=501", "{" + Fixtures.HYP + "}IssCode=PMT",
                "{" + Fixtures.HYP + "}Func=00", "{" + Fixtures.HYP + "}PaymentTokenId=987654");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aListOfSeveralDevicesInRepeatedDeviceListElements(String transport) {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(200, Fixtures.answer("list-repeated.xml", 777))));
        try (TestClient c = ThreddServer.client(WM, transport, b -> b.wsidSupplier(() -> 777))) {
            TokenDeviceList list = c.devices().list("AB12", TokenRef.of(DPAN, "T1"));
            assertThat(list.devices()).hasSize(3);
            TokenDevice first = list.devices().get(0);
            assertThat(first.deviceBindDate().instant()).contains(Instant.parse("2024-03-05T10:11:12Z"));
            assertThat(first.longitude()).contains(new BigDecimal("-0.1276"));
            assertThat(list.devices().get(2).gpsDeviceStatus()).isEqualTo(DeviceStatus.DELETED);
        }
        WM.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingXPath(
                "//hyp:Ws_Token_Device_Management[hyp:IssCode='AB12'][hyp:DPAN='" + DPAN
                        + "'][hyp:PaymentTokenId='T1']", NS12)));
    }

    static List<Arguments> unbindCodes() {
        return transports().stream().flatMap(t -> List.of("000", "219", "220", "221").stream()
                .map(code -> Arguments.of(t, code))).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unbindCodes")
    void unbindActionCodes(String transport, String code) {
        WM.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(matchingXPath("/soap:Envelope/soap:Body/hyp:Ws_Token_Device_Management"
                        + "[hyp:Func='01'][hyp:DPAN='" + DPAN + "'][hyp:DeviceIndex='2']", NS12))
                .willReturn(soap(200, Fixtures.action(code, 9001))));
        try (TestClient c = ThreddServer.client(WM, transport, b -> b.wsidSupplier(() -> 9001))) {
            if (code.equals("000") || code.equals("220")) {
                UnbindResult r = c.devices().unbind(TokenRef.ofDpan(DPAN), "2");
                assertThat(r.actionCodeRaw()).isEqualTo(code);
                assertThat(r.unbound()).isEqualTo(code.equals("000"));
                assertThat(r.alreadyUnbound()).isEqualTo(code.equals("220"));
                assertThat(r.wsid()).isEqualTo(9001);
            } else {
                assertThatThrownBy(() -> c.devices().unbind(TokenRef.ofDpan(DPAN), "2"))
                        .isInstanceOfSatisfying(ThreddActionException.class, e -> {
                            assertThat(e.code()).isEqualTo(code);
                            assertThat(e.wsid()).isEqualTo(9001);
                            assertThat(e.meaning()).isEqualTo(ActionCode.fromCode(code).meaning());
                        });
            }
        }
        Element op = operation(WM.findAll(postRequestedFor(urlEqualTo(PATH))).get(0), Fixtures.SOAP12);
        assertThat(RequestEnvelopeTest.childNames(op)).containsExactly(
                "{" + Fixtures.HYP + "}WSID=9001", "{" + Fixtures.HYP + "}IssCode=PMT",
                "{" + Fixtures.HYP + "}Func=01", "{" + Fixtures.HYP + "}DPAN=" + DPAN,
                "{" + Fixtures.HYP + "}DeviceIndex=2");
    }

    // DeviceIndex and BoundDeviceIndex are AN 1-3 in the spec: an index Thredd lists with a letter can be unbound.
    @ParameterizedTest
    @MethodSource("transports")
    void aListedIndexWithALetterIsUnboundAsIs(String transport) {
        WM.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(matchingXPath("//hyp:Ws_Token_Device_Management[hyp:Func='00']", NS12))
                .willReturn(soap(200, Fixtures.answer("list-repeated.xml", 4242).replace(
                        "<BoundDeviceIndex>1</BoundDeviceIndex>", "<BoundDeviceIndex>A1</BoundDeviceIndex>"))));
        WM.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(matchingXPath("//hyp:Ws_Token_Device_Management[hyp:Func='01']"
                        + "[hyp:DeviceIndex='A1']", NS12))
                .willReturn(soap(200, Fixtures.action("000", 4242))));
        try (TestClient c = ThreddServer.client(WM, transport, b -> b.wsidSupplier(() -> 4242))) {
            String index = c.devices().list(TokenRef.ofDpan(DPAN)).devices().get(0).boundDeviceIndex();
            assertThat(index).isEqualTo("A1");
            UnbindResult r = c.devices().unbind(TokenRef.ofDpan(DPAN), index);
            assertThat(r.unbound()).isTrue();
            assertThat(r.deviceIndex()).isEqualTo("A1");
        }
        Element op = operation(WM.findAll(postRequestedFor(urlEqualTo(PATH))).get(1), Fixtures.SOAP12);
        assertThat(RequestEnvelopeTest.childNames(op)).containsExactly(
                "{" + Fixtures.HYP + "}WSID=4242", "{" + Fixtures.HYP + "}IssCode=PMT",
                "{" + Fixtures.HYP + "}Func=01", "{" + Fixtures.HYP + "}DPAN=" + DPAN,
                "{" + Fixtures.HYP + "}DeviceIndex=A1");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void soapFaultsInBothShapes(String transport) {
        WM.stubFor(post(urlEqualTo(PATH)).withHeader("Content-Type", equalToIgnoreCase("text/xml; charset=utf-8"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=utf-8")
                        .withBody(Fixtures.read("fault-1.1.xml"))));
        WM.stubFor(post(urlEqualTo(PATH)).withHeader("Content-Type", equalTo(CT12))
                .willReturn(soap(500, Fixtures.read("fault-1.2.xml"))));
        try (TestClient c11 = ThreddServer.client(WM, transport, b -> b.soapVersion(SoapVersion.SOAP_1_1));
             TestClient c12 = ThreddServer.client(WM, transport, b -> { })) {
            assertThatThrownBy(() -> c11.devices().list(TokenRef.ofDpan(DPAN)))
                    .isInstanceOfSatisfying(SoapFaultException.class, e -> {
                        assertThat(e.faultCode()).isEqualTo("soap:Client");
                        assertThat(e.httpStatus()).isEqualTo(500);
                        assertThat(e.wsid()).isEqualTo(ARRIVALS.wsids().get(0));
                    });
            assertThatThrownBy(() -> c12.devices().list(TokenRef.ofDpan(DPAN)))
                    .isInstanceOfSatisfying(SoapFaultException.class, e -> {
                        assertThat(e.soapVersion()).isEqualTo(SoapVersion.SOAP_1_2);
                        assertThat(e.faultCode()).isEqualTo("soap:Receiver/InternalError");
                        assertThat(e.wsid()).isEqualTo(ARRIVALS.wsids().get(1));
                    });
        }
        // A 500 carrying a fault is an answer: the list is not resent.
        assertThat(ARRIVALS.bodies()).hasSize(2);
    }

    static List<Arguments> receiverFaults() {
        return transports().stream().flatMap(t -> List.of(
                Arguments.of(t, SoapVersion.SOAP_1_1, 500, "fault-1.1-server.xml", "soap:Server"),
                Arguments.of(t, SoapVersion.SOAP_1_2, 500, "fault-1.2.xml", "soap:Receiver/InternalError"),
                Arguments.of(t, SoapVersion.SOAP_1_2, 200, "fault-1.2.xml", "soap:Receiver/InternalError"))
                .stream()).toList();
    }

    // ASMX reports a crash while processing as a Receiver (1.2) / Server (1.1) fault: the unbind may have been done.
    @ParameterizedTest(name = "{0} SOAP {1} HTTP {2}")
    @MethodSource("receiverFaults")
    void aReceiverFaultOnAnUnbindLeavesItsOutcomeUnknown(String transport, SoapVersion version, int status,
                                                         String fixture, String faultCode) {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", version == SoapVersion.SOAP_1_1 ? "text/xml; charset=utf-8"
                        : "application/soap+xml; charset=utf-8")
                .withBody(Fixtures.read(fixture))));
        try (TestClient c = ThreddServer.client(WM, transport, b -> b.soapVersion(version))) {
            assertThatThrownBy(() -> c.devices().unbind(TokenRef.ofDpan(DPAN), "2"))
                    .isInstanceOfSatisfying(UnbindOutcomeUnknownException.class, e -> {
                        assertThat(e.wsid()).isEqualTo(ARRIVALS.wsids().get(0));
                        assertThat(e.issCode()).isEqualTo("PMT");
                        assertThat(e.deviceIndex()).isEqualTo("2");
                        assertThat(e.getMessage()).contains("Ws_WebServiceResult", Long.toString(e.wsid()))
                                .doesNotContain(DPAN);
                        assertThat(e.getCause()).isInstanceOfSatisfying(SoapFaultException.class, f -> {
                            assertThat(f.soapVersion()).isEqualTo(version);
                            assertThat(f.faultCode()).isEqualTo(faultCode);
                            assertThat(f.isSenderFault()).isFalse();
                            assertThat(f.httpStatus()).isEqualTo(status);
                            assertThat(f.wsid()).isEqualTo(e.wsid());
                        });
                    });
            long firstWsid = ARRIVALS.wsids().get(0);
            CompletableFuture<UnbindResult> async = c.devices().unbindAsync(TokenRef.ofDpan(DPAN), "2");
            assertThatThrownBy(async::join).isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(UnbindOutcomeUnknownException.class,
                            e -> assertThat(e.wsid()).isEqualTo(ARRIVALS.wsids().get(1)).isNotEqualTo(firstWsid));
        }
        // Never resent: one request per unbind.
        assertThat(ARRIVALS.bodies()).hasSize(2);
    }

    static List<Arguments> senderFaults() {
        return transports().stream().flatMap(t -> List.of(
                Arguments.of(t, SoapVersion.SOAP_1_1, "fault-1.1.xml", "soap:Client"),
                Arguments.of(t, SoapVersion.SOAP_1_2, "fault-1.2-sender.xml", "soap:Sender")).stream()).toList();
    }

    // A Sender (1.2) / Client (1.1) fault rejects the request unread: the unbind was not done.
    @ParameterizedTest(name = "{0} SOAP {1}")
    @MethodSource("senderFaults")
    void aSenderFaultOnAnUnbindIsASoapFault(String transport, SoapVersion version, String fixture,
                                            String faultCode) {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", version == SoapVersion.SOAP_1_1 ? "text/xml; charset=utf-8"
                        : "application/soap+xml; charset=utf-8")
                .withBody(Fixtures.read(fixture))));
        try (TestClient c = ThreddServer.client(WM, transport, b -> b.soapVersion(version))) {
            assertThatThrownBy(() -> c.devices().unbind(TokenRef.ofDpan(DPAN), "2"))
                    .isExactlyInstanceOf(SoapFaultException.class)
                    .isInstanceOfSatisfying(SoapFaultException.class, e -> {
                        assertThat(e.faultCode()).isEqualTo(faultCode);
                        assertThat(e.isSenderFault()).isTrue();
                        assertThat(e.wsid()).isEqualTo(ARRIVALS.wsids().get(0));
                    });
        }
        assertThat(ARRIVALS.bodies()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("transports")
    void malformedXmlIsAMalformedResponse(String transport) {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(200,
                "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                        + "<Ws_Token_Device_ManagementResponse><Ws_Token_Device_ManagementResult><ActionCode>000")));
        try (TestClient c = ThreddServer.client(WM, transport, b -> { })) {
            assertThatThrownBy(() -> c.devices().list(TokenRef.ofDpan(DPAN)))
                    .isInstanceOfSatisfying(MalformedResponseException.class,
                            e -> assertThat(e.getMessage()).contains("not well-formed XML"));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void anHtmlErrorPageServedWith200(String transport) {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.read("error-page.html"))));
        try (TestClient c = ThreddServer.client(WM, transport, b -> { })) {
            assertThatThrownBy(() -> c.devices().list(TokenRef.ofDpan(DPAN)))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.bodyExcerpt()).contains("maintenance", "411111******1111")
                                .doesNotContain(DPAN);
                        assertThat(e.getMessage()).doesNotContain(DPAN);
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void http403IsThreddsFairUseLimitAndIsNotRetried(String transport) {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403)
                .withBody("<html><body>403.501 - Forbidden: Too many concurrent connections</body></html>")));
        try (TestClient c = ThreddServer.client(WM, transport, b -> { })) {
            assertThatThrownBy(() -> c.devices().list(TokenRef.ofDpan(DPAN)))
                    .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("20 concurrent connections");
                        assertThat(e.bodyExcerpt()).contains("403.501");
                    });
        }
        WM.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }
}
