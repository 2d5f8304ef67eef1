/**
 * The HTTP transport SPI: immutable {@link io.github.walletdevice.core.transport.HttpRequest} and
 * {@link io.github.walletdevice.core.transport.HttpResponse}, the
 * {@link io.github.walletdevice.core.transport.HttpTransport} interface with its neutral
 * {@link io.github.walletdevice.core.transport.TransportOptions}, discovery through
 * {@link io.github.walletdevice.core.transport.HttpTransports}. The JDK {@code java.net.http} transport is in
 * {@code io.github.walletdevice.core.transport.jdk}.
 */
package io.github.walletdevice.core.transport;
