package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.walletdevice.thredd.ThreddServer.PATH;
import static io.github.walletdevice.thredd.ThreddServer.soap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.testing.CapturedLogs;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.thredd.ThreddServer.TestClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DPAN and token id a call sent are masked wherever they show (exception messages, body excerpts, DEBUG bodies),
 * whether or not they pass the Luhn check that catches other card numbers.
 */
class SentValuesRedactionTest {
    @RegisterExtension
    static final WireMockExtension WM = ThreddServer.extension(new HoldingTransformer(), new ArrivalRecorder());

    /** 16 digits that fail the Luhn check, so the generic card-number rule does not catch them. */
    private static final String DPAN = "4000123412341235";
    private static final String TOKEN_ID = "TOKEN0000123456789";

    private static String fault(String text) {
        return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><soap:Fault>"
                + "<soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text>" + text
                + "</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>";
    }

    @Test
    void theDpanAndTokenIdSentNeverShowWhole() {
        CapturedLogs.clear();
        TokenRef token = TokenRef.of(DPAN, TOKEN_ID);
        List<Throwable> shown = new ArrayList<>();
        try (TestClient c = ThreddServer.client(WM, "jdk", b -> b.logBodies(true))) {
            String echo = "card " + DPAN + " / token " + TOKEN_ID + " unknown";
            WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(500, fault(echo))));
            shown.add(catchThrowable(() -> c.devices().list(token)));
            WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody("<p>" + echo)));
            shown.add(catchThrowable(() -> c.devices().list(token)));
            WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("<p>" + echo)));
            shown.add(catchThrowable(() -> c.devices().list(token)));
        }
        assertThat(shown).hasSize(3).allSatisfy(t -> {
            assertThat(t).isNotNull();
            assertThat(describe(t)).doesNotContain(DPAN).doesNotContain(TOKEN_ID)
                    .contains(DPAN.substring(0, 6)).contains(DPAN.substring(12));
        });
        assertThat(shown.get(1)).isInstanceOf(HttpStatusException.class);
        assertThat(shown.get(2)).isInstanceOf(MalformedResponseException.class);
        List<String> lines = CapturedLogs.linesOf("io.github.walletdevice");
        // Bodies were logged (the request's DPAN element among them), yet neither value shows whole.
        assertThat(lines).anyMatch(l -> l.contains(":DPAN>"));
        assertThat(lines).noneMatch(l -> l.contains(DPAN)).noneMatch(l -> l.contains(TOKEN_ID));
    }

    @Test
    void theTokenIdIsMaskedInToString() {
        assertThat(TokenRef.ofPaymentTokenId(TOKEN_ID).toString()).doesNotContain(TOKEN_ID).contains("6789");
    }

    private static String describe(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        StringBuilder sb = new StringBuilder(w.toString());
        if (t instanceof HttpStatusException h) {
            sb.append(h.bodyExcerpt());
        }
        if (t instanceof MalformedResponseException m) {
            sb.append(m.bodyExcerpt());
        }
        return sb.toString();
    }
}
