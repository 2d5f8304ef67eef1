package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import com.sun.management.OperatingSystemMXBean;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.transport.okhttp.OkHttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Many threads over TLS: 64 threads (by default) share one client and call a real TLS server, the embedded Jetty of
 * {@link TlsServer}, with the SDK and with a hand-written client configured well for that concurrency (OkHttp: a
 * connection pool and dispatcher of 64; the JDK client pools without a limit). The two take turns of a few seconds
 * with all threads, the order rotating each round, so that whatever else runs on the machine hits both alike. Per
 * path: calls per second, p50 and p99 latency of the measured turns, the process CPU time per call (the server's
 * share included, the same on both sides; steadier than wall time when other work takes the cores), and the TLS
 * handshakes and TCP connections the server saw per 1,000 calls once warm. Per target: the median of the per-round
 * SDK ÷ baseline ratios of throughput and of p99. Not a JMH benchmark (a plain {@code main}): run it a few times.
 *
 * <pre>java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar \
 *     io.github.walletdevice.benchmarks.TlsLoad gateway-okhttp gateway-jdk thredd-okhttp thredd-jdk</pre>
 *
 * Targets {@code gateway-okhttp-plain} and {@code thredd-okhttp-plain} run the SDK's OkHttp transport on a user's
 * client with the JDK's own sockets instead of the transport's channel-backed ones; {@code thredd-okhttp-transport}
 * and {@code thredd-jdk-transport} run that SDK transport with the hand-written client's request and StAX loop,
 * without the Thredd client.
 *
 * <p>Settings: {@code -Dthreads=64}, {@code -Dwarmup=10} (seconds at least; more until a turn of each side opens
 * no connection and the JIT compiler works for less than 1% of it, at most 3 minutes),
 * {@code -Dturn=2} (seconds), {@code -Drounds=6}; {@code -Dthread-cpu=true} adds, per side, each group of threads' CPU
 * time and context switches per call (from {@code /proc}, Linux only); {@code -Dthredd.default-limit=true} leaves the Thredd client at its
 * default limit of calls in flight (Thredd's fair-use limit, fewer than the threads) instead of one per thread.
 */
public final class TlsLoad {
    private static final int THREADS = Integer.getInteger("threads", 64);
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(Integer.getInteger("warmup", 10));
    private static final long TURN_NANOS = TimeUnit.MILLISECONDS.toNanos(
            (long) (Double.parseDouble(System.getProperty("turn", "2")) * 1000));
    private static final int ROUNDS = Integer.getInteger("rounds", 6);
    /** The deadline of a call of the {@code thredd-okhttp-transport} target: the SDK's default call timeout. */
    private static final long TRANSPORT_ONLY_DEADLINE_NANOS = TransportOptions.DEFAULT_CALL_TIMEOUT.toNanos();
    private static final long MAX_WARM_UP_NANOS = TimeUnit.MINUTES.toNanos(3);
    /** A warm-up turn in which the JIT compiled for less than this share of its time counts as settled. */
    private static final double QUIET_COMPILATION_SHARE = 0.01;
    /** {@code -Dthread-cpu=true}: per side, the CPU time and context switches of each group of threads. */
    private static final boolean THREAD_CPU = Boolean.getBoolean("thread-cpu");
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private TlsLoad() {
    }

    /** One side of a target: a call, and what it measured in the measured turns. */
    private static final class Side {
        final String name;
        final Supplier<Object> call;
        final List<long[]> turnLatencies = new ArrayList<>();
        final List<Double> turnRates = new ArrayList<>();
        final AtomicLong failures = new AtomicLong();
        long calls;
        long cpuNanos;
        long handshakes;
        long connections;
        final Map<String, long[]> threads = new HashMap<>();

        Side(String name, Supplier<Object> call) {
            this.name = name;
            this.call = call;
        }
    }

    /**
     * Runs the named targets ({@code gateway-okhttp}, {@code gateway-jdk}, {@code thredd-okhttp}, {@code thredd-jdk};
     * all when none is named) and prints a table.
     *
     * @param args target names
     * @throws Exception if the server or a client cannot start
     */
    public static void main(String[] args) throws Exception {
        List<String> targets = args.length > 0 ? List.of(args)
                : List.of("gateway-okhttp", "gateway-jdk", "thredd-okhttp", "thredd-jdk");
        System.out.printf(Locale.ROOT, "TlsLoad: %d threads, warm-up %d s, %d rounds of %.1f s turns; %s%n", THREADS,
                TimeUnit.NANOSECONDS.toSeconds(WARM_UP_NANOS), ROUNDS, TURN_NANOS / 1e9, loadAverage());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (TlsServer server = TlsServer.start()) {
            System.out.println("| target | path | calls/s | p50 ms | p99 ms | process CPU µs / call"
                    + " | TLS handshakes / 1,000 calls | TCP connections / 1,000 calls | failed |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            List<String> ratios = new ArrayList<>();
            for (String target : targets) {
                ratios.add(run(target, server, pool));
            }
            System.out.println();
            System.out.println("| target | throughput SDK ÷ baseline (median of rounds) | p99 SDK ÷ baseline |");
            System.out.println("|---|---:|---:|");
            ratios.forEach(System.out::println);
        } finally {
            pool.shutdownNow();
        }
        System.out.println("End: " + loadAverage());
    }

    private static String run(String target, TlsServer server, ExecutorService pool) throws Exception {
        String[] parts = target.split("-", 2);
        String api = parts[0];
        SSLContext tls = server.clientContext();
        X509TrustManager trust = server.trustManager();
        // "okhttp-plain": the SDK's OkHttp transport on a user's client whose sockets are the JDK's own, not the
        // transport's channel-backed ones; "okhttp-transport" and "jdk-transport": that transport without the client
        // (Thredd only). The baseline is the same as for "okhttp" or "jdk".
        boolean plainSockets = parts[1].equals("okhttp-plain");
        String transportName = parts[1].split("-")[0];
        HttpTransport transport = plainSockets
                ? new OkHttpTransport(okHttp(tls, trust).newBuilder().socketFactory(new PlainSockets()).build())
                : HttpTransports.create(transportName, TransportOptions.builder().tls(tls, trust).build());
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(transport);
        Side sdk;
        Side baseline;
        if (api.equals("gateway")) {
            DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl(server.baseUri().toString())
                    .actorId(GatewayFixtures.ACTOR_ID).transport(transport).build();
            resources.add(client);
            HandWrittenGateway hand = transportName.equals("okhttp")
                    ? new HandWrittenGateway.OnOkHttp(endpoint(server), okHttp(tls, trust))
                    : new HandWrittenGateway.OnJdk(endpoint(server), jdk(tls));
            resources.add(hand);
            sdk = new Side("sdk", () -> client.getCardCommands(GatewayFixtures.sdkRequest()));
            baseline = new Side("baseline", () -> hand.getCardCommands(GatewayFixtures.handWrittenRequest()));
        } else if (api.equals("thredd")) {
            URI url = server.baseUri().resolve(ThreddFixtures.PATH);
            // As many calls in flight as threads, as the hand-written client has: the client's default is Thredd's
            // fair-use limit (ThreddClient.DEFAULT_MAX_CONCURRENT_REQUESTS), which would queue the rest, and this
            // measures what the client costs, not that limit ("-Dthredd.default-limit=true" measures with it).
            ThreddClient.Builder builder = ThreddClient.builder().endpoint(url)
                    .credentials(ThreddFixtures.USER, ThreddFixtures.PASSWORD).issCode(ThreddFixtures.ISS_CODE)
                    .transport(transport);
            if (!Boolean.getBoolean("thredd.default-limit")) {
                builder.maxConcurrentRequests(THREADS);
            }
            ThreddClient client = builder.build();
            resources.add(client);
            sdk = new Side("sdk", () -> client.tokenDevices().list(ThreddFixtures.token()));
            if (parts[1].endsWith("-transport")) {
                // The SDK's transport alone: the hand-written client's request and StAX loop on it, without the
                // Thredd client (tells the transport's share of a gap from the client's).
                HttpRequest request = HttpRequest.post(url, ThreddFixtures.CONTENT_TYPE,
                        ThreddFixtures.ENVELOPE.getBytes(StandardCharsets.UTF_8));
                sdk = new Side("sdk", () -> HandWrittenThredd.parse(
                        transport.execute(request, System.nanoTime() + TRANSPORT_ONLY_DEADLINE_NANOS).bodyUnsafe()));
            }
            if (transportName.startsWith("okhttp")) {
                HandWrittenThredd hand = new HandWrittenThredd(okHttp(tls, trust), url.toString());
                resources.add(hand);
                baseline = new Side("baseline", hand::list);
            } else {
                HttpClient jdk = jdk(tls);
                baseline = new Side("baseline", () -> threddOnJdk(jdk, url));
            }
        } else {
            throw new IllegalArgumentException("unknown target " + target);
        }
        try {
            List<Side> sides = List.of(sdk, baseline);
            // Warm-up lasts its minimum, then until a turn of each side opened no connection (all are pooled) and
            // compiled for less than 1% of its time: with 64 threads on 2 cores the JIT compiler's threads wait
            // their turn like the callers, a 10 s warm-up left much of each path uncompiled, and the path with more
            // code paid more of it. At most MAX_WARM_UP_NANOS (then the line below says what was still going on).
            long warmStart = System.nanoTime();
            boolean[] quiet = new boolean[2];
            int warmTurns = 0;
            for (; System.nanoTime() - warmStart < WARM_UP_NANOS || !(quiet[0] && quiet[1]); warmTurns++) {
                long compiled = JIT.getTotalCompilationTime();
                long turnStart = System.nanoTime();
                boolean noNewConnection = turn(sides.get(warmTurns % 2), server, pool, false) == 0;
                long turnMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - turnStart);
                quiet[warmTurns % 2] = noNewConnection
                        && JIT.getTotalCompilationTime() - compiled < QUIET_COMPILATION_SHARE * turnMillis;
                if (System.nanoTime() - warmStart > MAX_WARM_UP_NANOS) {
                    System.out.println("  " + target + ": still opening connections or compiling after "
                            + TimeUnit.NANOSECONDS.toSeconds(MAX_WARM_UP_NANOS) + " s of warm-up");
                    break;
                }
            }
            System.out.printf(Locale.ROOT, "  %s: warm-up %d turns, %.0f s%n", target, warmTurns,
                    (System.nanoTime() - warmStart) / 1e9);
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < 2; i++) {
                    turn(sides.get((round + i) % 2), server, pool, true);
                }
            }
            for (Side side : sides) {
                long[] all = side.turnLatencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
                System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %d |%n",
                        target, side.name, median(side.turnRates), percentile(all, 0.50) / 1e6,
                        percentile(all, 0.99) / 1e6, side.cpuNanos / 1e3 / side.calls,
                        1000.0 * side.handshakes / side.calls, 1000.0 * side.connections / side.calls,
                        side.failures.get());
            }
            // Totals, for a profile of the measured turns to be read per call (benchmarks/tls-profile.sh).
            System.out.printf(Locale.ROOT, "  %s: measured calls sdk %d baseline %d%n", target, sdk.calls,
                    baseline.calls);
            if (THREAD_CPU) {
                for (Side side : sides) {
                    ThreadCpu.print(target + " " + side.name, side.threads, side.calls);
                }
            }
            double[] throughput = new double[ROUNDS];
            double[] p99 = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                throughput[r] = sdk.turnRates.get(r) / baseline.turnRates.get(r);
                p99[r] = percentile(sorted(sdk.turnLatencies.get(r)), 0.99)
                        / percentile(sorted(baseline.turnLatencies.get(r)), 0.99);
            }
            return String.format(Locale.ROOT, "| %s | %.3f (%.3f-%.3f) | %.3f (%.3f-%.3f) |", target,
                    median(throughput), min(throughput), max(throughput), median(p99), min(p99), max(p99));
        } finally {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
        }
    }

    /**
     * All threads call one side for one turn; a measured turn adds its figures to the side.
     *
     * @return the TCP connections the server accepted during the turn
     */
    private static long turn(Side side, TlsServer server, ExecutorService pool, boolean measured)
            throws InterruptedException, ExecutionException {
        long handshakes = server.handshakes();
        long connections = server.connections();
        ThreadCpu threadsBefore = THREAD_CPU && measured ? ThreadCpu.now() : null;
        long cpu = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + TURN_NANOS;
        List<Future<long[]>> futures = new ArrayList<>(THREADS);
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> calls(side, end)));
        }
        long[][] perThread = new long[THREADS][];
        int total = 0;
        for (int t = 0; t < THREADS; t++) {
            perThread[t] = futures.get(t).get();
            total += perThread[t].length;
        }
        long elapsed = System.nanoTime() - start;
        long opened = server.connections() - connections;
        if (!measured) {
            return opened;
        }
        long[] latencies = new long[total];
        int at = 0;
        for (long[] l : perThread) {
            System.arraycopy(l, 0, latencies, at, l.length);
            at += l.length;
        }
        side.turnLatencies.add(latencies);
        side.turnRates.add(total / (elapsed / 1e9));
        side.calls += total;
        side.cpuNanos += PROCESS.getProcessCpuTime() - cpu;
        if (threadsBefore != null) {
            ThreadCpu.now().addSince(threadsBefore, side.threads);
        }
        side.handshakes += server.handshakes() - handshakes;
        side.connections += opened;
        return opened;
    }

    private static long[] calls(Side side, long end) {
        long[] latencies = new long[1024];
        int n = 0;
        long now = System.nanoTime();
        while (now < end) {
            try {
                side.call.get();
            } catch (RuntimeException e) {
                if (side.failures.getAndIncrement() == 0) {
                    System.out.println("  " + side.name + ": a call failed (counted): " + e);
                }
            }
            long after = System.nanoTime();
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = after - now;
            now = after;
        }
        return Arrays.copyOf(latencies, n);
    }

    /** The JDK's own sockets, through a factory of our own (the transport keeps a user's factory as it is). */
    private static final class PlainSockets extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new Socket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return new Socket(host, port, local, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return new Socket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return new Socket(host, port, local, localPort);
        }
    }

    /** OkHttp configured for the concurrency: a pool and a dispatcher of {@link #THREADS}. */
    private static OkHttpClient okHttp(SSLContext tls, X509TrustManager trust) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(THREADS);
        dispatcher.setMaxRequestsPerHost(THREADS);
        return new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(), trust)
                .connectionPool(new ConnectionPool(THREADS, 5, TimeUnit.MINUTES)).dispatcher(dispatcher).build();
    }

    private static URI endpoint(TlsServer server) {
        return server.baseUri().resolve(GatewayFixtures.PATH);
    }

    private static HttpClient jdk(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
    }

    private static HandWrittenThredd.Listing threddOnJdk(HttpClient client, URI url) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(url)
                .header("Content-Type", ThreddFixtures.CONTENT_TYPE)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ThreddFixtures.ENVELOPE)).build();
        try {
            java.net.http.HttpResponse<byte[]> response = client.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return HandWrittenThredd.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
