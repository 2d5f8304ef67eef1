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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on loopback that answers every request with fixed bytes, written as given: responses no HTTP
 * library would produce (a status outside 100-599, a header name with a space), or a body followed by silence.
 * Requests must have no body (it reads the request head only).
 */
public final class RawHttpServer implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] response;
    private final boolean holdOpen;
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private RawHttpServer(byte[] response, boolean holdOpen) throws IOException {
        this.response = response;
        this.holdOpen = holdOpen;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /**
     * Answers with the text (ISO-8859-1, CRLF line ends written as {@code \r\n}) and closes the connection.
     *
     * @param response the whole response: status line, headers, blank line, body
     * @return the running server
     * @throws IOException if it cannot listen
     */
    public static RawHttpServer answering(String response) throws IOException {
        return new RawHttpServer(response.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /**
     * Answers with the bytes, then keeps the connection open and silent until the client hangs up.
     *
     * @param response the bytes to write
     * @return the running server
     * @throws IOException if it cannot listen
     */
    public static RawHttpServer answeringThenStalling(byte[] response) throws IOException {
        return new RawHttpServer(response, true);
    }

    /**
     * The port it listens on, on loopback.
     *
     * @return the port
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Requests received so far (request heads read).
     *
     * @return the count
     */
    public int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                threads.execute(() -> answer(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < 4) {
                int b = in.read();
                if (b == -1) {
                    return;
                }
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            requests.incrementAndGet();
            OutputStream out = s.getOutputStream();
            out.write(response);
            out.flush();
            if (holdOpen) {
                while (in.read() != -1) {
                    // Silent until the client gives up and closes the connection.
                }
            }
        } catch (IOException e) {
            // The client went away: that is the end of this exchange.
        }
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
