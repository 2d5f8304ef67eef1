package io.github.walletdevice.interop;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
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

/** An embedded Jetty 12 on a loopback ephemeral port, answering with {@link Answers}. */
final class JettyServer implements TestServer {
    /** How the server is set up. */
    enum Kind {
        /** Plain HTTP/1.1, Jetty's defaults. */
        PLAIN,
        /** Plain HTTP/1.1 that closes a connection idle for 300 ms. */
        SHORT_IDLE,
        /** HTTP/1.1 over TLS on a certificate made for the test. */
        TLS,
        /** TLS that requires a client certificate, as a TES demands of the TSH. */
        MUTUAL_TLS,
        /** HTTP/2 over TLS (ALPN offers h2 first, then http/1.1). */
        HTTP2_TLS
    }

    private final Server server;
    private final ServerConnector connector;
    private final Kind kind;
    private final Tally tally = new Tally();
    private final Set<String> protocols = ConcurrentHashMap.newKeySet();
    private boolean httpsUrl;

    private JettyServer(Kind kind) {
        this.kind = kind;
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        HttpConnectionFactory http1 = new HttpConnectionFactory(config);
        ConnectionFactory[] factories;
        if (kind == Kind.PLAIN || kind == Kind.SHORT_IDLE) {
            factories = new ConnectionFactory[] {http1};
        } else {
            config.addCustomizer(new SecureRequestCustomizer());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(Pki.get().serverKeys);
            ssl.setKeyStorePassword(new String(Pki.PASSWORD));
            if (kind == Kind.MUTUAL_TLS) {
                ssl.setNeedClientAuth(true);
                ssl.setTrustStore(Pki.get().trustsClient);
            }
            if (kind == Kind.HTTP2_TLS) {
                HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
                ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
                alpn.setDefaultProtocol(http1.getProtocol());
                factories = new ConnectionFactory[] {new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2,
                        http1};
            } else {
                factories = new ConnectionFactory[] {new SslConnectionFactory(ssl, http1.getProtocol()), http1};
            }
        }
        connector = new ServerConnector(server, factories);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        if (kind == Kind.SHORT_IDLE) {
            connector.setIdleTimeout(300);
        }
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                // Counted once per TCP connection: TLS, ALPN and HTTP connections sit on top of the socket's.
                if (connection.getEndPoint() instanceof SocketChannelEndPoint) {
                    tally.opened();
                }
            }

            @Override
            public void onClosed(Connection connection) {
                if (connection.getEndPoint() instanceof SocketChannelEndPoint) {
                    tally.closed();
                }
            }
        });
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                byte[] body = Content.Source.asInputStream(request).readAllBytes();
                tally.request(body);
                protocols.add(request.getConnectionMetaData().getHttpVersion().asString());
                Answers.Answer a = Answers.answer(Request.getPathInContext(request), body);
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
                response.write(true, ByteBuffer.wrap(a.body()), callback);
                return true;
            }
        });
    }

    /** Starts a server of the given kind. */
    static JettyServer start(Kind kind) {
        JettyServer s = new JettyServer(kind);
        try {
            s.server.start();
        } catch (Exception e) {
            s.close();
            throw new IllegalStateException("Jetty did not start", e);
        }
        return s;
    }

    /** A plaintext Jetty that the clients are told to reach over {@code https://}. */
    static JettyServer startPlainForTls() {
        JettyServer s = start(Kind.PLAIN);
        s.httpsUrl = true;
        return s;
    }

    Kind kind() {
        return kind;
    }

    /** The HTTP versions of the requests it received, e.g. {@code HTTP/2.0}. */
    Set<String> protocols() {
        return Set.copyOf(protocols);
    }

    @Override
    public URI base() {
        boolean tls = httpsUrl || (kind != Kind.PLAIN && kind != Kind.SHORT_IDLE);
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public Stats stats() {
        return tally.stats();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    @Override
    public String toString() {
        return "Jetty " + kind;
    }
}
