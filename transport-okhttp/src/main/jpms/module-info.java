/**
 * The default walletdevice HTTP transport, on OkHttp 5 ({@code okhttp-jvm}), provided to
 * {@link io.github.walletdevice.core.transport.HttpTransports} as an
 * {@link io.github.walletdevice.core.transport.HttpTransportProvider} service.
 */
module io.github.walletdevice.transport.okhttp {
    requires transitive io.github.walletdevice.core;
    requires transitive okhttp3;

    exports io.github.walletdevice.transport.okhttp;

    provides io.github.walletdevice.core.transport.HttpTransportProvider
            with io.github.walletdevice.transport.okhttp.OkHttpTransportProvider;
}
