package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.CallKind;
import io.github.walletdevice.core.internal.Call;
import io.github.walletdevice.core.internal.CallPipeline;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.transport.TransportOptions;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The target comparisons measured in turns in one JVM, to check the JMH ratios against fork-to-fork bias: JMH
 * runs each benchmark method in a fork of its own, and on a 2-CPU machine two forks of the same code can differ by
 * 15-20%. Here the paths of a target take turns of a fixed number of calls; the order of the turns rotates from round
 * to round (a path that always ran first, right after another client's turn, measured a few percent slower), warm-up
 * lasts until the JIT compiler has settled (on 2 CPUs its threads otherwise take a core from the path with more code to
 * compile), and each measured round gives its own SDK ÷ baseline ratio. Printed: each path's mean time per call and,
 * for every path, the median and quartiles of its per-round ratios to the baseline, with the CPU time per call of the
 * calling thread and of the whole process; with {@code -Dthreads=true}, also the CPU time per call of each group of
 * threads (the server's, the HTTP clients', the JVM's own). Not a JMH benchmark (a plain {@code main}, no error bars):
 * run it a few times.
 *
 * <pre>java -Xms256m -Xmx256m -cp benchmarks/target/benchmarks.jar \
 *     io.github.walletdevice.benchmarks.Interleaved gateway-okhttp gateway-jdk thredd loop</pre>
 */
public final class Interleaved {
    /** The deadline of a call made on the transport alone, as the clients' default (60 s). */
    private static final long DEADLINE_NANOS = TransportOptions.DEFAULT_CALL_TIMEOUT.toNanos();
    /** Warm-up ends once two rounds in a row compile for less than this share of their time... */
    private static final double QUIET_COMPILATION_SHARE = 0.01;
    /** ...but lasts at least this long, and at most that long (then the figures say so). */
    private static final long MIN_WARM_UP_NANOS = 10_000_000_000L;
    private static final long MAX_WARM_UP_NANOS = 60_000_000_000L;
    private static final int MEASURED_ROUNDS = 150;
    /** {@code -Dthreads=true}: also CPU per call by thread group (costs a thread dump per turn). */
    private static final boolean BY_THREAD = Boolean.getBoolean("threads");

    private Interleaved() {
    }

    /**
     * One path of a target: a name and one call, and how many calls failed. On loopback the JDK client now and then
     * takes from its pool a keep-alive connection the JDK server is closing, and fails the POST at once ("header
     * parser received no bytes", about 1 in 100,000 calls from 16 threads, with or without the SDK); a failed call
     * is counted and the run goes on.
     */
    private record Path(String name, Runnable call, AtomicLong failures) {
        Path(String name, Runnable call) {
            this(name, call, new AtomicLong());
        }

        void run() {
            try {
                call.run();
            } catch (RuntimeException e) {
                if (failures.getAndIncrement() == 0) {
                    System.out.println("  " + name + ": a call failed (counted, the run goes on): " + e);
                }
            }
        }
    }

    /** The paths of one target, the baseline last, and the calls per turn (about a third of a second each). */
    private record Target(String name, int callsPerTurn, List<Path> paths, AutoCloseable resources, int threads) {
        Target(String name, int callsPerTurn, List<Path> paths, AutoCloseable resources) {
            this(name, callsPerTurn, paths, resources, 1);
        }
    }

    /** Threads of the throughput targets, as in {@code GatewayThroughputBenchmark}. */
    private static final int THREADS = 16;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "interleaved-caller");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs the named targets in order and prints their figures.
     *
     * @param args targets among {@code gateway-okhttp}, {@code gateway-jdk}, {@code gateway-okhttp-16},
     *     {@code gateway-jdk-16} (16 threads), {@code thredd}, {@code loop}; all six when none is given
     * @throws Exception when a target cannot be set up or torn down
     */
    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0
                ? List.of("gateway-okhttp", "gateway-jdk", "gateway-okhttp-16", "gateway-jdk-16", "thredd", "loop")
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
            case "gateway-okhttp-16" -> throughput(gateway("okhttp"));
            case "gateway-jdk-16" -> throughput(gateway("jdk"));
            case "thredd" -> thredd();
            case "loop" -> loop();
            default -> throw new IllegalArgumentException(
                    "unknown target " + name + "; use gateway-okhttp, gateway-jdk, gateway-okhttp-16, gateway-jdk-16,"
                            + " thredd or loop");
        };
    }

    /**
     * The gateway call beside the hand-written client, and two diagnostic paths: the same JSON prebuilt through
     * {@code CallPipeline}, and through the transport alone.
     */
    private static Target gateway(String transport) {
        GatewayLoopback s = new GatewayLoopback();
        s.transport = transport;
        s.start();
        CallPipeline pipeline = CallPipeline.builder("interleaved").transport(s.sdkTransport).build();
        HttpRequest prebuilt = HttpRequest.builder().method("POST")
                .uri(s.server.baseUri().resolve(GatewayFixtures.PATH))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("x-actor-id", GatewayFixtures.ACTOR_ID)
                .body(HandWrittenGateway.write(GatewayFixtures.handWrittenRequest())).build();
        Call call = Call.of("getCardCommands", CallKind.STATE_CHANGING, prebuilt, null);
        List<Path> paths = List.of(
                new Path("sdk getCardCommands", () -> s.sdk.getCardCommands(GatewayFixtures.sdkRequest())),
                new Path("CallPipeline", () -> pipeline.execute(call)),
                new Path("transport execute", () -> s.sdkTransport.execute(prebuilt, System.nanoTime() + DEADLINE_NANOS)),
                new Path("hand-written", () -> s.handWritten.getCardCommands(GatewayFixtures.handWrittenRequest())));
        return new Target("gateway-" + transport, 300, paths, () -> {
            pipeline.close();
            s.stop();
        });
    }

    /**
     * The same paths called from {@value #THREADS} threads at once, sharing the clients: each turn is as many calls
     * again, spread over the threads; its time is the wall-clock time until the last one ends. The SDK's path and
     * the hand-written one only (CPU figures are the calling thread's, so say nothing here).
     */
    private static Target throughput(Target oneThread) {
        List<Path> paths = List.of(oneThread.paths().get(0), oneThread.paths().get(oneThread.paths().size() - 1));
        return new Target(oneThread.name() + "-" + THREADS, oneThread.callsPerTurn() * 4, paths,
                oneThread.resources(), THREADS);
    }

    private static Target thredd() {
        ThreddLoopback s = new ThreddLoopback();
        s.start();
        List<Path> paths = List.of(
                new Path("sdk list", () -> s.sdk.tokenDevices().list(ThreddFixtures.token())),
                new Path("hand-written", s.handWritten::list));
        return new Target("thredd", 200, paths, s::stop);
    }

    private static Target loop() {
        CommandLoopLoopback s = new CommandLoopLoopback();
        s.start();
        List<Path> paths = List.of(
                new Path("sdk session", s::sdk),
                new Path("3 raw POSTs", s::baseline));
        return new Target("loop", 100, paths, s::stop);
    }

    /**
     * Per measured round and path (in the target's path order): wall-clock nanoseconds, CPU nanoseconds of the
     * calling thread, and CPU nanoseconds of the whole process (the server's threads and the HTTP clients' own
     * included). The CPU figures tell the client's own work, cold caches and all, from time spent waiting.
     */
    private record Turns(long[][] wall, long[][] threadCpu, long[][] processCpu, List<Map<String, Long>> byThread,
            int warmUpRounds, long warmUpMillis, long measuredCompilationMillis) {
    }

    /** CPU nanoseconds of every live Java thread by thread id, and of the whole process under id -1. */
    private static Map<Long, Long> cpuByThread(ThreadMXBean threads, OperatingSystemMXBean os) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                cpu.put(id, t);
            }
        }
        cpu.put(-1L, os.getProcessCpuTime());
        return cpu;
    }

    /**
     * The CPU each thread used between two snapshots, summed by the thread's name at the end with digits dropped
     * ("loopback-server-N"; OkHttp's task threads rename themselves after the task they run), and what the JVM
     * used outside Java threads (garbage collection, compilation) as "(not a Java thread)".
     */
    private static Map<String, Long> byGroup(ThreadMXBean threads, Map<Long, Long> before, Map<Long, Long> after) {
        Map<String, Long> groups = new TreeMap<>();
        long javaThreads = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            if (e.getKey() < 0) {
                continue;
            }
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            ThreadInfo info = threads.getThreadInfo(e.getKey());
            if (used > 0 && info != null) {
                groups.merge(info.getThreadName().replaceAll("\\d+", "N"), used, Long::sum);
                javaThreads += used;
            }
        }
        groups.put("(not a Java thread)", after.get(-1L) - before.get(-1L) - javaThreads);
        return groups;
    }

    /**
     * Runs rounds until the JIT compiler has settled: a round in which it compiles for more than a percent of the
     * round's time still measures compilation (on 2 CPUs the compiler threads take a core from the calls), and the
     * path with more code to compile pays more of it.
     *
     * @return the warm-up rounds run
     */
    private static int warmUp(Target target, CompilationMXBean jit) {
        int quietInARow = 0;
        int round = 0;
        long warmUpStart = System.nanoTime();
        while (!warmedUp(System.nanoTime() - warmUpStart, quietInARow)) {
            long compiled = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            runRound(target, round, (p, turn) -> turn.run());
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            quietInARow = jit.getTotalCompilationTime() - compiled < QUIET_COMPILATION_SHARE * wallMillis
                    ? quietInARow + 1 : 0;
            round++;
        }
        return round;
    }

    private static boolean warmedUp(long elapsedNanos, int quietRoundsInARow) {
        return elapsedNanos >= MAX_WARM_UP_NANOS || elapsedNanos >= MIN_WARM_UP_NANOS && quietRoundsInARow >= 2;
    }

    /** What one turn measured, handed to the caller. */
    private interface TurnSink {
        void accept(int path, Runnable turn);
    }

    /** One round: every path takes its turn, starting from the path the round number points at. */
    private static void runRound(Target target, int round, TurnSink sink) {
        List<Path> paths = target.paths();
        for (int turn = 0; turn < paths.size(); turn++) {
            int p = (turn + round) % paths.size();
            Path path = paths.get(p);
            Runnable call = path::run;
            if (target.threads() == 1) {
                sink.accept(p, () -> {
                    for (int i = 0; i < target.callsPerTurn(); i++) {
                        call.run();
                    }
                });
            } else {
                sink.accept(p, () -> inParallel(target.threads(), target.callsPerTurn() / target.threads(), call));
            }
        }
    }

    private static void inParallel(int threads, int callsEach, Runnable call) {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (int i = 0; i < callsEach; i++) {
                    call.run();
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : POOL.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a call failed", e.getCause());
        }
    }

    private static Turns measure(Target target) {
        int n = target.paths().size();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long warmUpStart = System.nanoTime();
        int warmUpRounds = warmUp(target, jit);
        long warmUpMillis = (System.nanoTime() - warmUpStart) / 1_000_000;
        long[][] wall = new long[MEASURED_ROUNDS][n];
        long[][] threadCpu = new long[MEASURED_ROUNDS][n];
        long[][] processCpu = new long[MEASURED_ROUNDS][n];
        List<Map<String, Long>> byThread = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            byThread.add(new TreeMap<>());
        }
        long compiledBefore = jit.getTotalCompilationTime();
        for (int r = 0; r < MEASURED_ROUNDS; r++) {
            int round = r;
            runRound(target, warmUpRounds + r, (p, turn) -> {
                Map<Long, Long> threadsBefore = BY_THREAD ? cpuByThread(threads, os) : null;
                long process = os.getProcessCpuTime();
                long thread = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                turn.run();
                wall[round][p] = System.nanoTime() - start;
                threadCpu[round][p] = threads.getCurrentThreadCpuTime() - thread;
                processCpu[round][p] = os.getProcessCpuTime() - process;
                if (threadsBefore != null) {
                    byGroup(threads, threadsBefore, cpuByThread(threads, os))
                            .forEach((k, v) -> byThread.get(p).merge(k, v, Long::sum));
                }
            });
        }
        return new Turns(wall, threadCpu, processCpu, byThread, warmUpRounds, warmUpMillis,
                jit.getTotalCompilationTime() - compiledBefore);
    }

    private static void print(Target target, Turns turns) {
        List<Path> paths = target.paths();
        long[][] perRound = turns.wall();
        int baseline = paths.size() - 1;
        System.out.printf(Locale.ROOT, "%s: %d measured rounds of %d calls per path, order rotated, after %d warm-up"
                + " rounds (%.1f s%s); JIT compilation while measuring: %d ms%n", target.name(), MEASURED_ROUNDS,
                target.callsPerTurn(), turns.warmUpRounds(), turns.warmUpMillis() / 1000.0,
                turns.warmUpMillis() >= MAX_WARM_UP_NANOS / 1_000_000 ? ", the most allowed: the JIT had not settled"
                        : "",
                turns.measuredCompilationMillis());
        for (int p = 0; p < paths.size(); p++) {
            long total = 0;
            List<Double> ratios = new ArrayList<>();
            for (long[] round : perRound) {
                total += round[p];
                ratios.add((double) round[p] / round[baseline]);
            }
            double calls = (double) MEASURED_ROUNDS * target.callsPerTurn();
            double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-20s %7.1f us/call  ratio median %.3f (quartiles %.3f-%.3f)"
                    + "  CPU us/call: caller %6.1f, process %6.1f%n",
                    paths.get(p).name(), total / 1_000.0 / calls, quantile(sorted, 0.5), quantile(sorted, 0.25),
                    quantile(sorted, 0.75), sum(turns.threadCpu(), p) / 1_000.0 / calls,
                    sum(turns.processCpu(), p) / 1_000.0 / calls);
            if (paths.get(p).failures().get() > 0) {
                System.out.printf(Locale.ROOT, "      %d calls failed%n", paths.get(p).failures().get());
            }
            turns.byThread().get(p).forEach((group, nanos) -> {
                if (nanos / calls >= 500) {
                    System.out.printf(Locale.ROOT, "      %-40s CPU %7.1f us/call%n", group, nanos / 1_000.0 / calls);
                }
            });
        }
    }

    private static long sum(long[][] perRound, int path) {
        long total = 0;
        for (long[] round : perRound) {
            total += round[path];
        }
        return total;
    }

    /** The q-quantile of sorted values, interpolating between the two nearest. */
    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
