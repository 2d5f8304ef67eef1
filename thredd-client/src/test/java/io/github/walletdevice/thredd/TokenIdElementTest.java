package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.walletdevice.thredd.ThreddServer.PATH;
import static io.github.walletdevice.thredd.ThreddServer.soap;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.thredd.ThreddServer.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token id's element is spelled as the sample by default, as the field table on request. */
class TokenIdElementTest {
    @RegisterExtension
    static final WireMockExtension WM = ThreddServer.extension(new HoldingTransformer(), new ArrivalRecorder());

    private String sentBy(java.util.function.Consumer<ThreddClient.Builder> settings) {
        WM.resetRequests();
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(200, Fixtures.read("action.xml")
                .replace("<WSID>${WSID}</WSID>", "").replace("${ACTION}", "218"))));
        try (TestClient c = ThreddServer.client(WM, "jdk", settings)) {
            c.devices().list(TokenRef.ofPaymentTokenId("TOKEN42"));
        }
        return WM.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBodyAsString();
    }

    @Test
    void theSamplesSpellingIsTheDefault() {
        assertThat(sentBy(b -> { })).contains(":PaymentTokenId>TOKEN42</")
                .doesNotContain("PaymentTokenID");
    }

    @Test
    void theFieldTablesSpellingIsSelectable() {
        assertThat(sentBy(b -> b.tokenIdElement(TokenIdElement.FIELD_TABLE)))
                .contains(":PaymentTokenID>TOKEN42</").doesNotContain("PaymentTokenId");
    }
}
