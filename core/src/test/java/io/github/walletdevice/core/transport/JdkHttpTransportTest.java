package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.transport.jdk.JdkHttpTransport;

/** The transport TCK against the JDK {@code java.net.http} transport. */
class JdkHttpTransportTest extends HttpTransportTck {
    @Override
    protected HttpTransport createTransport(TransportOptions options) {
        return new JdkHttpTransport(options);
    }

    /** The JDK's default {@code jdk.http.auth.tunneling.disabledSchemes=Basic}, as documented on the transport. */
    @Override
    protected boolean sendsBasicCredentialsToTunnellingProxies() {
        return false;
    }
}
