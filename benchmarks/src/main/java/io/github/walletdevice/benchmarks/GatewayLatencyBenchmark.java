package io.github.walletdevice.benchmarks;

import io.github.walletdevice.gateway.CardCommandsResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * One getCardCommands round trip on loopback, one thread: the SDK (request built and validated, Jackson,
 * CallPipeline, transport, response checked and typed) against a hand-written Jackson + HTTP client POST of the
 * same JSON to the same server.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GatewayLatencyBenchmark {

    @Benchmark
    public CardCommandsResponse sdk(GatewayLoopback s) {
        return s.sdk.getCardCommands(GatewayFixtures.sdkRequest());
    }

    @Benchmark
    public HandWrittenGateway.Answer baseline(GatewayLoopback s) {
        return s.handWritten.getCardCommands(GatewayFixtures.handWrittenRequest());
    }
}
