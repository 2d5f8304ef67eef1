package io.github.walletdevice.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A short, bounded load (64 threads, 10 calls each) per transport and client: no errors, no duplicates, connections
 * reused (at most one per thread, plus as many again for the pool's turnover), and after {@code close()} this
 * JVM's threads and file descriptors back to where they were. {@link ReliabilityReport} runs the 30-second version.
 */
@Isolated("counts this JVM's threads and file descriptors")
class LoadTest {
    static Stream<Arguments> runs() {
        return Stream.of(Transport.values())
                .flatMap(t -> Stream.of(Api.GATEWAY_CARD, Api.THREDD_LIST).map(a -> Arguments.of(t, a)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("runs")
    void sixtyFourThreadsShareOneClientWithoutErrorsOrLeaks(Transport transport, Api api) {
        try (TestServer server = ScriptServer.start(ScriptServer.Kind.NODE_DEFAULT)) {
            LoadRun.Result r = LoadRun.run(server, transport, api, Duration.ofMinutes(5), 10);
            assertThat(r.errors()).as("failed calls, first: %s", r.firstError()).isZero();
            assertThat(r.calls()).isEqualTo(LoadRun.THREADS * 10L);
            assertThat(r.received()).isEqualTo(r.calls());
            assertThat(r.duplicates()).isZero();
            assertThat(r.connections()).as("connections opened").isLessThanOrEqualTo(2 * LoadRun.THREADS);
            assertThat(r.after().threads()).as("threads after close()").isLessThanOrEqualTo(r.before().threads());
            assertThat(r.after().fileDescriptors()).as("file descriptors after close()")
                    .isLessThanOrEqualTo(r.before().fileDescriptors());
        }
    }
}
