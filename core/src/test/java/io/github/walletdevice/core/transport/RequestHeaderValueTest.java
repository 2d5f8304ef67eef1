package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.ValidationException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for the header values the SDK sends, checked before any transport sees the request. */
class RequestHeaderValueTest {

    private static HttpRequest withHeader(String value) {
        return HttpRequest.builder().method("POST").uri(URI.create("http://127.0.0.1:1/x"))
                .header("x-actor-id", value).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9", "\u00e9", "tab\u0000nul", "\u007f", " ", "  ", " padded", "padded ",
        "\tpadded", "emoji\uD83D\uDE00"})
    void aValueOneLibraryWouldSendAndAnotherRefuseOrAlterIsRefusedForEveryTransport(String value) {
        assertThatThrownBy(() -> withHeader(value)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("x-actor-id");
            assertThat(e.getMessage()).matches("\\p{ASCII}*");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "proxy-authorization", "Cookie"})
    void aCredentialHeaderWithABadValueIsRefusedWithoutShowingTheValue(String name) {
        // A token pasted with a trailing space, and one with a character outside ASCII.
        for (String token : new String[] {"Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0 ", "Bearer eyJhbGciOiJIUzI1NiJ9.\u00e9"}) {
            assertThatThrownBy(() -> HttpRequest.builder().method("POST").uri(URI.create("http://127.0.0.1:1/x"))
                    .header(name, token).build()).isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo(name);
                        assertThat(e.getMessage()).doesNotContain("eyJhbGciOiJIUzI1NiJ9").doesNotContain("Bearer")
                                .contains("***");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TSH-01", "a b", "a\tb", "!#$%&'*+-.^_`|~", ""})
    void visibleAsciiWithInnerSpacesIsSent(String value) {
        assertThat(withHeader(value).headers().firstValue("x-actor-id")).contains(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9", " padded "})
    void receivedHeadersAreReadAsTheyCome(String value) {
        assertThat(HttpHeaders.of("X-Note", value).firstValue("X-Note")).contains(value);
    }
}
