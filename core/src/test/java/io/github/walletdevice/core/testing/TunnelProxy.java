package io.github.walletdevice.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP {@code CONNECT} proxy on loopback that demands Basic credentials: what a corporate proxy in front of
 * an HTTPS API looks like (WireMock cannot play this part). A {@code CONNECT} without the expected
 * {@code Proxy-Authorization} gets 407 with a Basic challenge and the connection closes; with it, the proxy opens
 * the tunnel to the target and copies bytes both ways. It records the credentials each {@code CONNECT} carried.
 */
public final class TunnelProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tunnel-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TunnelProxy(String expectedAuthorization) throws IOException {
        this.expectedAuthorization = expectedAuthorization;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /**
     * Starts a proxy that accepts exactly this {@code Proxy-Authorization} value.
     *
     * @param expectedAuthorization e.g. {@code "Basic dXNlcjpwYXNz"}
     * @return the running proxy
     * @throws IOException if it cannot listen
     */
    public static TunnelProxy start(String expectedAuthorization) throws IOException {
        return new TunnelProxy(expectedAuthorization);
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
     * The {@code Proxy-Authorization} of each {@code CONNECT} received, in order ({@code ""} when absent).
     *
     * @return a snapshot
     */
    public List<String> authorizations() {
        return new ArrayList<>(authorizations);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty() || !head.get(0).startsWith("CONNECT ")) {
                out.write(("HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                client.close();
                return;
            }
            String authorization = "";
            for (String line : head) {
                if (line.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:")) {
                    authorization = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            authorizations.add(authorization);
            if (!authorization.equals(expectedAuthorization)) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"p\"\r\n"
                        + "Connection: close\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                client.close();
                return;
            }
            String[] target = head.get(0).split(" ")[1].split(":");
            Socket upstream = new Socket(target[0], Integer.parseInt(target[1]));
            sockets.add(upstream);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            threads.execute(() -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
                if (s.isEmpty()) {
                    return lines;
                }
                lines.add(s);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // One side went away: the tunnel is over.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Nothing more to do with it.
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
        sockets.forEach(TunnelProxy::closeQuietly);
        threads.shutdownNow();
    }
}
