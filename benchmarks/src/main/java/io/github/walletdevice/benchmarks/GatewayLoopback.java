package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One fixed-answer TES on loopback, the SDK client and the hand-written client for the same transport, shared by
 * every benchmark thread (both clients are thread-safe, as a real application shares them).
 */
@State(Scope.Benchmark)
public class GatewayLoopback {
    /** {@code okhttp}: SDK on its OkHttp transport vs hand-written OkHttp; {@code jdk}: both on the JDK client. */
    @Param({"okhttp", "jdk"})
    public String transport;

    LoopbackServer server;
    HttpTransport sdkTransport;
    DeviceGatewayClient sdk;
    HandWrittenGateway handWritten;

    @Setup(Level.Trial)
    public void start() {
        server = LoopbackServer.start("application/json", request -> GatewayFixtures.ANSWER);
        sdkTransport = HttpTransports.create(transport, TransportOptions.defaults());
        sdk = DeviceGatewayClient.builder().baseUrl(server.baseUri().toString()).actorId(GatewayFixtures.ACTOR_ID)
                .transport(sdkTransport).build();
        handWritten = HandWrittenGateway.of(transport, server.baseUri().resolve(GatewayFixtures.PATH));
        // Both paths must work before anything is measured.
        if (sdk.getCardCommands(GatewayFixtures.sdkRequest()).commands().size() != 2
                || handWritten.getCardCommands(GatewayFixtures.handWrittenRequest()).commands().size() != 2) {
            throw new IllegalStateException("unexpected answer from the loopback TES");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        sdk.close();
        sdkTransport.close();
        handWritten.close();
        server.close();
    }
}
