package io.github.walletdevice.thredd;

import io.github.walletdevice.thredd.internal.SoapRequestEncoder;
import io.github.walletdevice.thredd.internal.TokenDeviceManagementElement;
import io.github.walletdevice.thredd.internal.Credentials;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each envelope written whole, from any number of threads, and the password's written form as the envelope carries it. */
class SoapRequestEncoderTest {
    private static final Credentials CREDENTIALS = new Credentials("user", "secret-pass");

    private static String envelope(SoapVersion v, long wsid) {
        TokenDeviceManagementElement e = new TokenDeviceRequest(Func.LIST, "PMT", TokenRef.ofPaymentTokenId("T1"),
                null).toElement(wsid);
        return new String(SoapRequestEncoder.encode(v.envelopeNamespace(), CREDENTIALS, e), StandardCharsets.UTF_8);
    }

    @Test
    void eachEnvelopeIsWrittenWholeInItsSoapVersion() {
        String first = envelope(SoapVersion.SOAP_1_2, 11);
        String v11 = envelope(SoapVersion.SOAP_1_1, 12);
        String again = envelope(SoapVersion.SOAP_1_2, 11);
        assertThat(again).isEqualTo(first);
        assertThat(first).startsWith("<soap:Envelope").contains(SoapVersion.SOAP_1_2.envelopeNamespace())
                .doesNotContain(SoapVersion.SOAP_1_1.envelopeNamespace()).doesNotStartWith("<?xml");
        assertThat(v11).contains(SoapVersion.SOAP_1_1.envelopeNamespace())
                .doesNotContain(SoapVersion.SOAP_1_2.envelopeNamespace()).contains(">12<");
        assertThat(first.split("<soap:Envelope", -1)).hasSize(2);
    }

    @Test
    void threadsEncodingAtOnceEachGetTheirOwnEnvelope() throws Exception {
        List<String> wrong = AllAtOnce.run(6, thread -> {
            List<String> mine = new ArrayList<>();
            long base = 1_000_000L * (thread + 1);
            for (long wsid = base; wsid < base + 200; wsid++) {
                SoapVersion v = wsid % 2 == 0 ? SoapVersion.SOAP_1_1 : SoapVersion.SOAP_1_2;
                String xml = envelope(v, wsid);
                if (!xml.contains(">" + wsid + "<") || !xml.contains(v.envelopeNamespace())
                        || !xml.endsWith("</soap:Envelope>")) {
                    mine.add(wsid + ": " + xml);
                }
            }
            return mine;
        });
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain-Pass_123", "p&ss", "a<b", "a>b", "q\"uote", "ap'os", "tab\there", "nl\nx",
        "cr\rx", "caf\u00e9", "x\uD83D\uDE00y", "]]>x", "&amp;"})
    void theWrittenFormIsWhatTheEnvelopeCarries(String password) {
        TokenDeviceManagementElement e = new TokenDeviceRequest(Func.LIST, "PMT", TokenRef.ofPaymentTokenId("T1"),
                null).toElement(1);
        String xml = new String(SoapRequestEncoder.encode(SoapVersion.SOAP_1_2.envelopeNamespace(), new Credentials("user", password), e),
                StandardCharsets.UTF_8);
        assertThat(xml).contains("<hyp:strPassword>" + SoapRequestEncoder.writtenText(password) + "</hyp:strPassword>");
    }

    @Test
    void everyPrintableAsciiCharacterButTheThreeMarkupOnesIsWrittenAsItIs() {
        for (char c = 0x20; c <= 0x7E; c++) {
            String text = "ab" + c;
            assertThat(SoapRequestEncoder.writtenText(text)).as("%s", text)
                    .isEqualTo("&<>".indexOf(c) >= 0 ? "ab&" + Map.of('&', "amp", '<', "lt", '>', "gt").get(c) + ";"
                            : text);
        }
    }

    /** Byte for byte what the JAXB writer this one replaced wrote for the same requests (captured from it). */
    @Test
    void theBytesAreThoseJaxbWrote() {
        String list12 = new String(SoapRequestEncoder.encode(SoapVersion.SOAP_1_2.envelopeNamespace(), new Credentials("us&er", "p<&>'\"w\r"),
                new TokenDeviceRequest(Func.LIST, "PMT", TokenRef.ofDpan("4111111111111111"), null).toElement(11)),
                StandardCharsets.UTF_8);
        assertThat(list12).isEqualTo("<soap:Envelope xmlns:hyp=\"http://www.globalprocessing.ae/HyperionWeb\""
                + " xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Header><hyp:AuthSoapHeader>"
                + "<hyp:strUserName>us&amp;er</hyp:strUserName><hyp:strPassword>p&lt;&amp;&gt;'\"w&#13;</hyp:strPassword>"
                + "</hyp:AuthSoapHeader></soap:Header><soap:Body><hyp:Ws_Token_Device_Management><hyp:WSID>11</hyp:WSID>"
                + "<hyp:IssCode>PMT</hyp:IssCode><hyp:Func>00</hyp:Func><hyp:DPAN>4111111111111111</hyp:DPAN>"
                + "</hyp:Ws_Token_Device_Management></soap:Body></soap:Envelope>");
        byte[] unbind11 = SoapRequestEncoder.encode(SoapVersion.SOAP_1_1.envelopeNamespace(), new Credentials("u", "x\uD83D\uDE00\u00e9"),
                new TokenDeviceRequest(Func.UNBIND, "PMT", TokenRef.of("4111111111111111", "98765"), "2")
                        .toElement(42, TokenIdElement.FIELD_TABLE));
        assertThat(unbind11).isEqualTo(("<soap:Envelope xmlns:hyp=\"http://www.globalprocessing.ae/HyperionWeb\""
                + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header><hyp:AuthSoapHeader>"
                + "<hyp:strUserName>u</hyp:strUserName><hyp:strPassword>x\uD83D\uDE00\u00e9</hyp:strPassword>"
                + "</hyp:AuthSoapHeader></soap:Header><soap:Body><hyp:Ws_Token_Device_Management><hyp:WSID>42</hyp:WSID>"
                + "<hyp:IssCode>PMT</hyp:IssCode><hyp:Func>01</hyp:Func><hyp:DPAN>4111111111111111</hyp:DPAN>"
                + "<hyp:PaymentTokenID>98765</hyp:PaymentTokenID><hyp:DeviceIndex>2</hyp:DeviceIndex>"
                + "</hyp:Ws_Token_Device_Management></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8));
    }
}
