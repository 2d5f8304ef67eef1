package io.github.walletdevice.transport.okhttp;

import io.github.walletdevice.core.internal.TimeoutWatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The plain socket of the transport's own connections: a {@link SocketChannel}'s, so that {@link StaleConnections}
 * can look at an idle connection without blocking, whose reads wait in the kernel.
 *
 * <p>Why not the channel's own socket ({@code channel.socket()}) as it is: its read with a timeout switches the
 * channel to non-blocking mode and back around every read (four {@code fcntl} calls beside the read and a poll),
 * which cost a loopback call about 5 % ({@code benchmarks/results/2026-12-04-interleaved-gateway-socket-experiment.txt}).
 * Here a read under a timeout of {@link #WATCHED_FROM_MILLIS} or more is a plain blocking read, and
 * {@link TimeoutWatch} closes the socket if the time passes, which ends the read with a
 * {@link SocketTimeoutException}. That is what OkHttp's own timeout of the same read does (OkHttp bounds every read
 * of an exchange twice: the socket's timeout and Okio's, which closes the socket). A shorter timeout (OkHttp's 1 ms
 * look at a connection idle for 10 s) keeps the channel socket's exact meaning: the read times out and the socket
 * stays usable. Everything else is the channel socket's.
 */
final class ChannelSocket extends Socket {
    /** Timeouts from this long on are watched; shorter ones are the channel socket's own. */
    static final int WATCHED_FROM_MILLIS = 1000;

    private final SocketChannel channel;
    private final Socket socket;
    private volatile int timeoutMillis;

    ChannelSocket() throws IOException {
        super((SocketImpl) null);
        channel = SocketChannel.open();
        socket = channel.socket();
    }

    @Override
    public SocketChannel getChannel() {
        return channel;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new TimedInput(socket.getInputStream());
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout < 0");
        }
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        timeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() throws SocketException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        return timeoutMillis;
    }

    /** Reads of the channel socket under this socket's timeout. */
    private final class TimedInput extends InputStream {
        private final InputStream in;

        TimedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int timeout = timeoutMillis;
            if (timeout == 0) {
                return in.read(b, off, len);
            }
            if (timeout < WATCHED_FROM_MILLIS) {
                socket.setSoTimeout(timeout);
                try {
                    return in.read(b, off, len);
                } finally {
                    socket.setSoTimeout(0);
                }
            }
            ReadTimeout watch = new ReadTimeout(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout));
            TimeoutWatch.watch(watch);
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw watch.fired() ? timedOut(e) : e;
            } finally {
                TimeoutWatch.unwatch(watch);
            }
            if (watch.fired()) {
                // The socket was closed as the bytes came: what follows them is lost, so this read failed.
                throw timedOut(null);
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            ChannelSocket.this.close();
        }
    }

    private static SocketTimeoutException timedOut(IOException cause) {
        SocketTimeoutException e = new SocketTimeoutException("Read timed out");
        e.initCause(cause);
        return e;
    }

    /** A read's timeout: when it passes, the socket is closed, which ends the read. */
    private final class ReadTimeout implements TimeoutWatch.Watched {
        private final long deadline;
        private final AtomicBoolean fired = new AtomicBoolean();

        ReadTimeout(long deadline) {
            this.deadline = deadline;
        }

        boolean fired() {
            return fired.get();
        }

        @Override
        public void check(long now) {
            if (now - deadline >= 0 && fired.compareAndSet(false, true)) {
                TimeoutWatch.unwatch(this);
                try {
                    close();
                } catch (IOException e) {
                    // Closing a socket whose read has timed out: the read reports the timeout.
                }
            }
        }
    }

    // Everything below is the channel socket's.

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        socket.connect(endpoint);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        socket.connect(endpoint, timeout);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        socket.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return socket.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getPort() {
        return socket.getPort();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return socket.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return socket.getLocalSocketAddress();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        socket.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return socket.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        socket.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return socket.getSoLinger();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        socket.sendUrgentData(data);
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        socket.setOOBInline(on);
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return socket.getOOBInline();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        socket.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return socket.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        socket.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return socket.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        socket.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return socket.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        socket.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return socket.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        socket.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return socket.getReuseAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public void shutdownInput() throws IOException {
        socket.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public String toString() {
        return socket.toString();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public boolean isBound() {
        return socket.isBound();
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return socket.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return socket.isOutputShutdown();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        socket.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        socket.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return socket.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return socket.supportedOptions();
    }
}
