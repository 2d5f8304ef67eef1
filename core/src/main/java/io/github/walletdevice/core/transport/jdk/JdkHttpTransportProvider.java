package io.github.walletdevice.core.transport.jdk;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransportProvider;
import io.github.walletdevice.core.transport.TransportOptions;

/** Provides {@link JdkHttpTransport}, the fallback when no other transport is on the class path. */
public final class JdkHttpTransportProvider implements HttpTransportProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public JdkHttpTransportProvider() {
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public HttpTransport create(TransportOptions options) {
        return new JdkHttpTransport(options);
    }
}
