package io.github.walletdevice.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TransportOptions} and {@link ProxyOptions}. */
class OptionsTest {

    @Test
    void defaultsAreFinite() {
        TransportOptions d = TransportOptions.defaults();
        assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.maxConcurrentRequests()).isEqualTo(64);
        assertThat(d.maxResponseBytes()).isEqualTo(16 * 1024 * 1024)
                .isEqualTo(TransportOptions.DEFAULT_MAX_RESPONSE_BYTES);
        assertThat(d.proxy()).isEmpty();
        assertThat(d.sslContext()).isEmpty();
    }

    @Test
    void timeoutsMustBePositiveAndLimitAtLeastOne() {
        assertRefused(() -> TransportOptions.builder().readTimeout(Duration.ZERO), "readTimeout");
        assertRefused(() -> TransportOptions.builder().callTimeout(Duration.ofSeconds(-1)), "callTimeout");
        assertRefused(() -> TransportOptions.builder().connectTimeout(null), "connectTimeout");
        assertRefused(() -> TransportOptions.builder().maxConcurrentRequests(0), "maxConcurrentRequests");
        assertRefused(() -> TransportOptions.builder().maxResponseBytes(0), "maxResponseBytes");
        assertRefused(() -> TransportOptions.builder().maxResponseBytes(-1), "maxResponseBytes");
        assertRefused(() -> TransportOptions.builder().tls(null, null), "sslContext");
        assertThat(TransportOptions.builder().maxResponseBytes(1).build().maxResponseBytes()).isEqualTo(1);
    }

    @Test
    void toBuilderKeepsEverySetting() {
        ProxyOptions proxy = ProxyOptions.of("proxy.example", 3128);
        TransportOptions o = TransportOptions.builder().connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2)).writeTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(4)).maxConcurrentRequests(5).maxResponseBytes(6).proxy(proxy).build();

        TransportOptions copy = o.toBuilder().build();

        assertThat(copy.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(copy.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(copy.writeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(copy.callTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(copy.maxConcurrentRequests()).isEqualTo(5);
        assertThat(copy.maxResponseBytes()).isEqualTo(6);
        assertThat(copy.toString()).contains("maxResponseBytes=6");
        assertThat(copy.proxy()).contains(proxy);
    }

    @Test
    void proxyPasswordNeverShows() {
        ProxyOptions p = ProxyOptions.of("proxy.example", 3128).withCredentials("user", "pa55word");
        TransportOptions o = TransportOptions.builder().proxy(p).build();

        assertThat(p.toString()).contains("user").doesNotContain("pa55word");
        assertThat(o.toString()).doesNotContain("pa55word");
        assertThat(p.hasCredentials()).isTrue();
    }

    @Test
    void proxyRulesAreChecked() {
        assertRefused(() -> ProxyOptions.of("h", 0), "proxy port");
        assertRefused(() -> ProxyOptions.of(" ", 80), "proxy host");
        assertRefused(() -> ProxyOptions.of(null, 80), "proxy host");
        assertRefused(() -> new ProxyOptions("h", 80, "u", null, null), "proxy password");
        assertRefused(() -> ProxyOptions.of("h", 80).withCredentials(null, "p"), "proxy username");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(io.github.walletdevice.core.ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void nonProxyHostsMatchExactNamesAndWildcardSuffixesInAnyCase() {
        ProxyOptions p = ProxyOptions.of("proxy", 3128).withNonProxyHosts(List.of("localhost", "*.Internal.example"));

        assertThat(p.bypasses("LOCALHOST")).isTrue();
        assertThat(p.bypasses("tes.internal.example")).isTrue();
        assertThat(p.bypasses("internal.example")).isFalse();
        assertThat(p.bypasses("localhost.evil.example")).isFalse();
        assertThat(p.bypasses("thredd.example")).isFalse();
    }

    @Test
    void proxySelectorRoutesAllButTheBypassedHostsThroughTheProxy() {
        ProxyOptions p = ProxyOptions.of("proxy.example", 3128).withNonProxyHosts(List.of("localhost"));

        List<Proxy> direct = p.proxySelector().select(URI.create("http://localhost:8080/x"));
        List<Proxy> proxied = p.proxySelector().select(URI.create("https://thredd.example/x"));

        assertThat(direct).containsExactly(Proxy.NO_PROXY);
        assertThat(proxied).hasSize(1);
        assertThat(proxied.get(0).type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(proxied.get(0).address().toString()).contains("proxy.example", "3128");
    }
}
