package io.github.walletdevice.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.core.testing.SelfSignedCertificate;
import io.github.walletdevice.core.transport.HttpRequest;
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
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * A pooled TLS connection stays in use when the server has sent TLS records after its answer that the client has not
 * read yet (a TLS 1.3 server may send session tickets or a key update at any time): such bytes on the raw socket
 * are not a sign that the server closed the connection.
 */
class OkHttpTlsReuseTest {

    @Test
    void aTls13RecordAfterTheAnswerDoesNotRetireThePooledConnection() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create();
        AtomicInteger accepted = new AtomicInteger();
        try (SSLServerSocket listening = (SSLServerSocket) serverContext(cert).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            listening.setEnabledProtocols(new String[] {"TLSv1.3"});
            Thread server = new Thread(() -> serve(listening, accepted), "tls-keep-alive-server");
            server.setDaemon(true);
            server.start();
            TransportOptions options = TransportOptions.builder().tls(cert.sslContext(), cert.trustManager()).build();
            URI uri = URI.create("https://127.0.0.1:" + listening.getLocalPort() + "/x");
            try (OkHttpTransport transport = new OkHttpTransport(options)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(transport.execute(HttpRequest.builder().uri(uri).build()).statusCode()).isEqualTo(200);
                }
            }
        }
        assertThat(accepted).hasValue(1);
    }

    /** Answers every request on a connection with 200 and then a TLS 1.3 KeyUpdate, until the client closes it. */
    private static void serve(SSLServerSocket listening, AtomicInteger accepted) {
        while (!listening.isClosed()) {
            try (SSLSocket socket = (SSLSocket) listening.accept()) {
                accepted.incrementAndGet();
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
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
