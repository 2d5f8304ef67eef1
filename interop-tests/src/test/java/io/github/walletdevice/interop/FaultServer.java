package io.github.walletdevice.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server on a raw socket that reads each request whole (head and {@code Content-Length} body), counts it, then
 * does what its {@link Behaviour} says: answers what no HTTP library would, resets, stalls, trickles. It can also
 * listen without ever answering anything, even a TLS handshake.
 */
final class FaultServer implements TestServer {
    /** What the server does once it has read a request. */
    @FunctionalInterface
    interface Behaviour {
        /**
         * Acts on one request; the connection is closed afterwards.
         *
         * @param socket the connection
         * @param soap whether the request is a Thredd (SOAP) call rather than a Device Gateway one
         * @param body the request body
         */
        void act(Socket socket, boolean soap, byte[] body) throws IOException;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final boolean tls;
    private final Tally tally = new Tally();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-server");
        t.setDaemon(true);
        return t;
    });

    private FaultServer(Behaviour behaviour, boolean tls) throws IOException {
        this.behaviour = behaviour;
        this.tls = tls;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** A plain HTTP server acting as told on every request. */
    static FaultServer start(Behaviour behaviour) {
        try {
            return new FaultServer(behaviour, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A plaintext server that the clients are told to reach over {@code https://}: their TLS hello is not an HTTP
     * request, so it never answers.
     */
    static FaultServer plaintextForTls() {
        try {
            return new FaultServer((s, soap, body) -> { }, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public URI base() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + server.getLocalPort());
    }

    @Override
    public Stats stats() {
        return tally.stats();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                tally.opened();
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            InputStream in = s.getInputStream();
            String head = readHead(in);
            if (head != null) {
                int length = contentLength(head);
                byte[] body = in.readNBytes(length);
                if (body.length == length) {
                    tally.request(body);
                    behaviour.act(s, !head.startsWith("POST " + Answers.GATEWAY_PATH), body);
                }
            }
        } catch (IOException e) {
            // The client went away: the end of this exchange.
        } finally {
            try {
                s.close();
            } catch (IOException e) {
                // Closing anyway.
            }
            tally.closed();
        }
    }

    /** The request head up to the blank line, or {@code null} if the connection ends first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    /** Writes text (ISO-8859-1) and flushes. */
    static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Closes with a TCP reset instead of an orderly close. */
    static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /** Blocks until the client closes the connection (or the server is closed). */
    static void awaitHangUp(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        while (in.read() != -1) {
            // Silent.
        }
    }

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
