package io.github.walletdevice.examples.thredd;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP/1.1 server on loopback for the simulated Thredd, with keep-alive and {@code Content-Length} bodies.
 * It exists for one reason: each answer, head and body, goes out in a single write. The JDK's {@code HttpServer}
 * writes the head and the body separately; with Nagle's algorithm on the server and a delayed ACK on the client
 * (which waits for the body before acknowledging the head) every call then stalls about 40 ms, so anyone timing a
 * client against the simulator was misled.
 */
final class LoopbackHttpServer implements AutoCloseable {
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    /** A request as received: header names in lower case. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer: its status, {@code Content-Type}, body and any other header. */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        Response(int status, String contentType, byte[] body) {
            this(status, contentType, body, Map.of());
        }
    }

    /** Answers one request; runs on the connection's thread. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request);
    }

    private final ServerSocket socket;
    private final ExecutorService threads;
    private final Handler handler;
    private final int maxBodyBytes;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private LoopbackHttpServer(ServerSocket socket, String threadName, int maxBodyBytes, Handler handler) {
        this.socket = socket;
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::acceptLoop);
    }

    /** Listens on loopback at {@code port} (0 for an ephemeral one) and serves until closed. */
    static LoopbackHttpServer start(int port, String threadName, int maxBodyBytes, Handler handler)
            throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new LoopbackHttpServer(s, threadName, maxBodyBytes, handler);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                connections.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                Request request;
                try {
                    request = read(in);
                } catch (BadRequest e) {
                    write(out, new Response(e.status, "text/plain; charset=utf-8",
                            e.getMessage().getBytes(StandardCharsets.UTF_8)), true);
                    return;
                }
                if (request == null) {
                    return;
                }
                boolean close = "close".equalsIgnoreCase(request.header("Connection"));
                write(out, handler.handle(request), close);
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away.
        } finally {
            connections.remove(s);
        }
    }

    /** A request the server refuses before the handler sees it. */
    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The next request, or {@code null} when the client closed the connection between requests. */
    private Request read(InputStream in) throws IOException, BadRequest {
        String line = line(in);
        if (line == null) {
            return null;
        }
        String[] start = line.split(" ");
        if (start.length != 3 || !start[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "Bad request line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "Bad header line");
            }
            headers.merge(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        if (headers.containsKey("transfer-encoding")) {
            throw new BadRequest(411, "Length Required: send the body with a Content-Length");
        }
        int length;
        try {
            length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "Bad Content-Length");
        }
        if (length < 0 || length > maxBodyBytes) {
            throw new BadRequest(413, "The request is larger than " + maxBodyBytes + " bytes");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return null;
        }
        String path = start[1];
        int query = path.indexOf('?');
        return new Request(start[0], query < 0 ? path : path.substring(0, query), headers, body);
    }

    /** One line of the head, without its CRLF; {@code null} at the end of the stream before any byte. */
    private static String line(InputStream in) throws IOException, BadRequest {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEAD_BYTES) {
                throw new BadRequest(431, "Request header too large");
            }
            line.write(c);
        }
        return null;
    }

    /** Head and body in one write, so that nothing waits for an ACK. */
    private static void write(OutputStream out, Response r, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(160).append("HTTP/1.1 ").append(r.status()).append(' ')
                .append(reason(r.status())).append("\r\n");
        if (r.contentType() != null) {
            head.append("Content-Type: ").append(r.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(r.body().length).append("\r\n");
        r.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + r.body().length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(r.body(), 0, all, h.length, r.body().length);
        out.write(all);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            default -> status >= 500 ? "Internal Server Error" : "Status " + status;
        };
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
