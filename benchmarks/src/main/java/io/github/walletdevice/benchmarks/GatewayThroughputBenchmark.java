package io.github.walletdevice.benchmarks;

import io.github.walletdevice.gateway.CardCommandsResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * The same getCardCommands round trip as {@link GatewayLatencyBenchmark}, from 16 threads sharing one client:
 * calls per second, SDK against hand-written.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
public class GatewayThroughputBenchmark {

    @Benchmark
    public CardCommandsResponse sdk(GatewayLoopback s) {
        return s.sdk.getCardCommands(GatewayFixtures.sdkRequest());
    }

    @Benchmark
    public HandWrittenGateway.Answer baseline(GatewayLoopback s) {
        return s.handWritten.getCardCommands(GatewayFixtures.handWrittenRequest());
    }
}
