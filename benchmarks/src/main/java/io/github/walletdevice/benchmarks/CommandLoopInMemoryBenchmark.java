package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.gateway.CommandSession;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.SessionOutcome;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The command loop's own cost without a network: a 3-round top-up through {@link CommandSession} and the virtual
 * card on a transport that hands each request to the benchmarks' TES at once, against that TES answering the three
 * prebuilt bodies alone (its work is in both). The difference is the SDK's: JSON, validation, the FeliCa commands
 * on the virtual card, the transcript.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class CommandLoopInMemoryBenchmark {
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/json");

    private CommandSession session;
    private byte[][] bodies;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryTransport tes = new InMemoryTransport(
                request -> HttpResponse.ofOwnedBody(200, JSON, TopUpTes.answer(request.bodyUnsafe())));
        DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl("http://127.0.0.1:8080")
                .actorId(GatewayFixtures.ACTOR_ID).transport(tes).build();
        session = client.session(VirtualCardExecutor.sampleTransitCard()).build();
        bodies = CommandLoopLoopback.prebuiltBodies();
        SessionResult result = sdk();
        if (result.outcome() != SessionOutcome.COMPLETED || result.rounds() != 3) {
            throw new IllegalStateException("the top-up did not complete in 3 rounds: " + result);
        }
    }

    @Benchmark
    public SessionResult sdk() {
        return session.run(GatewayFixtures.sdkRequest());
    }

    @Benchmark
    public void baseline(Blackhole bh) {
        for (byte[] body : bodies) {
            bh.consume(TopUpTes.answer(body));
        }
    }
}
