package io.github.walletdevice.thredd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.walletdevice.thredd.ThreddServer.PASSWORD;
import static io.github.walletdevice.thredd.ThreddServer.PATH;
import static io.github.walletdevice.thredd.ThreddServer.soap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.testing.CapturedLogs;
import io.github.walletdevice.core.testing.HoldingTransformer;
import io.github.walletdevice.thredd.ThreddServer.TestClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password never shows, and DPANs show masked, in logs (bodies on), exception messages and toString(). */
class SecretsTest {
    @RegisterExtension
    static final WireMockExtension WM = ThreddServer.extension(new HoldingTransformer(), new ArrivalRecorder());

    private static final String DPAN = "4000123412341234";

    @Test
    void neitherThePasswordNorAWholeDpanIsLoggedOrShown() {
        CapturedLogs.clear();
        List<Object> shown = new ArrayList<>();
        try (TestClient c = ThreddServer.client(WM, "jdk", b -> b.logBodies(true))) {
            shown.add(c.client());
            TokenRef token = TokenRef.ofDpan(DPAN);
            shown.add(token);

            WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(200,
                    Fixtures.read("list-wrapped.xml").replace("<WSID>${WSID}</WSID>", ""))));
            TokenDeviceList list = c.devices().list(token);
            shown.add(list);
            shown.addAll(list.devices());

            WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(200,
                    Fixtures.read("action.xml").replace("<WSID>${WSID}</WSID>", "").replace("${ACTION}", "999"))));
            shown.add(catchThrowable(() -> c.devices().list(token)));

            WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(500, Fixtures.read("fault-1.2.xml"))));
            shown.add(catchThrowable(() -> c.devices().unbind(token, "1")));

            WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403).withBody("Forbidden")));
            shown.add(catchThrowable(() -> c.devices().list(token)));

            WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502).withBody("<html>")));
            shown.add(catchThrowable(() -> c.devices().unbind(token, "1")));
        }

        List<String> lines = CapturedLogs.linesOf("io.github.walletdevice");
        // Bodies were logged, so the assertion below looked at the requests themselves.
        assertThat(lines).anyMatch(l -> l.contains("strPassword"));
        assertThat(lines).anyMatch(l -> l.contains("thredd") && l.contains("actionCode=999"));
        assertThat(lines).noneMatch(l -> l.contains(PASSWORD)).noneMatch(l -> l.contains(DPAN));
        assertThat(shown).hasSize(9).allSatisfy(o -> {
            assertThat(o).isNotNull();
            assertThat(describe(o)).doesNotContain(PASSWORD).doesNotContain(DPAN);
        });
    }

    @Test
    void aPasswordEchoedByTheServerIsScrubbedFromExceptions() {
        String echo = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><soap:Fault>"
                + "<soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text>Bad header"
                + " strPassword=" + PASSWORD + " for user</soap:Text></soap:Reason></soap:Fault></soap:Body>"
                + "</soap:Envelope>";
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(500, echo)));
        try (TestClient c = ThreddServer.client(WM, "jdk", b -> { })) {
            Throwable fault = catchThrowable(() -> c.devices().list(TokenRef.ofDpan(DPAN)));
            assertThat(fault).isInstanceOf(SoapFaultException.class);
            assertThat(describe(fault)).doesNotContain(PASSWORD).contains("strPassword=***");
        }
        WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody("<html>you sent " + PASSWORD + "</html")));
        try (TestClient c = ThreddServer.client(WM, "jdk", b -> { })) {
            Throwable malformed = catchThrowable(() -> c.devices().list(TokenRef.ofDpan(DPAN)));
            assertThat(describe(malformed)).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aPasswordWithXmlSpecialCharactersIsMaskedInEveryFormAServerMightEchoIt() {
        String password = "p&ss'w\"rd<1";
        // What JAXB writes in strPassword (checked below against the request received), and the fully escaped form.
        String written = "p&amp;ss'w\"rd&lt;1";
        String fullyEscaped = "p&amp;ss&apos;w&quot;rd&lt;1";
        TokenRef token = TokenRef.ofDpan(DPAN);
        List<Object> shown = new ArrayList<>();
        CapturedLogs.clear();
        try (TestClient c = ThreddServer.client(WM, "jdk", b -> b.credentials(ThreddServer.USER, password)
                .logBodies(true))) {
            shown.add(c.client());
            // Echoed outside strPassword, in an element of a successful answer, as XML text.
            WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(200, Fixtures.read("action.xml")
                    .replace("<WSID>${WSID}</WSID>", "").replace("${ACTION}", "000")
                    .replace("<ActionCode>", "<Echo>login " + written + " / " + fullyEscaped
                            + "</Echo><ActionCode>"))));
            shown.add(c.devices().list(token));

            // In a fault's reason.
            WM.stubFor(post(urlEqualTo(PATH)).willReturn(soap(500, "<soap:Envelope"
                    + " xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><soap:Fault><soap:Code>"
                    + "<soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text>Login " + written
                    + " refused</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>")));
            shown.add(catchThrowable(() -> c.devices().list(token)));

            // In error pages, plain and escaped, with a failure status and with 200.
            String page = "<html><p>password " + password + "</p><p>" + written + "</p><p>" + fullyEscaped
                    + "</p></html";
            WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody(page)));
            shown.add(catchThrowable(() -> c.devices().list(token)));
            WM.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(page)));
            shown.add(catchThrowable(() -> c.devices().list(token)));
        }

        assertThat(WM.findAll(postRequestedFor(urlEqualTo(PATH))))
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("strPassword>" + written + "</"));
        List<String> lines = CapturedLogs.linesOf("io.github.walletdevice");
        // Response bodies were logged, echoes included.
        assertThat(lines).anyMatch(l -> l.contains("<Echo>login ***"));
        assertThat(lines).anyMatch(l -> l.contains("<p>password ***</p>"));
        assertThat(lines).noneMatch(l -> l.contains(password)).noneMatch(l -> l.contains(written))
                .noneMatch(l -> l.contains(fullyEscaped));
        assertThat(shown).hasSize(5).allSatisfy(o -> {
            assertThat(o).isNotNull();
            assertThat(describe(o)).doesNotContain(password).doesNotContain(written).doesNotContain(fullyEscaped);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:S3cret@host/service.asmx", "https://user:S3cret@host:13682/service.asmx",
        "http://:S3cret@host/", "https://user:S3cret%40x@host/", "https://S3cret@host/service.asmx",
        "https://user:S3cret@ho_st/service.asmx", "ftp://user:S3cret@host/service.asmx"})
    void anEndpointWithAUserNameOrPasswordIsRefusedWithoutShowingIt(String url) {
        for (ThrowingCallable set : List.<ThrowingCallable>of(() -> ThreddClient.builder().endpoint(url),
                () -> ThreddClient.builder().endpoint(URI.create(url)))) {
            assertThatThrownBy(set).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo("endpoint");
                assertThat(e.rule()).isEqualTo("no user name or password in the URL — use credentials(...)");
                assertThat(e.shownValue()).contains("***@");
                assertThat(describe(e)).doesNotContain("S3cret");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:S3cret@host/service asmx", "https:user:S3cret@host/service.asmx",
        "mailto:user:S3cret@host", "https://host/service asmx?password=S3cret"})
    void aBadEndpointIsRefusedWithoutShowingWhatMayBeAPassword(String url) {
        assertThat(catchThrowable(() -> ThreddClient.builder().endpoint(url)))
                .isInstanceOfSatisfying(io.github.walletdevice.core.ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("endpoint"))
                .satisfies(e -> assertThat(describe(e)).doesNotContain("S3cret"));
    }

    @Test
    void toStringShowsTheEndpointRedacted() {
        try (ThreddClient c = ThreddClient.builder().endpoint("https://host/service.asmx?password=S3cret&sig=S3cret")
                .credentials(ThreddServer.USER, PASSWORD).transport(new ScriptedTransport(r -> null)).build()) {
            assertThat(c.toString()).contains("https://host/service.asmx?password=***").doesNotContain("S3cret")
                    .doesNotContain(PASSWORD);
        }
    }

    /** Everything a user could see of an object: toString, and for exceptions every message and the trace. */
    private static String describe(Object o) {
        if (o instanceof Throwable t) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            StringBuilder sb = new StringBuilder(w.toString());
            if (t instanceof io.github.walletdevice.core.HttpStatusException h) {
                sb.append(h.bodyExcerpt());
            }
            if (t instanceof io.github.walletdevice.core.MalformedResponseException m) {
                sb.append(m.bodyExcerpt());
            }
            return sb.toString();
        }
        return String.valueOf(o);
    }
}
