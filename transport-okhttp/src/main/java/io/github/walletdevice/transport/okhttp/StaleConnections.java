package io.github.walletdevice.transport.okhttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocket;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Keeps a request off an HTTP/1 connection the server has closed, or will close, while it sat in the pool.
 *
 * <p>OkHttp looks at a pooled connection closely (a 1 ms read) before a non-{@code GET} call only once it has been
 * idle for 10 s, and request bodies here are one-shot, so that OkHttp never sends one twice: a {@code POST} written
 * to a connection the server closed a moment ago fails, although the server never read it. This network
 * interceptor runs once OkHttp has picked the connection and before a byte is written. A connection used before
 * is refused when
 * <ul>
 *   <li>its last response said it would not persist: HTTP/1.0 without {@code Connection: keep-alive} (OkHttp itself
 *       honours {@code Connection: close} only);</li>
 *   <li>its last response announced {@code Keep-Alive: timeout=N} and it has been idle for {@code N - 1} s or
 *       more (the server closes it at N s, maybe while the request is on its way);</li>
 *   <li>the server has closed it (end of stream) or sent bytes nobody asked for: looked at without blocking, a
 *       read on the socket's channel in non-blocking mode (a few microseconds), on every reuse but one kind: a
 *       connection that has already carried two exchanges (so its server keeps connections) and was released less
 *       than {@link #UNLOOKED_IDLE_NANOS} ago. No server closes a connection it keeps after less than a millisecond
 *       of idleness, and a server that closes after each answer never gets there: its first reuse is looked at.
 *       Switching the channel's mode costs four system calls, which made up most of what a back-to-back loopback
 *       call cost beyond OkHttp's own (docs/benchmarks.md). Under TLS, when
 *       bytes wait beneath the TLS socket (records it has not read yet, such as TLS 1.3 session tickets), a 1 ms
 *       timed read through the TLS socket instead. On a socket without a channel (a user's own socket factory), a
 *       1 ms timed read, as OkHttp's, once the connection has been idle for {@link #TIMED_PROBE_AFTER_IDLE_NANOS}.</li>
 * </ul>
 * A refused connection is closed (so the pool drops it) and the call fails with {@link StaleConnectionException},
 * which the transport answers by sending the request on another connection. What remains is the race no client
 * can close: a server that closes the connection while the request is on its way.
 *
 * <p>Being the outermost network interceptor, it also tells the transport which calls got a connection at all
 * ({@link #connected}): a call that failed before (refused, a proxy's tunnel, a TLS handshake) sent nothing.
 */
final class StaleConnections implements Interceptor {
    /** Idle time after which a socket without a channel is probed with a timed read. */
    static final long TIMED_PROBE_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Idle time under which a connection that has carried two exchanges is reused without a look. */
    static final long UNLOOKED_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long KEEP_ALIVE_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Pattern KEEP_ALIVE_TIMEOUT = Pattern.compile("(?i)(?:^|[,;\\s])timeout\\s*=\\s*(\\d{1,9})");

    private final ChannelSockets sockets;
    /** Calls that have got as far as a connection of their own, so may have written a byte of the request. */
    private final Set<Call> connected = ConcurrentHashMap.newKeySet();
    /** What the last response on each connection said about it; weak keys, as the pool owns connections. */
    private final Map<Connection, Used> used = Collections.synchronizedMap(new WeakHashMap<>());

    StaleConnections(ChannelSockets sockets) {
        this.sockets = sockets;
    }

    /** The last use of a connection: when its response came, and until when the server keeps it. */
    private record Used(long atNanos, boolean persistent, long keepAliveNanos, boolean reused) {
        boolean expired(long now) {
            return !persistent || (keepAliveNanos >= 0 && now - atNanos >= keepAliveNanos);
        }
    }

    /**
     * Whether a call got as far as an open connection (TCP, tunnel and TLS handshake done), after which it may have
     * written some of the request. Until then, whatever failed, nothing was sent.
     *
     * @param call the call
     * @return {@code true} once the call has had a connection
     */
    boolean connected(Call call) {
        return connected.contains(call);
    }

    /**
     * Forgets a call that has ended.
     *
     * @param call the call
     */
    void ended(Call call) {
        connected.remove(call);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        connected.add(chain.call());
        Connection connection = chain.connection();
        boolean http1 = connection != null
                && (connection.protocol() == Protocol.HTTP_1_1 || connection.protocol() == Protocol.HTTP_1_0);
        if (!http1) {
            return chain.proceed(chain.request());
        }
        Used last = used.get(connection);
        if (last != null) {
            String stale = staleness(connection.socket(), last, System.nanoTime());
            if (stale != null) {
                used.remove(connection);
                close(connection.socket());
                throw new StaleConnectionException(stale);
            }
        }
        Response response = chain.proceed(chain.request());
        used.put(connection, usedBy(response, last != null));
        return response;
    }

    private String staleness(Socket socket, Used last, long now) {
        if (last.expired(now)) {
            return last.persistent ? "the server's keep-alive timeout is about to pass"
                    : "the server's last answer was HTTP/1.0 without keep-alive";
        }
        if (!needsLook(last.reused, now - last.atNanos)) {
            return null;
        }
        Socket plain = sockets.plain(socket);
        SocketChannel channel = plain.getChannel();
        if (channel != null && socket instanceof SSLSocket && pending(plain)) {
            // TLS records the TLS socket has not read yet (a TLS 1.3 server may send session tickets or a key
            // update after its answer) are no sign of a closed connection, and reading them from the plain socket
            // would break the stream: the TLS socket reads them (1 ms), and sees a close_notify as the end.
            return closedByPeer(socket) ? "the server has closed the connection" : null;
        }
        if (channel != null) {
            // Nothing is pending under TLS, so this read can only see the end of the stream, never take a byte.
            return closedByPeer(channel) ? "the server has closed the connection" : null;
        }
        if (now - last.atNanos >= TIMED_PROBE_AFTER_IDLE_NANOS && closedByPeer(socket)) {
            return "the server has closed the connection";
        }
        return null;
    }

    /**
     * The interceptor among a client's network interceptors, if any (a loop: this runs while a client is built).
     *
     * @param interceptors the client's network interceptors
     * @return the interceptor, or {@code null}
     */
    static StaleConnections in(List<Interceptor> interceptors) {
        for (Interceptor interceptor : interceptors) {
            if (interceptor instanceof StaleConnections stale) {
                return stale;
            }
        }
        return null;
    }

    /**
     * Whether a connection about to be reused is looked at for a close by its server.
     *
     * @param reused whether its last exchange was already a reuse (the connection has carried two or more)
     * @param idleNanos how long ago its last response came
     * @return {@code false} only for a connection its server has kept once, idle less than {@link #UNLOOKED_IDLE_NANOS}
     */
    static boolean needsLook(boolean reused, long idleNanos) {
        return !reused || idleNanos >= UNLOOKED_IDLE_NANOS;
    }

    private static Used usedBy(Response response, boolean reused) {
        String connection = response.header("Connection", "");
        boolean persistent = response.protocol() != Protocol.HTTP_1_0
                || connection.toLowerCase(java.util.Locale.ROOT).contains("keep-alive");
        long keepAlive = -1;
        Matcher m = KEEP_ALIVE_TIMEOUT.matcher(response.header("Keep-Alive", ""));
        if (m.find()) {
            keepAlive = Math.max(0, TimeUnit.SECONDS.toNanos(Long.parseLong(m.group(1))) - KEEP_ALIVE_MARGIN_NANOS);
        }
        return new Used(System.nanoTime(), persistent, keepAlive, reused);
    }

    /** Whether bytes wait on the socket, without reading them. */
    private static boolean pending(Socket plain) {
        try {
            return plain.getInputStream().available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Whether the peer has closed the connection or sent unasked bytes, without blocking. The byte read, if any,
     * is lost, which is fine: the connection is closed then.
     */
    private static boolean closedByPeer(SocketChannel channel) {
        try {
            synchronized (channel.blockingLock()) {
                channel.configureBlocking(false);
                try {
                    return channel.read(ByteBuffer.allocate(1)) != 0;
                } finally {
                    channel.configureBlocking(true);
                }
            }
        } catch (IOException e) {
            return true;
        }
    }

    /** The same for a socket without a channel: a read that waits 1 ms (OkHttp's own check). */
    private static boolean closedByPeer(Socket socket) {
        try {
            int timeout = socket.getSoTimeout();
            try {
                socket.setSoTimeout(1);
                InputStream in = socket.getInputStream();
                in.read(); // a byte nobody asked for, or the end of the stream: either way, done with
                return true;
            } finally {
                socket.setSoTimeout(timeout);
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a connection that is already unusable.
        }
    }
}
