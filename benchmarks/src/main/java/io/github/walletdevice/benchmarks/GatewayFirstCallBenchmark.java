package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up of the gateway client: building it and its first getCardCommands in a fresh JVM, one call per fork, beside
 * the hand-written client (Jackson and a plain HTTP client) built and called the same way. The loopback TES has
 * already answered one request from a raw socket, so no client code is warm; its answer is a literal, so neither side
 * finds the FeliCa classes loaded, and the requests are built here rather than by {@link GatewayFixtures} (whose
 * constants would load them too). Both sides create their HTTP client in the measured call: the SDK its transport
 * ({@code okhttp}: the default one its builder makes; {@code jdk}: {@code HttpTransports.create("jdk", …)}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
public class GatewayFirstCallBenchmark {
    /** The TES's answer, as {@link GatewayFixtures#ANSWER} spells it (two Read Without Encryption commands). */
    static final byte[] ANSWER = ("{\"statusCode\":0,\"statusMessage\":\"OK\",\"commands\":["
            + "{\"commandId\":\"1\",\"command\":\"1006012E4CD4A1B2C3D4011110018000\"},"
            + "{\"commandId\":\"2\",\"command\":\"1606012E4CD4A1B2C3D4014D10048000800180028003\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    /** A warm server; the measured method builds its client. */
    @State(Scope.Benchmark)
    public static class Server {
        /** The transport both sides use. */
        @Param({"okhttp", "jdk"})
        public String transport;

        LoopbackServer server;
        AutoCloseable client;

        @Setup(Level.Trial)
        public void start() {
            server = startWarmServer();
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            if (client != null) {
                client.close();
            }
            server.close();
        }
    }

    /** The SDK client built (with its transport) and its first call. */
    @Benchmark
    public CardCommandsResponse sdk(Server s) {
        DeviceGatewayClient.Builder builder = DeviceGatewayClient.builder().baseUrl(s.server.baseUri().toString())
                .actorId(GatewayFixtures.ACTOR_ID);
        HttpTransport transport = null;
        if (!s.transport.equals("okhttp")) {
            transport = HttpTransports.create(s.transport, TransportOptions.defaults());
            builder.transport(transport);
        }
        DeviceGatewayClient client = builder.build();
        HttpTransport own = transport;
        s.client = () -> {
            client.close();
            if (own != null) {
                own.close();
            }
        };
        return client.getCardCommands(CardCommandsRequest.builder().issuerId(GatewayFixtures.ISSUER_ID)
                .cardId(GatewayFixtures.CARD_ID).purchaseId(GatewayFixtures.PURCHASE_ID)
                .deviceId(GatewayFixtures.DEVICE_ID).operation(Operation.TOPUP).build());
    }

    /** The hand-written client built and its first call. */
    @Benchmark
    public HandWrittenGateway.Answer baseline(Server s) {
        URI endpoint = s.server.baseUri().resolve(GatewayFixtures.PATH);
        HandWrittenGateway client = HandWrittenGateway.of(s.transport, endpoint);
        s.client = client;
        return client.getCardCommands(new HandWrittenGateway.Request(GatewayFixtures.ISSUER_ID,
                GatewayFixtures.CARD_ID, GatewayFixtures.PURCHASE_ID, GatewayFixtures.DEVICE_ID, "TOPUP"));
    }

    /** A loopback TES that has answered one request from a raw socket (its own classes loaded and run). */
    static LoopbackServer startWarmServer() {
        return LoopbackServer.start("application/json", request -> ANSWER)
                .warmedBy(GatewayFixtures.PATH, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    }
}
