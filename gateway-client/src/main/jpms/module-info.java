/**
 * The Thales Transit Classic Device Gateway API client (TSH to TES) and its FeliCa command loop.
 *
 * <p>Jackson types appear in the models (unknown fields kept as {@code JsonNode}), so Jackson databind is read
 * transitively. The HTTP transport is found at run time: OkHttp when {@code io.github.walletdevice.transport.okhttp}
 * is on the module path, otherwise the JDK's. {@code io.github.walletdevice.gateway.internal} (JSON field access, the
 * mapper, the field rules) is not exported.
 */
module io.github.walletdevice.gateway {
    requires transitive io.github.walletdevice.core;
    requires transitive io.github.walletdevice.felica;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports io.github.walletdevice.gateway;
}
