package io.github.walletdevice.core.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast HTTP/1.1 keep-alive server on loopback, a thread per connection, that answers every request
 * {@code 200 {}} and counts the connections it accepts: how many connections a client opens for a number of calls.
 */
public final class KeepAliveHttpServer implements AutoCloseable {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            + "\r\n{}").getBytes(StandardCharsets.ISO_8859_1);

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /**
     * Starts listening on an ephemeral port.
     *
     * @throws IOException if it cannot listen
     */
    public KeepAliveHttpServer() throws IOException {
        server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        start(this::acceptLoop);
    }

    /**
     * The base URI, {@code http://127.0.0.1:port}.
     *
     * @return the URI
     */
    public java.net.URI uri() {
        return java.net.URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Connections accepted so far.
     *
     * @return the count
     */
    public int connections() {
        return connections.get();
    }

    /**
     * Requests answered so far.
     *
     * @return the count
     */
    public int requests() {
        return requests.get();
    }

    /**
     * Connections open now on the server's side.
     *
     * @return the count
     */
    public int openConnections() {
        return sockets.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                sockets.add(s);
                start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                long length = readHead(in);
                if (length < 0) {
                    return;
                }
                in.readNBytes((int) length);
                requests.incrementAndGet();
                out.write(ANSWER);
                out.flush();
            }
        } catch (IOException e) {
            // The client went away.
        } finally {
            sockets.remove(s);
        }
    }

    /** Reads a request head; its Content-Length, or -1 at the end of the stream. */
    private static long readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        boolean any = false;
        for (int b; (b = in.read()) != -1; ) {
            any = true;
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            String header = line.toString().trim();
            line.setLength(0);
            if (header.isEmpty()) {
                return length;
            }
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            }
        }
        if (any) {
            throw new IOException("Request head cut short");
        }
        return -1;
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
    }

    /** A thread of its own per connection, ending with it: a test counting threads sees none linger. */
    private static void start(Runnable task) {
        Thread t = new Thread(task, "keep-alive-http-server");
        t.setDaemon(true);
        t.start();
    }
}
