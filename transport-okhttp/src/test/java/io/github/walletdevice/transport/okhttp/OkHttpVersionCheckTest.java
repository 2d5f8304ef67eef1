package io.github.walletdevice.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

class OkHttpVersionCheckTest {

    @Test
    void twoOkHttpJarsAreNamedWithTheExclusionThatFixesIt() throws Exception {
        URL four = new URL("jar:file:/repo/com/squareup/okhttp3/okhttp/4.12.0/okhttp-4.12.0.jar!/okhttp3/OkHttpClient.class");
        URL five = new URL("jar:file:/repo/com/squareup/okhttp3/okhttp-jvm/5.5.1/okhttp-jvm-5.5.1.jar!/okhttp3/OkHttpClient.class");

        assertThatThrownBy(() -> OkHttpVersionCheck.check(List.of(four, five), "5.5.1"))
                .isInstanceOf(IncompatibleOkHttpException.class)
                .hasMessageStartingWith("Two OkHttp versions are on the class path")
                .hasMessageContaining("file:/repo/com/squareup/okhttp3/okhttp/4.12.0/okhttp-4.12.0.jar, "
                        + "file:/repo/com/squareup/okhttp3/okhttp-jvm/5.5.1/okhttp-jvm-5.5.1.jar")
                .hasMessageContaining("exclude com.squareup.okhttp3:okhttp 4.x");
    }

    @Test
    void theSameJarListedTwiceOnTheClassPathIsOneOkHttp() throws Exception {
        URL five = new URL("jar:file:/repo/okhttp-jvm-5.5.1.jar!/okhttp3/OkHttpClient.class");
        URL again = new URL("jar:file:/repo/okhttp-jvm-5.5.1.jar!/okhttp3/OkHttpClient.class");

        assertThatCode(() -> OkHttpVersionCheck.check(List.of(five, again), "5.5.1")).doesNotThrowAnyException();
    }

    @Test
    void okHttpFourAloneIsRefused() throws Exception {
        URL four = new URL("jar:file:/repo/okhttp-4.12.0.jar!/okhttp3/OkHttpClient.class");

        assertThatThrownBy(() -> OkHttpVersionCheck.check(List.of(four), "4.12.0"))
                .isInstanceOf(IncompatibleOkHttpException.class)
                .hasMessageStartingWith("OkHttp 4.12.0 is on the class path.")
                .hasMessageContaining("okhttp-jvm");
    }

    @Test
    void oneOkHttpFivePasses() throws Exception {
        URL five = new URL("jar:file:/repo/okhttp-jvm-5.5.1.jar!/okhttp3/OkHttpClient.class");

        assertThatCode(() -> OkHttpVersionCheck.check(List.of(five), "5.5.1")).doesNotThrowAnyException();
        assertThatCode(() -> OkHttpVersionCheck.check(List.of(five), "6.0.0-alpha.1")).doesNotThrowAnyException();
    }

    @Test
    void theProviderChecksThisBuildsClassPathAndCreatesTheTransport() {
        try (HttpTransport transport = new OkHttpTransportProvider().create(TransportOptions.defaults())) {
            assertThat(transport).isInstanceOf(OkHttpTransport.class);
        }
    }
}
