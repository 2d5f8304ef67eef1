package io.github.walletdevice.interop;

import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.thredd.ThreddClient;
import java.net.URI;
import java.time.Duration;

/**
 * One transport and the two clients sharing it, pointed at one server (bodies logged but in the load runs). The
 * tests own the transport they pass in, so the timeouts are the transport's options.
 */
final class Clients implements AutoCloseable {
    /** Thredd's password in every test: it must never appear in a log. */
    static final String PASSWORD = "Interop-Passw0rd-7f3c";
    /** The DPAN of every Thredd call: only its first 6 and last 4 digits may appear in a log. */
    static final String DPAN = "5413339876543210";

    private final HttpTransport transport;
    private final DeviceGatewayClient gateway;
    private final ThreddClient thredd;

    Clients(Transport kind, URI base, TransportOptions options, RetryPolicy retries, boolean logBodies) {
        transport = kind.open(options);
        gateway = DeviceGatewayClient.builder().baseUrl(base).actorId("interop-tsh").transport(transport)
                .retryPolicy(retries).logBodies(logBodies).build();
        thredd = ThreddClient.builder().endpoint(base.resolve(Answers.THREDD_PATH)).transport(transport)
                .credentials("interop-user", PASSWORD).issCode("PMT").retryPolicy(retries).logBodies(logBodies)
                .build();
    }

    /** Clients logging bodies, with the given timeouts and the default retry policy. */
    static Clients of(Transport kind, URI base, TransportOptions options) {
        return new Clients(kind, base, options, RetryPolicy.defaults(), true);
    }

    /** Options with short timeouts, and TLS that trusts the test server (and presents the client certificate). */
    static TransportOptions.Builder options(boolean clientCertificate) {
        Pki pki = Pki.get();
        return TransportOptions.builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20))
                .tls(pki.clientContext(clientCertificate), pki.clientTrust());
    }

    DeviceGatewayClient gateway() {
        return gateway;
    }

    ThreddClient thredd() {
        return thredd;
    }

    @Override
    public void close() {
        gateway.close();
        thredd.close();
        transport.close();
    }
}
