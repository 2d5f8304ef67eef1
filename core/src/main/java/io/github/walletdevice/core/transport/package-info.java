/**
 * The HTTP transport SPI: the {@link io.github.walletdevice.core.transport.HttpTransport} interface that carries
 * {@link io.github.walletdevice.core.HttpRequest} and {@link io.github.walletdevice.core.HttpResponse}, its neutral
 * {@link io.github.walletdevice.core.transport.TransportOptions}, and discovery through
 * {@link io.github.walletdevice.core.transport.HttpTransports}. The JDK {@code java.net.http} transport is in
 * {@code io.github.walletdevice.core.transport.jdk}. This package depends on {@code core}, never the reverse.
 */
package io.github.walletdevice.core.transport;
