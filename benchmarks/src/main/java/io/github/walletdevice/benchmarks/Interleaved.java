package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.CallExecutor;
import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.transport.HttpRequest;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The target comparisons measured in turns in one JVM, to check the JMH ratios against fork-to-fork bias:
 * JMH runs each benchmark method in a fork of its own, and on a 2-CPU machine two forks of the same code can differ
 * by 15-20%. Here the paths of a target take turns of a fixed number of calls; the order of the turns rotates
 * from round to round (a path that always ran first, right after another client's turn, measured a few percent
 * slower), the first rounds are warm-up, and each measured round gives its own SDK ÷ baseline ratio. Printed: each
 * path's mean time per call and, for every path, the median, lowest and highest of its per-round ratios to the
 * baseline. Not a JMH benchmark (a plain {@code main}, no error bars): run it a few times.
 *
 * <pre>java -Xms256m -Xmx256m -cp benchmarks/target/benchmarks.jar \
 *     io.github.walletdevice.benchmarks.Interleaved gateway-okhttp gateway-jdk thredd loop</pre>
 */
public final class Interleaved {
    private static final int WARM_UP_ROUNDS = 4;
    private static final int MEASURED_ROUNDS = 12;

    private Interleaved() {
    }

    /** One path of a target: a name and one call. */
    private record Path(String name, Runnable call) {
    }

    /** The paths of one target, the baseline last, and the calls per turn (about a third of a second each). */
    private record Target(String name, int callsPerTurn, List<Path> paths, AutoCloseable resources) {
    }

    /**
     * Runs the named targets in order and prints their figures.
     *
     * @param args targets among {@code gateway-okhttp}, {@code gateway-jdk}, {@code thredd}, {@code loop}; all
     *     four when none is given
     * @throws Exception when a target cannot be set up or torn down
     */
    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0 ? List.of("gateway-okhttp", "gateway-jdk", "thredd", "loop")
                : List.of(args);
        for (String name : names) {
            Target target = target(name);
            try (AutoCloseable resources = target.resources()) {
                print(target, measure(target));
            }
        }
    }

    private static Target target(String name) {
        return switch (name) {
            case "gateway-okhttp" -> gateway("okhttp");
            case "gateway-jdk" -> gateway("jdk");
            case "thredd" -> thredd();
            case "loop" -> loop();
            default -> throw new IllegalArgumentException(
                    "unknown target " + name + "; use gateway-okhttp, gateway-jdk, thredd or loop");
        };
    }

    /**
     * The gateway call beside the hand-written client, and two diagnostic paths: the same JSON prebuilt through
     * {@code CallExecutor}, and through the transport alone.
     */
    private static Target gateway(String transport) {
        GatewayLoopback s = new GatewayLoopback();
        s.transport = transport;
        s.start();
        CallExecutor executor = CallExecutor.builder("interleaved").transport(s.sdkTransport).build();
        HttpRequest prebuilt = HttpRequest.builder().method("POST")
                .uri(s.server.baseUri().resolve(GatewayFixtures.PATH))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("x-actor-id", GatewayFixtures.ACTOR_ID)
                .body(HandWrittenGateway.write(GatewayFixtures.handWrittenRequest())).build();
        CallExecutor.Call call = CallExecutor.Call.of("getCardCommands", CallKind.STATE_CHANGING, prebuilt, null);
        List<Path> paths = List.of(
                new Path("sdk getCardCommands", () -> s.sdk.getCardCommands(GatewayFixtures.sdkRequest())),
                new Path("CallExecutor", () -> executor.execute(call)),
                new Path("transport execute", () -> s.sdkTransport.execute(prebuilt)),
                new Path("hand-written", () -> s.handWritten.getCardCommands(GatewayFixtures.handWrittenRequest())));
        return new Target("gateway-" + transport, 2_000, paths, () -> {
            executor.close();
            s.stop();
        });
    }

    private static Target thredd() {
        ThreddLoopback s = new ThreddLoopback();
        s.start();
        List<Path> paths = List.of(
                new Path("sdk list", () -> s.sdk.tokenDevices().list(ThreddFixtures.token())),
                new Path("hand-written", s.handWritten::list));
        return new Target("thredd", 1_000, paths, s::stop);
    }

    private static Target loop() {
        CommandLoopLoopback s = new CommandLoopLoopback();
        s.start();
        List<Path> paths = List.of(
                new Path("sdk session", s::sdk),
                new Path("3 raw POSTs", s::baseline));
        return new Target("loop", 500, paths, s::stop);
    }

    /**
     * Per measured round and path (in the target's path order): wall-clock nanoseconds, CPU nanoseconds of the
     * calling thread, and CPU nanoseconds of the whole process (the server's threads and the HTTP clients' own
     * included). The CPU figures tell the client's own work, cold caches and all, from time spent waiting.
     */
    private record Turns(long[][] wall, long[][] threadCpu, long[][] processCpu) {
    }

    private static Turns measure(Target target) {
        List<Path> paths = target.paths();
        int n = paths.size();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Turns turns = new Turns(new long[MEASURED_ROUNDS][n], new long[MEASURED_ROUNDS][n],
                new long[MEASURED_ROUNDS][n]);
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            for (int turn = 0; turn < n; turn++) {
                int p = (turn + round) % n;
                Runnable call = paths.get(p).call();
                long process = os.getProcessCpuTime();
                long thread = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                for (int i = 0; i < target.callsPerTurn(); i++) {
                    call.run();
                }
                long elapsed = System.nanoTime() - start;
                if (round >= WARM_UP_ROUNDS) {
                    int r = round - WARM_UP_ROUNDS;
                    turns.wall()[r][p] = elapsed;
                    turns.threadCpu()[r][p] = threads.getCurrentThreadCpuTime() - thread;
                    turns.processCpu()[r][p] = os.getProcessCpuTime() - process;
                }
            }
        }
        return turns;
    }

    private static void print(Target target, Turns turns) {
        List<Path> paths = target.paths();
        long[][] perRound = turns.wall();
        int baseline = paths.size() - 1;
        System.out.printf(Locale.ROOT, "%s: %d measured rounds of %d calls per path, order rotated%n",
                target.name(), MEASURED_ROUNDS, target.callsPerTurn());
        for (int p = 0; p < paths.size(); p++) {
            long total = 0;
            List<Double> ratios = new ArrayList<>();
            for (long[] round : perRound) {
                total += round[p];
                ratios.add((double) round[p] / round[baseline]);
            }
            double calls = (double) MEASURED_ROUNDS * target.callsPerTurn();
            double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-20s %7.1f us/call  ratio median %.3f (lowest %.3f, highest %.3f)"
                    + "  CPU us/call: caller %6.1f, process %6.1f%n",
                    paths.get(p).name(), total / 1_000.0 / calls, median(sorted), sorted[0],
                    sorted[sorted.length - 1], sum(turns.threadCpu(), p) / 1_000.0 / calls,
                    sum(turns.processCpu(), p) / 1_000.0 / calls);
        }
    }

    private static long sum(long[][] perRound, int path) {
        long total = 0;
        for (long[] round : perRound) {
            total += round[path];
        }
        return total;
    }

    private static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
