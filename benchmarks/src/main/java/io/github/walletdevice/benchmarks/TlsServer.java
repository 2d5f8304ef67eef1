package io.github.walletdevice.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * An embedded Jetty 12 speaking HTTP/1.1 over TLS on 127.0.0.1 (ephemeral port), with an RSA 2048 certificate that
 * {@code keytool} makes for the run. It counts what connection handling costs where it is paid, at the server: TLS
 * handshakes completed (Jetty's {@link SslHandshakeListener}, full and resumed alike) and TCP connections opened.
 * Answers by request path: the gateway's fixed answer, or a Thredd list of five devices.
 */
final class TlsServer implements AutoCloseable {
    private static final String PASSWORD = "benchmark-only";

    private final Server server;
    private final ServerConnector connector;
    private final KeyStore trusted;
    private final LongAdder handshakes = new LongAdder();
    private final LongAdder connections = new LongAdder();

    private TlsServer(KeyStore keys, KeyStore trusted) {
        this.trusted = trusted;
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.addCustomizer(new SecureRequestCustomizer());
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keys);
        ssl.setKeyStorePassword(PASSWORD);
        HttpConnectionFactory http1 = new HttpConnectionFactory(config);
        connector = new ServerConnector(server, new SslConnectionFactory(ssl, http1.getProtocol()), http1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        // Longer than any run: a connection the server closed for idleness would be a handshake the client did not
        // cause. Clients keep theirs for 15 s (SDK) or 5 min (OkHttp's default pool).
        connector.setIdleTimeout(TimeUnit.MINUTES.toMillis(10));
        connector.setAcceptQueueSize(1024);
        connector.addBean(new SslHandshakeListener() {
            @Override
            public void handshakeSucceeded(Event event) {
                handshakes.increment();
            }
        });
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                if (connection.getEndPoint() instanceof SocketChannelEndPoint) {
                    connections.increment();
                }
            }
        });
        server.addConnector(connector);
        UnaryOperator<byte[]> thredd = ThreddFixtures::answer;
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                byte[] body;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    body = in.readAllBytes();
                }
                boolean gateway = Request.getPathInContext(request).startsWith("/tes/");
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                        gateway ? "application/json" : ThreddFixtures.CONTENT_TYPE);
                response.write(true, ByteBuffer.wrap(gateway ? GatewayFixtures.ANSWER : thredd.apply(body)), callback);
                return true;
            }
        });
    }

    /** Makes a certificate for 127.0.0.1 and starts the server. */
    static TlsServer start() {
        KeyStore keys = keyStore();
        TlsServer s = new TlsServer(keys, trusting(keys));
        try {
            s.server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
        return s;
    }

    /** {@code https://127.0.0.1:port}. */
    URI baseUri() {
        return URI.create("https://127.0.0.1:" + connector.getLocalPort());
    }

    long handshakes() {
        return handshakes.sum();
    }

    long connections() {
        return connections.sum();
    }

    /** Trusts exactly this server's certificate. */
    X509TrustManager trustManager() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            for (TrustManager m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client TLS context trusting {@link #trustManager()}. */
    SSLContext clientContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustManager()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    private static KeyStore keyStore() {
        try {
            Path dir = Files.createTempDirectory("tls-bench");
            Path file = dir.resolve("server.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                    "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD,
                    "-keypass", PASSWORD).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            Files.delete(file);
            Files.delete(dir);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not make the server certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore trusting(KeyStore keys) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("server", keys.getCertificate("server"));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
