package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.transport.jdk.JdkHttpTransport;

/** The connection-handling TCK against the JDK {@code java.net.http} transport. */
class JdkConnectionHandlingTest extends ConnectionHandlingTck {
    @Override
    protected HttpTransport createTransport(TransportOptions options) {
        return new JdkHttpTransport(options);
    }
}
