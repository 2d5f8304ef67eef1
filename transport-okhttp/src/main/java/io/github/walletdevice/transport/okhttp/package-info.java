/**
 * The OkHttp transport: {@link io.github.walletdevice.transport.okhttp.OkHttpTransport}, the SDK's default, found
 * through {@link io.github.walletdevice.transport.okhttp.OkHttpTransportProvider} by
 * {@link io.github.walletdevice.core.transport.HttpTransports}.
 */
package io.github.walletdevice.transport.okhttp;
