package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HttpHeaders}, {@link HttpRequest} and {@link HttpResponse} are immutable values. */
class HttpValuesTest {
    private static final URI URL = URI.create("https://tes.example/tes/devicegtwapi/1/0/getCardCommands");

    @Test
    void headersAreCaseInsensitiveAndKeepRepeatsInOrder() {
        HttpHeaders h = HttpHeaders.of("Set-Cookie", "a=1", "content-type", "text/xml", "SET-COOKIE", "b=2");

        assertThat(h.allValues("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(h.firstValue("Content-Type")).contains("text/xml");
        assertThat(h.firstValue("missing")).isEmpty();
        assertThat(h.names()).containsExactly("Set-Cookie", "content-type");
        assertThat(h.entries()).hasSize(3);
    }

    @Test
    void headersCannotBeChangedThroughWhatTheyReturn() {
        HttpHeaders h = HttpHeaders.of("A", "1");

        assertThatThrownBy(() -> h.entries().add(Map.entry("B", "2")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.allValues("A").add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
        HttpHeaders changed = h.toBuilder().set("A", "9").add("B", "2").build();
        assertThat(h.allValues("A")).containsExactly("1");
        assertThat(h.firstValue("B")).isEmpty();
        assertThat(changed.allValues("a")).containsExactly("9");
    }

    @Test
    void aBuilderDoesNotChangeHeadersItAlreadyBuilt() {
        HttpHeaders.Builder b = HttpHeaders.builder().add("A", "1");
        HttpHeaders first = b.build();
        b.add("A", "2").remove("x");

        assertThat(first.allValues("A")).containsExactly("1");
        assertThat(b.build().allValues("A")).containsExactly("1", "2");
    }

    @Test
    void headerInjectionAndInvalidNamesAreRefused() {
        assertThatThrownBy(() -> HttpHeaders.of("X", "a\r\nInjected: yes"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpHeaders.of("X", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpHeaders.of("Bad Name", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpHeaders.of("Bad:Name", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpHeaders.of("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpHeaders.of("odd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpHeaders.of("X", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void headersAreEqualByContent() {
        assertThat(HttpHeaders.of("A", "1")).isEqualTo(HttpHeaders.of("A", "1"))
                .hasSameHashCodeAs(HttpHeaders.of("A", "1")).isNotEqualTo(HttpHeaders.of("A", "2"));
        assertThat(HttpHeaders.builder().build()).isSameAs(HttpHeaders.empty());
        assertThat(HttpHeaders.empty().isEmpty()).isTrue();
    }

    @Test
    void requestBodyIsCopiedInAndOut() {
        byte[] body = "original".getBytes(StandardCharsets.UTF_8);
        HttpRequest r = HttpRequest.post(URL, "application/json", body);

        body[0] = 'X';
        byte[] out = r.body();
        out[1] = 'Y';

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("original");
        assertThat(r.bodyLength()).isEqualTo(8);
        assertThat(r.bodyUnsafe()).isEqualTo("original".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void requestBuilderDoesNotChangeRequestsItAlreadyBuilt() {
        HttpRequest.Builder b = HttpRequest.builder().uri(URL).header("A", "1");
        HttpRequest first = b.build();
        b.header("A", "2").method("POST").body(new byte[] {1});

        assertThat(first.headers().allValues("A")).containsExactly("1");
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.bodyLength()).isZero();

        HttpRequest copy = first.toBuilder().header("B", "2").build();
        assertThat(first.headers().firstValue("B")).isEmpty();
        assertThat(copy.headers().firstValue("B")).contains("2");
        assertThat(first.toBuilder().build()).isEqualTo(first).hasSameHashCodeAs(first);
    }

    @Test
    void requestNeedsAnAbsoluteHttpUriAndAnUpperCaseMethod() {
        assertThatThrownBy(() -> HttpRequest.builder().uri(URI.create("/relative")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.builder().uri(URI.create("ftp://h/x")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.builder().build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> HttpRequest.builder().method("post")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.builder().method("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestToStringShowsNeitherBodyNorCredentials() {
        HttpRequest r = HttpRequest.post(URL, "application/json",
                        "{\"password\":\"p\"}".getBytes(StandardCharsets.UTF_8))
                .toBuilder().header("Authorization", "Bearer t0ken").build();

        assertThat(r.toString()).contains("POST", URL.toString(), "16 bytes", "Authorization: ***")
                .doesNotContain("t0ken", "password");
    }

    @Test
    void responseBodyIsCopiedInAndOut() {
        byte[] body = {1, 2, 3};
        HttpResponse r = new HttpResponse(200, HttpHeaders.empty(), body);

        body[0] = 9;
        r.body()[1] = 9;

        assertThat(r.body()).containsExactly(1, 2, 3);
        assertThat(new HttpResponse(204, HttpHeaders.empty(), null).body()).isEmpty();
    }

    @Test
    void ownedBodyIsTakenWithoutACopy() {
        byte[] body = {1, 2, 3};
        HttpResponse r = HttpResponse.ofOwnedBody(200, HttpHeaders.empty(), body);
        assertThat(r.bodyUnsafe()).isSameAs(body);
    }

    @Test
    void responseStatusMustBeAnHttpStatus() {
        assertThatThrownBy(() -> new HttpResponse(99, HttpHeaders.empty(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpResponse(600, HttpHeaders.empty(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpResponse(200, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void responseReportsSuccessAndTextAndHidesTheBodyInToString() {
        HttpResponse ok = new HttpResponse(299, HttpHeaders.of("Set-Cookie", "s=1"),
                "{\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(ok.isSuccessful()).isTrue();
        assertThat(new HttpResponse(300, HttpHeaders.empty(), null).isSuccessful()).isFalse();
        assertThat(new HttpResponse(199, HttpHeaders.empty(), null).isSuccessful()).isFalse();
        assertThat(ok.bodyAsString()).isEqualTo("{\"password\":\"x\"}");
        assertThat(ok.toString()).contains("299", "16 bytes").doesNotContain("password", "s=1");
        assertThat(ok).isEqualTo(new HttpResponse(299, HttpHeaders.of("Set-Cookie", "s=1"), ok.body()));
    }

    @Test
    void theHeadersLeftToTheHttpLibraryAreKnownInAnyCase() {
        for (String name : new String[] {"Content-Length", "host", "CONNECTION", "Expect", "upgrade"}) {
            assertThat(HttpHeaders.isSetByHttpLibrary(name)).as(name).isTrue();
        }
        for (String name : new String[] {"Content-Type", "Hosts", "x-actor-id", "Upgrade-Insecure-Requests", ""}) {
            assertThat(HttpHeaders.isSetByHttpLibrary(name)).as(name).isFalse();
        }
    }
}
