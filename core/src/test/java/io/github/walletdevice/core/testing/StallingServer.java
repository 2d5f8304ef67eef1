package io.github.walletdevice.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on loopback that answers every request with a status line, headers promising 100 bytes, and only
 * the first 10 of them, then goes silent until the client hangs up: a body that stalls after the headers, which
 * WireMock's delays cannot produce (they hold the headers back too).
 */
public final class StallingServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stalling-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** One permit per client that hung up after the stalled body began. */
    private final Semaphore hangUps = new Semaphore(0);
    /** One permit per request whose head was read. */
    private final Semaphore requests = new Semaphore(0);

    /**
     * Starts listening.
     *
     * @throws IOException if it cannot listen
     */
    public StallingServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /**
     * The port it listens on, on loopback.
     *
     * @return the port
     */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                threads.execute(() -> {
                    stall(s);
                    hangUps.release();
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private void stall(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            // Read the request head: up to the empty line.
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < 4) {
                int b = in.read();
                if (b == -1) {
                    return;
                }
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            requests.release();
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n0123456789")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // Silent until the client gives up and closes the connection.
            while (in.read() != -1) {
                // Discard anything further.
            }
        } catch (IOException e) {
            // The client went away: that is the end of this exchange.
        }
    }

    /**
     * Waits until a request has arrived, at most 20 s.
     *
     * @return whether one did
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitRequest() throws InterruptedException {
        return requests.tryAcquire(20, TimeUnit.SECONDS);
    }

    /**
     * Waits until a client has hung up on a stalled exchange (or the server was closed), at most 20 s.
     *
     * @return whether one did
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitHangUp() throws InterruptedException {
        return hangUps.tryAcquire(20, TimeUnit.SECONDS);
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        threads.shutdownNow();
    }
}
