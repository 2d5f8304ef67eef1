package io.github.walletdevice.benchmarks;

import io.github.walletdevice.gateway.SessionResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A 3-round top-up session against an in-process TES on loopback, end to end: the SDK's CommandSession running
 * the TES's commands on the virtual card (2 commands per round, 3 HTTP calls, JSON, FeliCa frames) against 3 raw
 * OkHttp POSTs of prebuilt bodies (the same bytes a session sends, card responses included) whose answers are only
 * read.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommandLoopBenchmark {

    @Benchmark
    public SessionResult sdk(CommandLoopLoopback s) {
        return s.sdk();
    }

    @Benchmark
    public int baseline(CommandLoopLoopback s) {
        return s.baseline();
    }
}
