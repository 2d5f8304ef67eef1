package io.github.walletdevice.transport.okhttp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets backed by a {@link java.nio.channels.SocketChannel} ({@link ChannelSocket}), so that an idle connection can be looked at without blocking
 * ({@link StaleConnections}), and the plain socket under each TLS socket made on them. A {@code java.net.Socket}
 * of the default factory can only be probed with a timed read, which costs its timeout (at least 1 ms) on every
 * healthy connection.
 */
final class ChannelSockets {
    /** TLS socket → the socket it is layered on; weak keys, so a closed connection leaves nothing behind. */
    private final Map<Socket, Socket> plainUnder = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The plain socket a connection's socket runs on: itself, or the one under a TLS socket made by
     * {@link #tls(SSLSocketFactory)}.
     */
    Socket plain(Socket socket) {
        Socket under = plainUnder.get(socket);
        return under == null ? socket : under;
    }

    /** A factory of unconnected {@link ChannelSocket}s (OkHttp connects them itself). */
    SocketFactory plainFactory() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return new ChannelSocket();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
            }
        };
    }

    /**
     * The TLS factory, remembering the plain socket under each TLS socket OkHttp layers on one. The handshake is
     * bounded by {@code handshakeTimeoutMillis} (the connect timeout: it is part of opening the connection) instead
     * of the read timeout OkHttp leaves on the socket; OkHttp sets the read timeout again before the request.
     */
    SSLSocketFactory tls(SSLSocketFactory delegate, int handshakeTimeoutMillis) {
        return new SSLSocketFactory() {
            @Override
            public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
                Socket tls = delegate.createSocket(plain, host, port, autoClose);
                tls.setSoTimeout(handshakeTimeoutMillis);
                plainUnder.put(tls, plain);
                return tls;
            }

            @Override
            public String[] getDefaultCipherSuites() {
                return delegate.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return delegate.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return delegate.createSocket(host, port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return delegate.createSocket(host, port, local, localPort);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return delegate.createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
                    throws IOException {
                return delegate.createSocket(address, port, local, localPort);
            }
        };
    }
}
