/**
 * The HTTP transport SPI: immutable {@link io.github.walletdevice.core.transport.HttpRequest} and
 * {@link io.github.walletdevice.core.transport.HttpResponse}, the
 * {@link io.github.walletdevice.core.transport.HttpTransport} interface with its neutral
 * {@link io.github.walletdevice.core.transport.TransportOptions}, discovery through
 * {@link io.github.walletdevice.core.transport.HttpTransports}, and the JDK {@code java.net.http} transport.
 */
package io.github.walletdevice.core.transport;
