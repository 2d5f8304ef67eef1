/**
 * The walletdevice core: the HTTP transport SPI and the JDK {@code java.net.http} transport, client options,
 * the error hierarchy, retries, interceptors, validation and redaction shared by the walletdevice clients.
 *
 * <p>Transports are found with {@link java.util.ServiceLoader} as
 * {@link io.github.walletdevice.core.transport.HttpTransportProvider} services; this module provides the JDK one.
 * The call layer and shared plumbing ({@code core.internal}) are exported only to the SDK's own modules that run
 * calls through it (the clients) or share its failure mapping and timeout watch (the OkHttp transport).
 */
module io.github.walletdevice.core {
    requires java.net.http;
    requires org.slf4j;

    exports io.github.walletdevice.core;
    exports io.github.walletdevice.core.transport;
    exports io.github.walletdevice.core.transport.jdk;
    exports io.github.walletdevice.core.internal to
            io.github.walletdevice.transport.okhttp,
            io.github.walletdevice.gateway,
            io.github.walletdevice.thredd;

    uses io.github.walletdevice.core.transport.HttpTransportProvider;

    provides io.github.walletdevice.core.transport.HttpTransportProvider
            with io.github.walletdevice.core.transport.jdk.JdkHttpTransportProvider;
}
