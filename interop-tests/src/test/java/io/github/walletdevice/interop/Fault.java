package io.github.walletdevice.interop;

import static io.github.walletdevice.core.TransportException.Reason.CONNECT;
import static io.github.walletdevice.core.TransportException.Reason.DEADLINE;
import static io.github.walletdevice.core.TransportException.Reason.IO;
import static io.github.walletdevice.core.TransportException.Reason.READ_TIMEOUT;
import static io.github.walletdevice.core.TransportException.Reason.RESPONSE_TOO_LARGE;

import io.github.walletdevice.core.TransportException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The rows of the fault matrix: a server that misbehaves in one way, and how each call must end against it (its
 * typed error, and how many times the server receives it: three for Thredd list when the failure is one it retries,
 * with the matrix's three attempts). The last rows are healthy servers that close connections: two calls, the second
 * once the server has closed the connection of the first.
 */
enum Fault {
    CONNECTION_REFUSED("connection refused", Fault::refusedPort, same(Outcome.notSent(CONNECT), 0)),
    HTTPS_TO_PLAINTEXT_JETTY("https:// to a plaintext port (Jetty answers 400)",
            () -> JettyServer.startPlainForTls(), same(Outcome.notSent("*"), 0)),
    HTTPS_TO_SILENT_PLAINTEXT("https:// to a plaintext port that stays silent", FaultServer::plaintextForTls,
            same(Outcome.notSent("*"), 0)),
    MUTUAL_TLS_WITHOUT_CERTIFICATE("mutual TLS, client without a certificate",
            () -> JettyServer.start(JettyServer.Kind.MUTUAL_TLS), refusedAfterTls13Handshake()),
    RESET_BEFORE_HEADERS("reset before the headers", serve((s, soap, b) -> FaultServer.reset(s)), broken(IO)),
    RESET_MID_HEADERS("reset in the middle of the headers",
            serve((s, soap, b) -> { FaultServer.write(s, "HTTP/1.1 200 OK\r\nContent-Ty"); FaultServer.reset(s); }),
            broken(IO)),
    RESET_MID_BODY("reset in the middle of the body", serve((s, soap, b) -> {
        FaultServer.write(s, head(200, type(soap), 1000) + "x".repeat(100));
        FaultServer.reset(s);
    }), broken(IO)),
    SHORT_BODY("body shorter than Content-Length, then close",
            serve((s, soap, b) -> FaultServer.write(s, head(200, type(soap), 1000) + "x".repeat(100))), broken(IO)),
    MALFORMED_CHUNK("malformed chunk", serve((s, soap, b) -> FaultServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: "
            + type(soap) + "\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n")), broken(IO)),
    GARBAGE_STATUS_LINE("garbage status line", serve((s, soap, b) -> FaultServer.write(s, "HELLO THERE\r\n\r\n")),
            broken(IO)),
    STALL("stall: nothing after the request", serve((s, soap, b) -> FaultServer.awaitHangUp(s)),
            broken(READ_TIMEOUT)),
    TRICKLING_BODY("body trickling a byte every 100 ms", serve(Fault::trickle), new Expect(
            Outcome.sent(DEADLINE), 1), new Expect(Outcome.sent(DEADLINE), 1),
            new Expect(Outcome.unknown(Outcome.sent(DEADLINE)), 1)),
    BODY_50_MB("50 MB body (limit 16 MB)", serve(Fault::fiftyMegabytes),
            new Expect(Outcome.sent(RESPONSE_TOO_LARGE), 1), new Expect(Outcome.sent(RESPONSE_TOO_LARGE), 1),
            new Expect(Outcome.unknown(Outcome.sent(RESPONSE_TOO_LARGE)), 1)),
    STATUS_429_RETRY_AFTER("429 with Retry-After: 1", status("429 Too Many Requests", "Retry-After: 1\r\n"),
            rejected(429, true)),
    STATUS_429("429 without Retry-After", status("429 Too Many Requests", ""), rejected(429, true)),
    STATUS_503_RETRY_AFTER("503 with Retry-After: 1", status("503 Service Unavailable", "Retry-After: 1\r\n"),
            failedAfter(503, 3)),
    STATUS_503("503 without Retry-After", status("503 Service Unavailable", ""), failedAfter(503, 3)),
    STATUS_500("500", status("500 Internal Server Error", ""), failedAfter(500, 1)),
    REDIRECT_307("307 redirect", status("307 Temporary Redirect", "Location: /elsewhere\r\n"),
            rejected(307, false)),
    HTML_WITH_200("HTML page with 200", answer(200, "text/html", "<html><body><h1>Welcome</h1></body></html>"),
            unreadable()),
    MALFORMED_BODY("malformed JSON / XML with 200", serve((s, soap, b) -> FaultServer.write(s, soap
            ? body(200, Answers.SOAP, "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Bo")
            : body(200, Answers.JSON, "{\"statusCode\":0,\"commands\":[{\"commandId\""))), unreadable()),
    SOAP_FAULT_RECEIVER("SOAP 1.2 fault, Receiver, HTTP 500", answer(500, Answers.SOAP, soapFault("Receiver")),
            new Expect(Outcome.status(500), 1), new Expect(Outcome.SOAP_FAULT, 1),
            new Expect(Outcome.unknown(Outcome.SOAP_FAULT), 1)),
    SOAP_FAULT_SENDER("SOAP 1.2 fault, Sender, HTTP 400", answer(400, Answers.SOAP, soapFault("Sender")),
            new Expect(Outcome.status(400), 1), new Expect(Outcome.SOAP_FAULT, 1), new Expect(Outcome.SOAP_FAULT, 1)),
    XXE("XXE: external entity", answer(200, Answers.SOAP, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
            + "\"file:///etc/passwd\">]><x>&e;</x>"), unreadable()),
    BILLION_LAUGHS("billion laughs", answer(200, Answers.SOAP, billionLaughs()), unreadable()),
    ECHO_500("500 echoing the request (password, DPAN) in HTML", serve((s, soap, b) -> FaultServer.write(s,
            body(500, "text/html", "<html><pre>" + new String(b, StandardCharsets.UTF_8) + "</pre></html>"))),
            failedAfter(500, 1)),
    CLOSE_AFTER_ANSWER("HTTP/1.1 answer without Connection: close, then close", serve((s, soap, b) -> {
        Answers.Answer a = Answers.answer(soap ? Answers.THREDD_PATH : Answers.GATEWAY_PATH, b);
        FaultServer.write(s, body(200, a.contentType(), new String(a.body(), StandardCharsets.UTF_8)));
    }), healthy()),
    JETTY_SHORT_IDLE("Jetty, idle timeout 300 ms", () -> JettyServer.start(JettyServer.Kind.SHORT_IDLE), healthy()),
    PYTHON_HTTP10("Python http.server, HTTP/1.0", () -> ScriptServer.start(ScriptServer.Kind.PYTHON_HTTP10),
            healthy()),
    PYTHON_IDLE_CLOSE("Python http.server, HTTP/1.1, idle close 0.5 s",
            () -> ScriptServer.start(ScriptServer.Kind.PYTHON_IDLE_CLOSE), healthy()),
    NODE("Node http, keep-alive timeout 0.5 s", () -> ScriptServer.start(ScriptServer.Kind.NODE), healthy());

    /**
     * How a call must end, and how many times the server must receive it.
     *
     * @param outcome the {@link Outcome} label, or labels separated by {@code |} when either may be seen; {@code *}
     *     stands for any reason of a transport failure that sent nothing
     * @param received times the server receives the call
     */
    record Expect(String outcome, int received) {
        boolean matches(String actual) {
            for (String accepted : outcome.split("\\|")) {
                int star = accepted.indexOf('*');
                if (star < 0 ? accepted.equals(actual) : actual.startsWith(accepted.substring(0, star))
                        && actual.endsWith(accepted.substring(star + 1)) && !actual.contains(", sent")) {
                    return true;
                }
            }
            return false;
        }
    }

    final String description;
    private final Supplier<TestServer> server;
    private final Expect gateway;
    private final Expect list;
    private final Expect unbind;

    Fault(String description, Supplier<TestServer> server, Expect gateway, Expect list, Expect unbind) {
        this.description = description;
        this.server = server;
        this.gateway = gateway;
        this.list = list;
        this.unbind = unbind;
    }

    Fault(String description, Supplier<TestServer> server, Expect[] perCall) {
        this(description, server, perCall[0], perCall[1], perCall[2]);
    }

    TestServer start() {
        return server.get();
    }

    /** Healthy servers that close connections: the row makes two calls. */
    boolean closingServer() {
        return ordinal() >= CLOSE_AFTER_ANSWER.ordinal();
    }

    /** Whether the client presents a certificate (all but the mutual TLS refusal). */
    boolean clientCertificate() {
        return this != MUTUAL_TLS_WITHOUT_CERTIFICATE;
    }

    /**
     * The timeouts of the row. Short connect and read timeouts where only they end the call (a stall, a handshake
     * nobody answers), a short call timeout where only the deadline does (a trickle), roomy ones elsewhere.
     */
    Timeouts timeouts() {
        return switch (this) {
            case STALL, HTTPS_TO_SILENT_PLAINTEXT -> new Timeouts(Duration.ofMillis(500), Duration.ofMillis(500),
                    Duration.ofSeconds(4));
            case TRICKLING_BODY -> new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
            default -> new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        };
    }

    /** The connect, read and whole-call timeouts of a row. */
    record Timeouts(Duration connect, Duration read, Duration call) {
    }

    Expect expected(Api api) {
        return switch (api) {
            case THREDD_LIST -> list;
            case THREDD_UNBIND -> unbind;
            default -> gateway;
        };
    }

    private static Expect[] same(String outcome, int received) {
        Expect e = new Expect(outcome, received);
        return new Expect[] {e, e, e};
    }

    /**
     * A server that refuses the client's certificate. Under TLS 1.3 the client's side of the handshake ends before
     * the server checks the certificate, so a transport may write the request and only then hear of the refusal (an
     * alert, or a broken pipe): it cannot tell the request was refused unread, and says it may have been sent. The
     * JDK transport reports not sent; OkHttp either, depending on which comes first. The server never has it.
     */
    private static Expect[] refusedAfterTls13Handshake() {
        String notSent = Outcome.notSent("*");
        String sent = Outcome.sent(IO);
        return new Expect[] {new Expect(notSent + "|" + sent, 0), new Expect(notSent + "|" + sent, 0),
                new Expect(notSent + "|" + Outcome.unknown(sent), 0)};
    }

    /** Broken after the request was read: gateway and unbind are never resent; list is, as a read. */
    private static Expect[] broken(TransportException.Reason reason) {
        return new Expect[] {new Expect(Outcome.sent(reason), 1), new Expect(Outcome.sent(reason), 3),
                new Expect(Outcome.unknown(Outcome.sent(reason)), 1)};
    }

    /** A status the server answered without acting: list retries it when it is retryable. */
    private static Expect[] rejected(int status, boolean listRetries) {
        return new Expect[] {new Expect(Outcome.status(status), 1),
                new Expect(Outcome.status(status), listRetries ? 3 : 1), new Expect(Outcome.status(status), 1)};
    }

    /** A server error: the unbind may have been done. */
    private static Expect[] failedAfter(int status, int listReceives) {
        return new Expect[] {new Expect(Outcome.status(status), 1), new Expect(Outcome.status(status), listReceives),
                new Expect(Outcome.unknown(Outcome.status(status)), 1)};
    }

    private static Expect[] unreadable() {
        return new Expect[] {new Expect(Outcome.MALFORMED, 1), new Expect(Outcome.MALFORMED, 1),
                new Expect(Outcome.unknown(Outcome.MALFORMED), 1)};
    }

    private static Expect[] healthy() {
        return same(Outcome.OK, 2);
    }

    private static Supplier<TestServer> serve(FaultServer.Behaviour behaviour) {
        return () -> FaultServer.start(behaviour);
    }

    private static Supplier<TestServer> status(String status, String headers) {
        return serve((s, soap, b) -> FaultServer.write(s, "HTTP/1.1 " + status + "\r\n" + headers
                + "Content-Length: 0\r\nConnection: close\r\n\r\n"));
    }

    private static Supplier<TestServer> answer(int status, String type, String text) {
        return serve((s, soap, b) -> FaultServer.write(s, body(status, type, text)));
    }

    private static String type(boolean soap) {
        return soap ? Answers.SOAP : Answers.JSON;
    }

    private static String head(int status, String type, long length) {
        return "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    /** A whole answer with Content-Length, the connection closed after it (text is ASCII or written as UTF-8). */
    private static String body(int status, String type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return head(status, type, bytes.length) + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String soapFault(String code) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
                + "xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><soap:Fault><soap:Code>"
                + "<soap:Value>soap:" + code + "</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang=\"en\">"
                + "Server was unable to process request.</soap:Text></soap:Reason></soap:Fault></soap:Body>"
                + "</soap:Envelope>";
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        return dtd.append("]><lolz>&lol9;</lolz>").toString();
    }

    private static void trickle(Socket s, boolean soap, byte[] body) throws IOException {
        FaultServer.write(s, head(200, type(soap), 100_000));
        OutputStream out = s.getOutputStream();
        for (int i = 0; i < 100_000; i++) {
            out.write(' ');
            out.flush();
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private static void fiftyMegabytes(Socket s, boolean soap, byte[] body) throws IOException {
        int size = 50 * 1024 * 1024;
        FaultServer.write(s, head(200, type(soap), size));
        OutputStream out = s.getOutputStream();
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        for (int written = 0; written < size; written += chunk.length) {
            out.write(chunk);
        }
        out.flush();
    }

    /** A port nothing listens on: it was bound, then released. */
    private static TestServer refusedPort() {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new TestServer() {
            @Override
            public URI base() {
                return URI.create("http://127.0.0.1:" + port);
            }

            @Override
            public Stats stats() {
                return new Stats(0, 0, 0, 0);
            }

            @Override
            public void close() {
                // Nothing listens.
            }
        };
    }
}
