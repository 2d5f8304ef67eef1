package io.github.walletdevice.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ParsedUrlsTest {

    @Test
    void aUriIsParsedOnceAndKeepsEveryPart() {
        ParsedUrls urls = new ParsedUrls();
        URI uri = URI.create("https://tes.example:8443/tes/devicegtwapi/1/0/getCardCommands?a=1&a=2#frag");

        HttpUrl first = urls.get(uri);

        assertThat(urls.get(URI.create(uri.toString()))).isSameAs(first);
        assertThat(first.scheme()).isEqualTo("https");
        assertThat(first.host()).isEqualTo("tes.example");
        assertThat(first.port()).isEqualTo(8443);
        assertThat(first.encodedPath()).isEqualTo("/tes/devicegtwapi/1/0/getCardCommands");
        assertThat(first.queryParameterValues("a")).containsExactly("1", "2");
    }

    @Test
    void differentUrisGetTheirOwnUrls() {
        ParsedUrls urls = new ParsedUrls();

        HttpUrl one = urls.get(URI.create("http://127.0.0.1:8080/x?id=1"));
        HttpUrl two = urls.get(URI.create("http://127.0.0.1:8080/x?id=2"));

        assertThat(one.queryParameter("id")).isEqualTo("1");
        assertThat(two.queryParameter("id")).isEqualTo("2");
    }

    @Test
    void staysBoundedWhenEveryCallHasItsOwnUri() {
        ParsedUrls urls = new ParsedUrls();

        for (int i = 0; i < ParsedUrls.MAX_ENTRIES * 3; i++) {
            assertThat(urls.get(URI.create("http://127.0.0.1/q?n=" + i)).queryParameter("n"))
                    .isEqualTo(Integer.toString(i));
            assertThat(urls.size()).isLessThanOrEqualTo(ParsedUrls.MAX_ENTRIES);
        }
    }

    @Test
    void aUriOkHttpCannotTakeIsRefusedAndNotKept() {
        ParsedUrls urls = new ParsedUrls();

        assertThatThrownBy(() -> urls.get(URI.create("ftp://files.example/x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(urls.size()).isZero();
    }
}
