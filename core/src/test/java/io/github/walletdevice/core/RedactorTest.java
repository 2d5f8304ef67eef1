package io.github.walletdevice.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void panKeepsAtMostTheFirstSixAndLastFourDigits() {
        assertThat(Redactor.pan("4111111111111111")).isEqualTo("411111******1111");
        assertThat(Redactor.pan("4111111111111111111")).isEqualTo("411111*********1111");
        assertThat(Redactor.pan("4111111111111")).isEqualTo("411111***1111");
        assertThat(Redactor.pan("123456789012")).isEqualTo("********9012");
        assertThat(Redactor.pan("12345")).isEqualTo("*2345");
        assertThat(Redactor.pan("1234")).isEqualTo("****");
        assertThat(Redactor.pan("")).isEmpty();
        assertThat(Redactor.pan(null)).isNull();
    }

    @Test
    void xmlPasswordsAreMaskedWhateverTheNamespacePrefixOrAttributes() {
        String soap = "<soap:Header><AuthSoapHeader><strUserName>user</strUserName>"
                + "<strPassword>S3cret&amp;more</strPassword></AuthSoapHeader>"
                + "<h:StrPassword xmlns:h=\"urn:x\">other-secret</h:StrPassword></soap:Header>";

        String shown = Redactor.body(soap, 10_000);

        assertThat(shown).doesNotContain("S3cret", "other-secret")
                .contains("<strUserName>user</strUserName>", "<strPassword>***</strPassword>",
                        "<h:StrPassword xmlns:h=\"urn:x\">***</h:StrPassword>");
    }

    @Test
    void jsonPasswordsAreMaskedIncludingEscapedQuotes() {
        String json = "{\"user\":\"u\",\"password\" : \"p\\\"ass\\\\word\",\"apiKey\":\"k-123\"}";

        String shown = Redactor.body(json, 10_000);

        assertThat(shown).doesNotContain("p\\\"ass", "ass\\\\word", "k-123")
                .contains("\"user\":\"u\"", "\"password\" : \"***\"", "\"apiKey\":\"***\"");
    }

    @Test
    void panElementsAndMembersShowSixAndFourEvenWhenNotLuhnValid() {
        String xml = "<DPAN>4111111111111112</DPAN>";
        String json = "{\"cardNumber\":\"5500000000000005\"}";

        assertThat(Redactor.body(xml, 1000)).isEqualTo("<DPAN>411111******1112</DPAN>");
        assertThat(Redactor.body(json, 1000)).isEqualTo("{\"cardNumber\":\"550000******0005\"}");
    }

    @Test
    void luhnValidDigitRunsAnywhereAreMaskedButOtherNumbersAreKept() {
        String text = "card 5555555555554444 paid, wsid 1234567890123456 and order 42, amex 378282246310005";

        String shown = Redactor.body(text, 1000);

        assertThat(shown).doesNotContain("5555555555554444", "378282246310005")
                .contains("555555******4444", "378282*****0005")
                // 1234567890123456 fails the Luhn check: an id, not a card.
                .contains("wsid 1234567890123456", "order 42");
    }

    @Test
    void bodiesAreCutToTheLimitSayingHowMuchWasCut() {
        String shown = Redactor.body("x".repeat(100), 10);
        assertThat(shown).isEqualTo("xxxxxxxxxx…(90 more chars)");
        assertThat(Redactor.truncate("short", 10)).isEqualTo("short");
        assertThat(Redactor.body(null, 10)).isEmpty();
    }

    @Test
    void redactionHappensBeforeTruncationSoACutNeverExposesASecret() {
        String body = "<strPassword>abcdefghijklmnop</strPassword>";
        assertThat(Redactor.body(body, 20)).doesNotContain("abcdef");
    }

    @Test
    void credentialHeadersAreMasked() {
        HttpHeaders headers = HttpHeaders.of("Authorization", "Bearer abc.def.ghi", "proxy-authorization",
                "Basic dXNlcjpwYXNz", "Cookie", "session=s3cr3t", "Content-Type", "application/json");

        String shown = Redactor.headers(headers);

        assertThat(shown).doesNotContain("abc.def.ghi", "dXNlcjpwYXNz", "s3cr3t")
                .contains("Authorization: ***", "proxy-authorization: ***", "Content-Type: application/json");
        assertThat(headers.toString()).isEqualTo(shown);
        assertThat(Redactor.isSecretHeader("X-API-KEY")).isTrue();
        assertThat(Redactor.isSecretHeader("x-actor-id")).isFalse();
    }

    @Test
    void urisLoseUserInfoSecretParametersAndCardNumbers() {
        URI uri = URI.create("https://user:pw@host.example/path?dpan=4111111111111111&password=p%40ss&page=2"
                + "&ref=5555555555554444");

        String shown = Redactor.uri(uri);

        assertThat(shown).doesNotContain("user:pw", "4111111111111111", "p%40ss", "5555555555554444")
                .contains("https://***@host.example/path?dpan=411111******1111&password=***&page=2",
                        "ref=555555******4444");
        assertThat(Redactor.uri(URI.create("http://h/x?y=1"))).isEqualTo("http://h/x?y=1");
    }
}
