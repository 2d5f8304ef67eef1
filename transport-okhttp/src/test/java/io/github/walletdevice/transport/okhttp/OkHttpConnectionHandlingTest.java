package io.github.walletdevice.transport.okhttp;

import io.github.walletdevice.core.transport.ConnectionHandlingTck;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;

/** The connection-handling TCK against {@link OkHttpTransport}. */
class OkHttpConnectionHandlingTest extends ConnectionHandlingTck {
    @Override
    protected HttpTransport createTransport(TransportOptions options) {
        return new OkHttpTransport(options);
    }

    /** OkHttp's task runner and Okio's watchdog serve every client of the JVM, and end after a minute idle. */
    @Override
    protected boolean isSharedThread(String name) {
        return super.isSharedThread(name) || name.startsWith("OkHttp TaskRunner") || name.equals("Okio Watchdog");
    }
}
