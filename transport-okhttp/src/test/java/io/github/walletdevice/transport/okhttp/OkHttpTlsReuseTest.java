package io.github.walletdevice.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.testing.Deadline;
import io.github.walletdevice.core.testing.SelfSignedCertificate;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.transport.TransportOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * A pooled TLS connection stays in use when the server has sent TLS records after its answer that the client has not
 * read yet (a TLS 1.3 server may send session tickets or a key update at any time): such bytes on the raw socket
 * are not a sign that the server closed the connection. One the server did close (close_notify) is not reused.
 */
class OkHttpTlsReuseTest {

    @Test
    void aTls13RecordAfterTheAnswerDoesNotRetireThePooledConnection() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (SSLServerSocket listening = listen()) {
            start(() -> serve(listening, accepted, null));
            try (OkHttpTransport transport = new OkHttpTransport(options())) {
                for (int i = 0; i < 3; i++) {
                    assertThat(transport.execute(get(listening), Deadline.soon()).statusCode()).isEqualTo(200);
                }
            }
        }
        assertThat(accepted).hasValue(1);
    }

    @Test
    void aTlsConnectionTheServerClosedAfterItsAnswerIsNotReused() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        Semaphore closed = new Semaphore(0);
        try (SSLServerSocket listening = listen()) {
            start(() -> serve(listening, accepted, closed));
            try (OkHttpTransport transport = new OkHttpTransport(options())) {
                for (int i = 0; i < 3; i++) {
                    assertThat(transport.execute(get(listening), Deadline.soon()).statusCode()).isEqualTo(200);
                    // The server has sent its close_notify before the next call picks the pooled connection.
                    assertThat(closed.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
                }
            }
        }
        assertThat(accepted).hasValue(3);
    }

    private static SelfSignedCertificate cert;

    private static synchronized SelfSignedCertificate cert() {
        if (cert == null) {
            cert = SelfSignedCertificate.create();
        }
        return cert;
    }

    private static TransportOptions options() {
        return TransportOptions.builder().tls(cert().sslContext(), cert().trustManager()).build();
    }

    private static HttpRequest get(SSLServerSocket listening) {
        return HttpRequest.builder().uri(URI.create("https://127.0.0.1:" + listening.getLocalPort() + "/x")).build();
    }

    private static SSLServerSocket listen() throws Exception {
        SSLServerSocket listening = (SSLServerSocket) serverContext(cert()).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listening.setEnabledProtocols(new String[] {"TLSv1.3"});
        return listening;
    }

    private static void start(Runnable server) {
        Thread t = new Thread(server, "tls-test-server");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Answers every request with 200, then sends a TLS 1.3 KeyUpdate and waits for the next request; or, given
     * {@code closed}, closes the connection after its answer (sending close_notify) and releases {@code closed}.
     */
    private static void serve(SSLServerSocket listening, AtomicInteger accepted, Semaphore closed) {
        while (!listening.isClosed()) {
            try (SSLSocket socket = (SSLSocket) listening.accept()) {
                accepted.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (closed != null) {
                            socket.close();
                            closed.release();
                            break;
                        }
                        socket.startHandshake(); // on an established TLS 1.3 connection: sends a KeyUpdate
                    }
                }
            } catch (IOException e) {
                // The client went away, or the test closed the listening socket.
            }
        }
    }

    private static SSLContext serverContext(SelfSignedCertificate cert) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(cert.keyStore())) {
            keys.load(in, cert.password().toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, cert.password().toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }
}
