package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How answers are read and mapped, through the client with an in-memory transport. */
class ResponseHandlingTest {
    private static final TokenRef TOKEN = TokenRef.ofDpan("4111111111111111");

    private static ThreddClient client(ScriptedTransport t) {
        return ThreddClient.builder().endpoint("http://127.0.0.1:9/service.asmx").credentials("user", "s3cret-pw")
                .issCode("PMT").transport(t).retryPolicy(RetryPolicy.none()).build();
    }

    private static TokenDeviceList list(ScriptedTransport t) {
        try (ThreddClient c = client(t)) {
            return c.tokenDevices().list(TOKEN);
        }
    }

    @Test
    void repeatedDeviceListElementsAreOneDeviceEachWithEveryFieldTyped() {
        TokenDeviceList list = list(ScriptedTransport.answering(200, Fixtures.read("list-repeated.xml")));
        assertThat(list.actionCode()).isEqualTo(ActionCode.SUCCESS);
        assertThat(list.issCode()).isEqualTo("PMT");
        assertThat(list.devices()).hasSize(3);

        TokenDevice d = list.devices().get(0);
        assertThat(d.boundDeviceIndex()).isEqualTo("1");
        assertThat(d.tokenUserId()).isEqualTo("40010030273");
        assertThat(d.tokenUserType()).isEqualTo(TokenUserType.MOBILE_APPLICATION);
        assertThat(d.tokenUserTypeCode()).isEqualTo("03");
        assertThat(d.gpsDeviceStatus()).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(d.netDeviceStatus()).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(d.deviceBindDate().instant()).contains(Instant.parse("2024-03-05T10:11:12Z"));
        assertThat(d.deviceStatusDate().raw()).isEqualTo("2024-03-06 101112");
        assertThat(d.deviceStatusDate().instant()).contains(Instant.parse("2024-03-06T10:11:12Z"));
        assertThat(d.deviceType()).isEqualTo("M");
        assertThat(d.deviceLang()).contains("en");
        assertThat(d.deviceId()).contains("04A1B2C3D4E5F60718293A4B5C6D7E8F");
        assertThat(d.deviceTelNum()).contains("447700900123");
        assertThat(d.deviceName()).contains("Alice's phone");
        assertThat(d.longitude()).contains(new BigDecimal("-0.1276"));
        assertThat(d.latitude()).contains(new BigDecimal("51.5072"));
        assertThat(d.deviceIp()).contains("203.0.113.7");
        assertThat(d.toString()).doesNotContain("447700900123").contains("0123");

        TokenDevice second = list.devices().get(1);
        assertThat(second.gpsDeviceStatus()).isEqualTo(DeviceStatus.SUSPENDED);
        assertThat(second.netDeviceStatus()).isEqualTo(DeviceStatus.UNRECOGNISED);
        assertThat(second.netDeviceStatusCode()).isEqualTo("Q");
        assertThat(second.tokenUserType()).isEqualTo(TokenUserType.BIOMETRIC_APP);
        assertThat(second.deviceBindDate().instant()).contains(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(second.deviceStatusDate().instant()).contains(Instant.parse("2025-12-31T00:00:00Z"));
        assertThat(second.deviceLang()).isEmpty();
        assertThat(second.longitude()).isEmpty();

        TokenDevice third = list.devices().get(2);
        assertThat(third.boundDeviceIndex()).isEqualTo("17");
        assertThat(third.tokenUserType()).isEqualTo(TokenUserType.UNRECOGNISED);
        assertThat(third.tokenUserTypeCode()).isEqualTo("9");
        assertThat(third.gpsDeviceStatus()).isEqualTo(DeviceStatus.DELETED);
        assertThat(third.netDeviceStatus()).isEqualTo(DeviceStatus.DEACTIVATED);
        assertThat(third.deviceBindDate().instant()).contains(Instant.parse("2023-07-08T08:09:10Z"));
        assertThat(third.deviceStatusDate().raw()).isEqualTo("next tuesday");
        assertThat(third.deviceStatusDate().instant()).isEmpty();
        assertThat(third.deviceType()).isEqualTo("TABLET");
        assertThat(third.longitude()).isEmpty();
        assertThat(third.latitude()).contains(new BigDecimal("-33.8688"));
    }

    @Test
    void oneDeviceListWrappingItemsGivesTheSameDevices() {
        TokenDeviceList list = list(ScriptedTransport.answering(200, Fixtures.read("list-wrapped.xml")));
        assertThat(list.devices()).extracting(TokenDevice::boundDeviceIndex).containsExactly("1", "2");
        assertThat(list.devices().get(0).longitude()).contains(new BigDecimal("176.2"));
        assertThat(list.devices().get(0).latitude()).contains(new BigDecimal("-82.6"));
        assertThat(list.devices().get(1).gpsDeviceStatus()).isEqualTo(DeviceStatus.PENDING);
        assertThat(list.devices().get(1).tokenUserType()).isEqualTo(TokenUserType.WEB);
    }

    @Test
    void aResultInAnotherNamespaceOrCaseIsStillRead() {
        String body = """
                <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>
                <x:Ws_Token_Device_ManagementResponse xmlns:x="urn:other"><Ws_Token_Device_ManagementResult>
                <wsid>${WSID}</wsid><actioncode>000</actioncode>
                <devicelist><boundDeviceIndex>5</boundDeviceIndex><DeviceLongitude>1.5</DeviceLongitude></devicelist>
                </Ws_Token_Device_ManagementResult></x:Ws_Token_Device_ManagementResponse></s:Body></s:Envelope>""";
        TokenDeviceList list = list(ScriptedTransport.answering(200, body));
        assertThat(list.devices()).singleElement().satisfies(d -> {
            assertThat(d.boundDeviceIndex()).isEqualTo("5");
            assertThat(d.longitude()).contains(new BigDecimal("1.5"));
            assertThat(d.gpsDeviceStatus()).isEqualTo(DeviceStatus.UNRECOGNISED);
            assertThat(d.deviceBindDate().instant()).isEmpty();
        });
        assertThat(list.issCode()).isEqualTo("PMT");
    }

    @Test
    void theSpecSample218IsAnEmptyListNotAnError() {
        ScriptedTransport t = new ScriptedTransport(r -> ScriptedTransport.xml(200,
                Fixtures.read("spec-response-218.xml")));
        try (ThreddClient c = ThreddClient.builder().endpoint("http://127.0.0.1:9/").credentials("u", "pw1")
                .issCode("PMT").transport(t).wsidSupplier(() -> Fixtures.SPEC_WSID).build()) {
            TokenDeviceList list = c.tokenDevices().list(TOKEN);
            assertThat(list.devices()).isEmpty();
            assertThat(list.isEmpty()).isTrue();
            assertThat(list.actionCode()).isEqualTo(ActionCode.NO_DEVICES);
            assertThat(list.actionCodeRaw()).isEqualTo("218");
            assertThat(list.wsid()).isEqualTo(Fixtures.SPEC_WSID);
        }
    }

    @Test
    void unbind000And220AreResultsAnd219IsAnActionException() {
        try (ThreddClient c = client(ScriptedTransport.answering(200, Fixtures.action("000", 0)
                .replace("<WSID>0</WSID>", "")))) {
            UnbindResult r = c.tokenDevices().unbind(TOKEN, "1");
            assertThat(r.unbound()).isTrue();
            assertThat(r.alreadyUnbound()).isFalse();
            assertThat(r.deviceIndex()).isEqualTo("1");
        }
        try (ThreddClient c = client(ScriptedTransport.answering(200, Fixtures.read("action.xml")
                .replace("${ACTION}", "220")))) {
            UnbindResult r = c.tokenDevices().unbind(TOKEN, "1");
            assertThat(r.alreadyUnbound()).isTrue();
            assertThat(r.unbound()).isFalse();
            assertThat(r.actionCode()).isEqualTo(ActionCode.DEVICE_ALREADY_UNBOUND);
        }
        ScriptedTransport t = ScriptedTransport.answering(200, Fixtures.read("action.xml")
                .replace("${ACTION}", "219"));
        try (ThreddClient c = client(t)) {
            assertThatThrownBy(() -> c.tokenDevices().unbind(TOKEN, "9"))
                    .isInstanceOfSatisfying(ThreddActionException.class, e -> {
                        assertThat(e.code()).isEqualTo("219");
                        assertThat(e.actionCode()).isEqualTo(ActionCode.DEVICE_INDEX_NOT_IN_LIST);
                        assertThat(e.meaning()).isEqualTo("Specified DeviceIndex not in list");
                        assertThat(e.wsid()).isEqualTo(ScriptedTransport.wsidOf(t.requests.get(0)));
                        assertThat(e.operation()).isEqualTo("unbind");
                        assertThat(e.getMessage()).contains("219", "Specified DeviceIndex not in list",
                                Long.toString(e.wsid()));
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"220", "219", "999", "868", "402"})
    void onAListEveryCodeBut000And218Throws(String code) {
        ScriptedTransport t = ScriptedTransport.answering(200, Fixtures.read("action.xml").replace("${ACTION}", code));
        assertThatThrownBy(() -> list(t)).isInstanceOfSatisfying(ThreddActionException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.issCode()).isEqualTo("PMT");
            assertThat(e.getMessage()).contains(ActionCode.meaningOf(code));
        });
        assertThat(t.requests).hasSize(1);
    }

    @Test
    void aDuplicateWsidPointsAtWsWebServiceResult() {
        ScriptedTransport t = ScriptedTransport.answering(200, Fixtures.read("action.xml").replace("${ACTION}", "868"));
        assertThatThrownBy(() -> list(t)).hasMessageContaining("Ws_WebServiceResult");
    }

    @Test
    void anAnswerForAnotherWsidIsRefused() {
        ScriptedTransport t = new ScriptedTransport(r -> ScriptedTransport.xml(200, Fixtures.action("000", 1)));
        assertThatThrownBy(() -> list(t)).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("another WSID");
    }

    @Test
    void soap11And12FaultsBecomeSoapFaultExceptions() {
        ScriptedTransport v11 = new ScriptedTransport(r -> ScriptedTransport.xml(500, Fixtures.read("fault-1.1.xml")));
        assertThatThrownBy(() -> list(v11)).isInstanceOfSatisfying(SoapFaultException.class, e -> {
            assertThat(e.soapVersion()).isEqualTo(SoapVersion.SOAP_1_1);
            assertThat(e.faultCode()).isEqualTo("soap:Client");
            assertThat(e.isSenderFault()).isTrue();
            assertThat(e.reason()).startsWith("Server was unable to read request. --->");
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.wsid()).isEqualTo(ScriptedTransport.wsidOf(v11.requests.get(0)));
        });
        ScriptedTransport v12 = new ScriptedTransport(r -> ScriptedTransport.xml(200, Fixtures.read("fault-1.2.xml")));
        assertThatThrownBy(() -> list(v12)).isInstanceOfSatisfying(SoapFaultException.class, e -> {
            assertThat(e.soapVersion()).isEqualTo(SoapVersion.SOAP_1_2);
            assertThat(e.faultCode()).isEqualTo("soap:Receiver/InternalError");
            assertThat(e.isSenderFault()).isFalse();
            assertThat(e.reason()).contains("Object reference not set");
            assertThat(e.httpStatus()).isEqualTo(200);
        });
    }

    @Test
    void aReceiverFaultOnAnUnbindHasAnUnknownOutcomeThatSaysToCheckWsWebServiceResult() {
        ScriptedTransport t = new ScriptedTransport(r -> ScriptedTransport.xml(500, Fixtures.read("fault-1.2.xml")));
        try (ThreddClient c = client(t)) {
            assertThatThrownBy(() -> c.tokenDevices().unbind(TOKEN, "1"))
                    .isInstanceOfSatisfying(UnbindOutcomeUnknownException.class, e -> {
                        assertThat(e.wsid()).isEqualTo(ScriptedTransport.wsidOf(t.requests.get(0)));
                        assertThat(e.getMessage()).contains("Ws_WebServiceResult", Long.toString(e.wsid()));
                        assertThat(e.getCause()).isInstanceOf(SoapFaultException.class);
                    });
        }
        assertThat(t.requests).hasSize(1);
    }

    @Test
    void aSenderFaultOnAnUnbindStaysASoapFault() {
        ScriptedTransport t = new ScriptedTransport(r -> ScriptedTransport.xml(500, Fixtures.read("fault-1.1.xml")));
        try (ThreddClient c = client(t)) {
            assertThatThrownBy(() -> c.tokenDevices().unbind(TOKEN, "1"))
                    .isExactlyInstanceOf(SoapFaultException.class).hasMessageContaining("rejected unread");
        }
    }

    @Test
    void anHtmlPageWith200IsMalformedWithARedactedExcerpt() {
        ScriptedTransport t = new ScriptedTransport(r -> new HttpResponse(200,
                HttpHeaders.of("Content-Type", "text/html"), Fixtures.read("error-page.html").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> list(t)).isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.getMessage()).contains("not a SOAP answer");
            assertThat(e.bodyExcerpt()).contains("maintenance").doesNotContain("4111111111111111")
                    .contains("411111******1111");
            assertThat(e.getMessage()).doesNotContain("4111111111111111");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>",
        "not xml at all",
        "",
        "<Envelope><Body/></Envelope>",
        "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body/></soap:Envelope>",
        "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                + "<Ws_Token_Device_ManagementResponse><Ws_Token_Device_ManagementResult><WSID>1</WSID>"
                + "</Ws_Token_Device_ManagementResult></Ws_Token_Device_ManagementResponse></soap:Body></soap:Envelope>",
    })
    void truncatedNonSoapOrIncompleteAnswersAreMalformed(String body) {
        ScriptedTransport t = new ScriptedTransport(r -> ScriptedTransport.xml(200,
                body.replace("<WSID>1</WSID>", "<WSID>" + ScriptedTransport.wsidOf(r) + "</WSID>")));
        assertThatThrownBy(() -> list(t)).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        byte[] big = new byte[ResponseDecoder.MAX_RESPONSE_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        ScriptedTransport t = new ScriptedTransport(r -> new HttpResponse(200, HttpHeaders.empty(), big));
        assertThatThrownBy(() -> list(t)).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("more than the 1048576");
    }

    @Test
    void http403ExplainsThreddsFairUseLimit() {
        ScriptedTransport t = new ScriptedTransport(r -> new HttpResponse(403, HttpHeaders.empty(),
                "Forbidden 403.501".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> list(t)).isInstanceOfSatisfying(HttpStatusException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.getMessage()).contains("20 concurrent connections", "maxConcurrentRequests");
            assertThat(e.bodyExcerpt()).contains("403.501");
        });
    }

    @Test
    void otherStatusesWithoutAFaultAreHttpStatusExceptions() {
        ScriptedTransport t = new ScriptedTransport(r -> new HttpResponse(404, HttpHeaders.empty(),
                "<html>Not found</html>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> list(t)).isInstanceOfSatisfying(HttpStatusException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.getMessage()).contains("endpoint URL");
        });
    }

    @Test
    void anUnbindAnswered5xxWithoutASoapAnswerHasAnUnknownOutcome() {
        ScriptedTransport t = new ScriptedTransport(r -> new HttpResponse(502, HttpHeaders.empty(),
                "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
        try (ThreddClient c = client(t)) {
            assertThatThrownBy(() -> c.tokenDevices().unbind(TOKEN, "3"))
                    .isInstanceOfSatisfying(UnbindOutcomeUnknownException.class, e -> {
                        assertThat(e.wsid()).isEqualTo(ScriptedTransport.wsidOf(t.requests.get(0)));
                        assertThat(e.issCode()).isEqualTo("PMT");
                        assertThat(e.deviceIndex()).isEqualTo("3");
                        assertThat(e.getCause()).isInstanceOf(HttpStatusException.class);
                        assertThat(e.getMessage()).contains("Ws_WebServiceResult", Long.toString(e.wsid()))
                                .doesNotContain("4111111111111111");
                    });
        }
        assertThat(t.requests).hasSize(1);
    }

    @Test
    void anUnbindAnsweredWithGarbageHasAnUnknownOutcome() {
        ScriptedTransport t = new ScriptedTransport(r -> ScriptedTransport.xml(200, "<html>oops"));
        try (ThreddClient c = client(t)) {
            assertThatThrownBy(() -> c.tokenDevices().unbind(TOKEN, "3"))
                    .isInstanceOf(UnbindOutcomeUnknownException.class)
                    .cause().isInstanceOf(MalformedResponseException.class);
        }
    }

    @Test
    void anUnbindRefusedWith4xxIsAPlainHttpStatusException() {
        ScriptedTransport t = new ScriptedTransport(r -> new HttpResponse(403, HttpHeaders.empty(), null));
        try (ThreddClient c = client(t)) {
            assertThatThrownBy(() -> c.tokenDevices().unbind(TOKEN, "3")).isExactlyInstanceOf(HttpStatusException.class);
        }
    }
}
