/**
 * The default walletdevice HTTP transport, on OkHttp 5 ({@code okhttp-jvm}), provided to
 * {@link io.github.walletdevice.core.transport.HttpTransports} as an
 * {@link io.github.walletdevice.core.transport.HttpTransportProvider} service. Exports its API package only (its
 * helpers are package-private); it reads the failure mapping and the timeout watch from core's
 * {@code core.internal}, which core exports to this module alone among transports.
 */
module io.github.walletdevice.transport.okhttp {
    requires transitive io.github.walletdevice.core;
    requires transitive okhttp3;

    exports io.github.walletdevice.transport.okhttp;

    provides io.github.walletdevice.core.transport.HttpTransportProvider
            with io.github.walletdevice.transport.okhttp.OkHttpTransportProvider;
}
