/**
 * The walletdevice core: the HTTP transport SPI and the JDK {@code java.net.http} transport, client options,
 * the error hierarchy, retries, validation and redaction shared by the walletdevice clients.
 *
 * <p>Transports are found with {@link java.util.ServiceLoader} as
 * {@link io.github.walletdevice.core.transport.HttpTransportProvider} services; this module provides the JDK one.
 */
module io.github.walletdevice.core {
    requires java.net.http;
    requires org.slf4j;

    exports io.github.walletdevice.core;
    exports io.github.walletdevice.core.transport;

    uses io.github.walletdevice.core.transport.HttpTransportProvider;

    provides io.github.walletdevice.core.transport.HttpTransportProvider
            with io.github.walletdevice.core.transport.JdkHttpTransportProvider;
}
