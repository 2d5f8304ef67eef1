package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.walletdevice.thredd.ThreddServer.PATH;
import static io.github.walletdevice.thredd.ThreddServer.soap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.thredd.ThreddServer.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Hostile answers: the reader must refuse them without resolving or expanding anything. */
class XmlSafetyTest {
    @RegisterExtension
    static final WireMockExtension WM = ThreddServer.extension(new HoldingTransformer(), new ArrivalRecorder());

    private static final String SECRET_FILE_CONTENT = "top-secret-file-content";

    private static String answerWith(String doctype, String actionCode) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "\n"
                + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                + "<Ws_Token_Device_ManagementResponse xmlns=\"http://www.globalprocessing.ae/HyperionWeb\">"
                + "<Ws_Token_Device_ManagementResult><IssCode>PMT</IssCode><ActionCode>" + actionCode
                + "</ActionCode></Ws_Token_Device_ManagementResult></Ws_Token_Device_ManagementResponse>"
                + "</soap:Body></soap:Envelope>";
    }

    private static void assertRefused(String body) {
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(200, body)));
        try (TestClient c = ThreddServer.client(WM, "jdk", b -> { })) {
            assertThatThrownBy(() -> c.devices().list(TokenRef.ofDpan("4111111111111111")))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.getMessage()).contains("DOCTYPE");
                        assertThat(e.getMessage() + e.bodyExcerpt()).doesNotContain(SECRET_FILE_CONTENT);
                    });
        }
    }

    @Test
    void anExternalEntityIsNeitherFetchedNorRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET_FILE_CONTENT);
        WM.stubFor(get(urlPathMatching("/xxe.*")).willReturn(aResponse().withBody("000")));
        assertRefused(answerWith("<!DOCTYPE soap:Envelope [\n"
                + "  <!ENTITY file SYSTEM \"" + secret.toUri() + "\">\n"
                + "  <!ENTITY remote SYSTEM \"" + WM.url("/xxe") + "\">\n"
                + "  <!ENTITY % dtd SYSTEM \"" + WM.url("/xxe-dtd") + "\"> %dtd;\n"
                + "]>", "&remote;&file;"));
        WM.verify(0, anyRequestedFor(urlPathMatching("/xxe.*")));
    }

    @Test
    void anExternalDtdIsNotFetched() {
        WM.stubFor(get(urlPathMatching("/xxe.*")).willReturn(aResponse().withBody("<!ENTITY x 'y'>")));
        assertRefused(answerWith("<!DOCTYPE soap:Envelope SYSTEM \"" + WM.url("/xxe.dtd") + "\">", "000"));
        WM.verify(0, anyRequestedFor(urlPathMatching("/xxe.*")));
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        dtd.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">\n");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>");
        assertRefused(answerWith(dtd.toString(), "&lol9;"));
    }
}
