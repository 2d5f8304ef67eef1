package io.github.walletdevice.transport.okhttp;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransportProvider;
import io.github.walletdevice.core.transport.TransportOptions;

/**
 * Provides {@link OkHttpTransport}. Registered for {@link java.util.ServiceLoader}, with a higher priority than the
 * JDK transport, so OkHttp is the default whenever this module is on the class path.
 */
public final class OkHttpTransportProvider implements HttpTransportProvider {
    /** This provider's priority: above the JDK transport's 0. */
    public static final int PRIORITY = 100;

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public OkHttpTransportProvider() {
    }

    @Override
    public String name() {
        return "okhttp";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IncompatibleOkHttpException when OkHttp 4 is on the class path too (or instead of OkHttp 5): the message
     *         names the jars and the exclusion that fixes it
     */
    @Override
    public HttpTransport create(TransportOptions options) {
        OkHttpVersionCheck.ensureCompatible();
        return new OkHttpTransport(options);
    }
}
