package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.CallExecutor;
import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.transport.HttpRequest;
import java.util.Locale;

/**
 * The gateway call and its baseline measured in turns in one JVM, to check the JMH ratios against fork-to-fork
 * bias: JMH runs each benchmark method in forks of its own, and on this 2-CPU machine two forks of the same code can
 * differ by 15-20%. Here every path runs 2,000 calls per turn, the turns alternate, and the first four rounds are
 * warm-up. Not a JMH benchmark: a plain {@code main}, so its figures carry no error bars; run it a few times.
 *
 * <pre>java -Xms256m -Xmx256m -cp benchmarks/target/benchmarks.jar \
 *     io.github.walletdevice.benchmarks.InterleavedGateway okhttp</pre>
 */
public final class InterleavedGateway {
    private static final int CALLS_PER_TURN = 2_000;
    private static final int WARM_UP_ROUNDS = 4;
    private static final int MEASURED_ROUNDS = 8;

    private InterleavedGateway() {
    }

    /**
     * Prints microseconds per call for the SDK's gateway call, {@code CallExecutor} and the transport with the
     * hand-written request, and the hand-written client, then each path's ratio to the hand-written one.
     *
     * @param args the transport, {@code okhttp} (default) or {@code jdk}
     */
    public static void main(String[] args) {
        GatewayLoopback s = new GatewayLoopback();
        s.transport = args.length > 0 ? args[0] : "okhttp";
        s.start();
        try (CallExecutor executor = CallExecutor.builder("interleaved").transport(s.sdkTransport).build()) {
            HttpRequest prebuilt = HttpRequest.builder().method("POST")
                    .uri(s.server.baseUri().resolve(GatewayFixtures.PATH))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("x-actor-id", GatewayFixtures.ACTOR_ID)
                    .body(HandWrittenGateway.write(GatewayFixtures.handWrittenRequest())).build();
            CallExecutor.Call call = CallExecutor.Call.of("getCardCommands", CallKind.STATE_CHANGING, prebuilt, null);
            Runnable[] paths = {
                () -> s.sdk.getCardCommands(GatewayFixtures.sdkRequest()),
                () -> executor.execute(call),
                () -> s.sdkTransport.execute(prebuilt),
                () -> s.handWritten.getCardCommands(GatewayFixtures.handWrittenRequest()),
            };
            String[] names = {"sdk getCardCommands", "CallExecutor", "transport execute", "hand-written"};
            long[] nanos = new long[paths.length];
            for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                for (int p = 0; p < paths.length; p++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < CALLS_PER_TURN; i++) {
                        paths[p].run();
                    }
                    if (round >= WARM_UP_ROUNDS) {
                        nanos[p] += System.nanoTime() - start;
                    }
                }
            }
            double baseline = nanos[paths.length - 1];
            System.out.println("transport=" + s.transport);
            for (int p = 0; p < paths.length; p++) {
                double micros = nanos[p] / 1_000.0 / ((double) MEASURED_ROUNDS * CALLS_PER_TURN);
                System.out.printf(Locale.ROOT, "%-20s %8.1f us/call  ratio %.2f%n", names[p], micros,
                        nanos[p] / baseline);
            }
        } finally {
            s.stop();
        }
    }
}
