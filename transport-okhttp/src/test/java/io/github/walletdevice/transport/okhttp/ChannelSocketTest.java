package io.github.walletdevice.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The transport's plain socket against a real peer on loopback: reads, timeouts short and long, and its channel. */
class ChannelSocketTest {

    @Test
    void readsWhatThePeerSendsAndTheEndOfTheStream() throws Exception {
        try (ServerSocket server = listen(); ChannelSocket socket = new ChannelSocket()) {
            socket.connect(server.getLocalSocketAddress(), 5_000);
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write(new byte[] {7, 8});
                peer.shutdownOutput();
                InputStream in = socket.getInputStream();
                assertThat(in.read()).isEqualTo(7);
                assertThat(in.read(new byte[4], 0, 4)).isEqualTo(1);
                assertThat(in.read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void aShortTimeoutEndsTheReadAndLeavesTheSocketUsable() throws Exception {
        try (ServerSocket server = listen(); ChannelSocket socket = new ChannelSocket()) {
            socket.connect(server.getLocalSocketAddress(), 5_000);
            try (Socket peer = server.accept()) {
                socket.setSoTimeout(1);
                InputStream in = socket.getInputStream();
                assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);

                assertThat(socket.isClosed()).isFalse();
                peer.getOutputStream().write(42);
                socket.setSoTimeout(0);
                assertThat(in.read()).isEqualTo(42);
            }
        }
    }

    @Test
    void aLongTimeoutIsWatchedAndClosesTheSocketWhenItPasses() throws Exception {
        try (ServerSocket server = listen(); ChannelSocket socket = new ChannelSocket()) {
            socket.connect(server.getLocalSocketAddress(), 5_000);
            try (Socket peer = server.accept()) {
                socket.setSoTimeout(ChannelSocket.WATCHED_FROM_MILLIS);
                assertThatThrownBy(() -> socket.getInputStream().read(new byte[8], 0, 8))
                        .isInstanceOf(SocketTimeoutException.class).hasMessage("Read timed out");
                assertThat(socket.isClosed()).isTrue();
                assertThat(peer.getInputStream().read()).as("the peer sees the close").isEqualTo(-1);
            }
        }
    }

    @Test
    void aLongTimeoutThatDoesNotPassChangesNothing() throws Exception {
        try (ServerSocket server = listen(); ChannelSocket socket = new ChannelSocket()) {
            socket.connect(server.getLocalSocketAddress(), 5_000);
            try (Socket peer = server.accept()) {
                socket.setSoTimeout(60_000);
                peer.getOutputStream().write(new byte[] {1, 2, 3});
                byte[] read = new byte[3];
                InputStream in = socket.getInputStream();
                int n = 0;
                while (n < 3) {
                    n += in.read(read, n, 3 - n);
                }
                assertThat(read).containsExactly(1, 2, 3);
                assertThat(socket.isClosed()).isFalse();
                assertThat(socket.getSoTimeout()).isEqualTo(60_000);
            }
        }
    }

    @Test
    void itsChannelCanBeLookedAtWithoutBlocking() throws Exception {
        try (ServerSocket server = listen(); ChannelSocket socket = new ChannelSocket()) {
            socket.connect(server.getLocalSocketAddress(), 5_000);
            try (Socket peer = server.accept()) {
                var channel = socket.getChannel();
                channel.configureBlocking(false);
                assertThat(channel.read(ByteBuffer.allocate(1))).as("nothing yet").isZero();
                peer.close();
                int n;
                do {
                    n = channel.read(ByteBuffer.allocate(1));
                } while (n == 0);
                assertThat(n).as("the peer's close").isEqualTo(-1);
            }
        }
    }

    @Test
    void timeoutsAreCheckedAsASocketsAre() throws Exception {
        ChannelSocket socket = new ChannelSocket();
        socket.setSoTimeout(250);
        assertThat(socket.getSoTimeout()).isEqualTo(250);
        assertThatThrownBy(() -> socket.setSoTimeout(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(socket.isConnected()).isFalse();
        socket.close();
        assertThat(socket.isClosed()).isTrue();
        assertThatThrownBy(() -> socket.setSoTimeout(1)).isInstanceOf(SocketException.class);
        assertThatThrownBy(socket::getSoTimeout).isInstanceOf(SocketException.class);
        assertThatThrownBy(socket::getInputStream).isInstanceOf(SocketException.class);
    }

    private static ServerSocket listen() throws Exception {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return server;
    }
}
