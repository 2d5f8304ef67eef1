package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.transport.jdk.JdkHttpTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Discovery in core alone: only the JDK transport is on the class path. */
class HttpTransportsTest {

    @Test
    void theJdkTransportIsTheDefaultWithoutAnyOther() {
        try (HttpTransport t = HttpTransports.createDefault(TransportOptions.defaults())) {
            assertThat(t).isInstanceOf(JdkHttpTransport.class);
            assertThat(t.name()).isEqualTo("jdk");
        }
        assertThat(HttpTransports.providers()).extracting(HttpTransportProvider::name).containsExactly("jdk");
    }

    @Test
    void transportsAreFoundByNameInAnyCase() {
        try (HttpTransport t = HttpTransports.create("JDK", TransportOptions.defaults())) {
            assertThat(t.name()).isEqualTo("jdk");
        }
    }

    @Test
    void anUnknownNameListsTheAvailableOnes() {
        assertThatThrownBy(() -> HttpTransports.create("netty", TransportOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("netty").hasMessageContaining("jdk");
    }
}
