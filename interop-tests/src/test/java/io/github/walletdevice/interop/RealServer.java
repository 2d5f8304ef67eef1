package io.github.walletdevice.interop;

import java.util.function.Supplier;

/** The third-party servers the suite runs the clients against. */
enum RealServer {
    /** Jetty, HTTP/1.1 over TLS. */
    JETTY_TLS(false, () -> JettyServer.start(JettyServer.Kind.TLS)),
    /** Jetty requiring a client certificate. */
    JETTY_MUTUAL_TLS(false, () -> JettyServer.start(JettyServer.Kind.MUTUAL_TLS)),
    /** Jetty, HTTP/2 over TLS. */
    JETTY_HTTP2_TLS(false, () -> JettyServer.start(JettyServer.Kind.HTTP2_TLS)),
    /** Jetty closing connections idle for 300 ms. */
    JETTY_SHORT_IDLE(true, () -> JettyServer.start(JettyServer.Kind.SHORT_IDLE)),
    /** Python's http.server on HTTP/1.0, closing after every answer. */
    PYTHON_HTTP10(true, () -> ScriptServer.start(ScriptServer.Kind.PYTHON_HTTP10)),
    /** Python's http.server on HTTP/1.1, closing connections idle for 0.5 s. */
    PYTHON_IDLE_CLOSE(true, () -> ScriptServer.start(ScriptServer.Kind.PYTHON_IDLE_CLOSE)),
    /** Node's http server, keep-alive timeout 0.5 s. */
    NODE(true, () -> ScriptServer.start(ScriptServer.Kind.NODE));

    /** Whether the server closes connections by itself soon after an answer. */
    final boolean closesConnections;
    private final Supplier<TestServer> starter;

    RealServer(boolean closesConnections, Supplier<TestServer> starter) {
        this.closesConnections = closesConnections;
        this.starter = starter;
    }

    TestServer start() {
        return starter.get();
    }
}
