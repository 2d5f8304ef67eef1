package io.github.walletdevice.benchmarks;

import io.github.walletdevice.thredd.ThreddClient;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import okhttp3.OkHttpClient;

/**
 * One Thredd client built and its first list made, in this fresh JVM: prints the milliseconds that took, the CPU
 * time the whole process spent meanwhile (every thread: the JIT compiler's, the server's; steadier than the time
 * when other work shares the machine) and the classes it loaded, for the path named by the argument ({@code sdk} or {@code hand-written}). Both build their HTTP
 * client in the measured span (the SDK its default transport, OkHttp here). A warm loopback server answers; it has
 * answered one request already (from a raw socket, so that no client code is warmed). {@code cold-start.sh} runs it
 * in fresh JVMs, the two paths taking turns, and prints the ratio; with {@code -Xlog:class+load} or JFR it is the
 * profile of what a first call loads.
 *
 * <pre>java -Xms256m -Xmx256m -cp benchmarks/target/benchmarks.jar io.github.walletdevice.benchmarks.ColdStart sdk</pre>
 */
public final class ColdStart {
    private ColdStart() {
    }

    /**
     * Runs one path once.
     *
     * @param args {@code sdk} or {@code hand-written}
     * @throws Exception if closing the client fails
     */
    public static void main(String[] args) throws Exception {
        String path = args.length == 1 ? args[0] : "";
        if (!path.equals("sdk") && !path.equals("hand-written")) {
            throw new IllegalArgumentException("usage: ColdStart sdk|hand-written");
        }
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (LoopbackServer server = ThreddFirstCallBenchmark.startWarmServer()) {
            String url = server.baseUri().resolve(ThreddFixtures.PATH).toString();
            long loadedBefore = classes.getTotalLoadedClassCount();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            AutoCloseable client;
            int devices;
            if (path.equals("sdk")) {
                ThreddClient sdk = ThreddFirstCallBenchmark.sdkClient(url);
                client = sdk;
                devices = sdk.tokenDevices().list(ThreddFixtures.token()).devices().size();
            } else {
                HandWrittenThredd handWritten = new HandWrittenThredd(new OkHttpClient(), url);
                client = handWritten;
                devices = handWritten.list().devices().size();
            }
            long nanos = System.nanoTime() - start;
            long cpuNanos = os.getProcessCpuTime() - cpuBefore;
            client.close();
            if (devices != ThreddFixtures.DEVICES) {
                throw new IllegalStateException("unexpected answer: " + devices + " devices");
            }
            System.out.printf(Locale.ROOT, "%s %.1f ms %.1f cpu-ms %d classes%n", path, nanos / 1e6, cpuNanos / 1e6,
                    classes.getTotalLoadedClassCount() - loadedBefore);
        }
    }
}
