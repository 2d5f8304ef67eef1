package io.github.walletdevice.thredd;

import io.github.walletdevice.thredd.internal.XmlText;
import io.github.walletdevice.thredd.internal.SoapRequestEncoder;
import io.github.walletdevice.thredd.internal.TokenDeviceManagementElement;
import io.github.walletdevice.thredd.internal.Credentials;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password is masked in every form a server might echo it, starting with the one the request carries. */
class CredentialsTest {

    private static String carried(Credentials c) {
        TokenDeviceManagementElement e = new TokenDeviceRequest(Func.LIST, "PMT", TokenRef.ofPaymentTokenId("T1"),
                null).toElement(1);
        String xml = new String(SoapRequestEncoder.encode(SoapVersion.SOAP_1_2.envelopeNamespace(), c, e), StandardCharsets.UTF_8);
        int start = xml.indexOf("strPassword>") + "strPassword>".length();
        return xml.substring(start, xml.indexOf("</", start));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p&ss'w\"rd<1", "cr\rlf\n&tab\t>", "]]>&amp;", "&amp;", "x\u00e9\uD83D\uDE00y",
        "plain-pass"})
    void theFormsIncludeWhatTheRequestCarriesAndAreMaskedWhole(String password) {
        Credentials c = new Credentials("user", password);
        String carried = carried(c);
        assertThat(c.passwordForms()).contains(carried, password, XmlText.escape(password)).doesNotHaveDuplicates();
        assertThat(c.passwordForms()).isSortedAccordingTo((a, b) -> Integer.compare(b.length(), a.length()));
        assertThat(c.scrub("<a>" + carried + "</a> " + password + " " + XmlText.escape(password)))
                .isEqualTo("<a>***</a> *** ***");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p&ss'w\"rd<1", "cr\rlf"})
    void theRequestEscapesOnlyWhatJaxbEscapes(String password) {
        // Quotes are written as they are, a carriage return as a character reference: the plain and the fully
        // escaped forms alone would miss what a server echoing the request shows.
        String carried = carried(new Credentials("user", password));
        assertThat(carried).isNotEqualTo(password).isNotEqualTo(XmlText.escape(password));
    }
}
