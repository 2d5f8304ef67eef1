package io.github.walletdevice.thredd;

import io.github.walletdevice.thredd.internal.SoapRequestEncoder;
import io.github.walletdevice.thredd.internal.TokenDeviceManagementElement;
import io.github.walletdevice.thredd.internal.Credentials;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class RequestEnvelopeTest {
    private static final Credentials CREDENTIALS = new Credentials("******", "p<&>'\"w");

    private static Document encode(SoapVersion v, TokenDeviceRequest r, long wsid) {
        return Fixtures.parse(new String(SoapRequestEncoder.encode(v.envelopeNamespace(), CREDENTIALS, r.toElement(wsid)),
                StandardCharsets.UTF_8));
    }

    static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                names.add("{" + c.getNamespaceURI() + "}" + c.getLocalName() + "=" + c.getTextContent().strip());
            }
        }
        return names;
    }

    @Test
    void aSoap12ListIsTheSpecSampleWithTheAbsentOptionalsLeftOut() {
        Document d = encode(SoapVersion.SOAP_1_2, new TokenDeviceRequest(Func.LIST, "PMT",
                TokenRef.ofDpan("4111111111111111"), null), Fixtures.SPEC_WSID);
        Element env = d.getDocumentElement();
        assertThat(env.getNamespaceURI()).isEqualTo(Fixtures.SOAP12);
        assertThat(env.getLocalName()).isEqualTo("Envelope");
        assertThat(env.getPrefix()).isEqualTo("soap");
        Element header = (Element) env.getElementsByTagNameNS(Fixtures.SOAP12, "Header").item(0);
        Element auth = (Element) header.getElementsByTagNameNS(Fixtures.HYP, "AuthSoapHeader").item(0);
        assertThat(childNames(auth)).containsExactly("{" + Fixtures.HYP + "}strUserName=******",
                "{" + Fixtures.HYP + "}strPassword=p<&>'\"w");
        Element body = (Element) env.getElementsByTagNameNS(Fixtures.SOAP12, "Body").item(0);
        Element op = (Element) body.getElementsByTagNameNS(Fixtures.HYP, "Ws_Token_Device_Management").item(0);
        assertThat(op.getPrefix()).isEqualTo("hyp");
        assertThat(childNames(op)).containsExactly(
                "{" + Fixtures.HYP + "}WSID=11012021817",
                "{" + Fixtures.HYP + "}IssCode=PMT",
                "{" + Fixtures.HYP + "}Func=00",
                "{" + Fixtures.HYP + "}DPAN=4111111111111111");
        assertThat(childNames(env)).hasSize(2);
    }

    @Test
    void aSoap11UnbindCarriesEveryFieldInTheDocumentedOrder() {
        Document d = encode(SoapVersion.SOAP_1_1, new TokenDeviceRequest(Func.UNBIND, "PMT",
                TokenRef.of("4111111111111111", "98765"), "2"), 42);
        Element env = d.getDocumentElement();
        assertThat(env.getNamespaceURI()).isEqualTo(Fixtures.SOAP11);
        Element op = (Element) d.getElementsByTagNameNS(Fixtures.HYP, "Ws_Token_Device_Management").item(0);
        assertThat(childNames(op)).containsExactly(
                "{" + Fixtures.HYP + "}WSID=42",
                "{" + Fixtures.HYP + "}IssCode=PMT",
                "{" + Fixtures.HYP + "}Func=01",
                "{" + Fixtures.HYP + "}DPAN=4111111111111111",
                "{" + Fixtures.HYP + "}PaymentTokenId=98765",
                "{" + Fixtures.HYP + "}DeviceIndex=2");
    }

    @Test
    void aTokenIdOnlyRequestHasNoDpanElement() {
        Document d = encode(SoapVersion.SOAP_1_2, new TokenDeviceRequest(Func.LIST, "P1",
                TokenRef.ofPaymentTokenId("T1"), null), 7);
        Element op = (Element) d.getElementsByTagNameNS(Fixtures.HYP, "Ws_Token_Device_Management").item(0);
        assertThat(childNames(op)).containsExactly("{" + Fixtures.HYP + "}WSID=7", "{" + Fixtures.HYP + "}IssCode=P1",
                "{" + Fixtures.HYP + "}Func=00", "{" + Fixtures.HYP + "}PaymentTokenId=T1");
        assertThat(d.getElementsByTagNameNS(Fixtures.HYP, "DPAN").getLength()).isZero();
    }

    @Test
    void soap12PutsTheActionInTheContentTypeAndSoap11InSoapAction() {
        URI uri = URI.create("https://thredd.example/service.asmx");
        HttpRequest v12 = DefaultTokenDevices.httpRequest(uri, SoapVersion.SOAP_1_2, new byte[] {1});
        assertThat(v12.method()).isEqualTo("POST");
        assertThat(v12.headers().allValues("Content-Type")).containsExactly("application/soap+xml; charset=utf-8;"
                + " action=\"http://www.globalprocessing.ae/HyperionWeb/Ws_Token_Device_Management\"");
        assertThat(v12.headers().firstValue("SOAPAction")).isEmpty();
        HttpRequest v11 = DefaultTokenDevices.httpRequest(uri, SoapVersion.SOAP_1_1, new byte[] {1});
        assertThat(v11.headers().allValues("Content-Type")).containsExactly("text/xml; charset=utf-8");
        assertThat(v11.headers().allValues("SOAPAction"))
                .containsExactly("\"http://www.globalprocessing.ae/HyperionWeb/Ws_Token_Device_Management\"");
    }

    @Test
    void wireObjectsNeverShowThePasswordOrTheWholeDpan() {
        assertThat(CREDENTIALS.toString()).doesNotContain("p<&>");
        TokenDeviceManagementElement e = new TokenDeviceRequest(Func.LIST, "PMT",
                TokenRef.ofDpan("4111111111111111"), null).toElement(1);
        assertThat(e.toString()).doesNotContain("4111111111111111").contains("411111******1111");
    }

    @Test
    void credentialsScrubThePasswordPlainOrEscaped() {
        assertThat(CREDENTIALS.scrub("echo p<&>'\"w and p&lt;&amp;&gt;&apos;&quot;w"))
                .isEqualTo("echo *** and ***");
    }
}
