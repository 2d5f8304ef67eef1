package io.github.walletdevice.interop;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.core.transport.jdk.JdkHttpTransport;
import io.github.walletdevice.transport.okhttp.OkHttpTransport;

/** The two transports the SDK ships, each built from the same neutral options. */
enum Transport {
    /** The default transport, on OkHttp. */
    OKHTTP {
        @Override
        HttpTransport open(TransportOptions options) {
            return new OkHttpTransport(options);
        }
    },
    /** The JDK's {@code java.net.http} transport. */
    JDK {
        @Override
        HttpTransport open(TransportOptions options) {
            return new JdkHttpTransport(options);
        }
    };

    abstract HttpTransport open(TransportOptions options);
}
