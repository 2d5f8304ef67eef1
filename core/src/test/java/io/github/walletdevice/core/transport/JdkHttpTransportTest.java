package io.github.walletdevice.core.transport;

/** The transport TCK against the JDK {@code java.net.http} transport. */
class JdkHttpTransportTest extends HttpTransportTck {
    @Override
    protected HttpTransport createTransport(TransportOptions options) {
        return new JdkHttpTransport(options);
    }
}
