package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.transport.okhttp.OkHttpTransport;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The SDK's own cost per getCardCommands call, without a network, so without loopback's scheduling noise.
 * {@code direct}: the SDK on a transport that answers at once, against the hand-written client's Jackson work
 * alone (write the request, read the answer). {@code okhttp-stub}: both through an OkHttp client whose
 * interceptor answers (the SDK through its OkHttp transport), so the transport adapter is counted too.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class GatewayInMemoryBenchmark {
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/json");
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:8080" + GatewayFixtures.PATH);

    @Param({"direct", "okhttp-stub"})
    public String transport;

    private HttpTransport sdkTransport;
    private DeviceGatewayClient sdk;
    private HandWrittenGateway handWritten;

    @Setup(Level.Trial)
    public void setUp() {
        if (transport.equals("direct")) {
            sdkTransport = new InMemoryTransport(request -> HttpResponse.ofOwnedBody(200, JSON, GatewayFixtures.ANSWER));
        } else {
            OkHttpClient stub = StubOkHttp.client("application/json", request -> GatewayFixtures.ANSWER);
            sdkTransport = new OkHttpTransport(stub);
            handWritten = new HandWrittenGateway.OnOkHttp(ENDPOINT, stub);
        }
        sdk = DeviceGatewayClient.builder().baseUrl("http://127.0.0.1:8080").actorId(GatewayFixtures.ACTOR_ID)
                .transport(sdkTransport).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdk.close();
        sdkTransport.close();
    }

    @Benchmark
    public CardCommandsResponse sdk() {
        return sdk.getCardCommands(GatewayFixtures.sdkRequest());
    }

    @Benchmark
    public HandWrittenGateway.Answer baseline(Blackhole bh) {
        if (handWritten != null) {
            return handWritten.getCardCommands(GatewayFixtures.handWrittenRequest());
        }
        bh.consume(HandWrittenGateway.write(GatewayFixtures.handWrittenRequest()));
        return HandWrittenGateway.read(GatewayFixtures.ANSWER);
    }
}
