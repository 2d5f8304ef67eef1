package io.github.walletdevice.core.transport;

/**
 * Makes transports; found with {@link java.util.ServiceLoader} when the user names none. Register an
 * implementation in {@code META-INF/services/io.github.walletdevice.core.transport.HttpTransportProvider}.
 */
public interface HttpTransportProvider {

    /**
     * A short name, e.g. {@code "okhttp"}.
     *
     * @return the name
     */
    String name();

    /**
     * Higher wins when several providers are present. The JDK transport is 0; OkHttp is 100.
     *
     * @return the priority
     */
    int priority();

    /**
     * Creates a transport the caller owns and closes.
     *
     * @param options the settings to honour
     * @return a new transport
     */
    HttpTransport create(TransportOptions options);
}
