package io.github.walletdevice.benchmarks;

import io.github.walletdevice.thredd.TokenDeviceList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Thredd {@code list} returning 5 devices on loopback, one thread: the SDK (validation, WSID, JAXB envelope,
 * CallPipeline, OkHttp transport, safe XML reader, typed devices) against OkHttp posting a prebuilt envelope and
 * reading the answer with a StAX loop.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThreddListBenchmark {

    @Benchmark
    public TokenDeviceList sdk(ThreddLoopback s) {
        return s.sdk.tokenDevices().list(ThreddFixtures.token());
    }

    @Benchmark
    public HandWrittenThredd.Listing baseline(ThreddLoopback s) {
        return s.handWritten.list();
    }
}
