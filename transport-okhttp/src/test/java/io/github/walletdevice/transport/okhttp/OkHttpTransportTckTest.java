package io.github.walletdevice.transport.okhttp;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransportTck;
import io.github.walletdevice.core.transport.TransportOptions;

/** The transport TCK against {@link OkHttpTransport}. */
class OkHttpTransportTckTest extends HttpTransportTck {
    @Override
    protected HttpTransport createTransport(TransportOptions options) {
        return new OkHttpTransport(options);
    }
}
