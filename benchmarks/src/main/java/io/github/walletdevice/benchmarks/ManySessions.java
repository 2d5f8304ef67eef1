package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import io.github.walletdevice.gateway.CommandSession;
import io.github.walletdevice.gateway.DeviceCommandExecutor;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.SessionOutcome;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Many command sessions at once: N 3-round top-ups, each on a virtual card of its own, through one client against
 * the stateless {@link TopUpTes} on loopback, on virtual threads (one per session; needs JDK 21+, reached by
 * reflection since this module compiles for 17) or on a fixed pool of platform threads. For each N it runs two passes:
 * <ol>
 *   <li>a held pass: every session stops at its first device round (it has sent one request and holds the TES's
 *   answer) until as many as can be in flight at once have arrived (all N on virtual threads, the pool's size on
 *   platform threads); the heap then in use (after a GC) minus the heap before, with the cards already made, divided
 *   by that number, is the heap per session in flight (on virtual threads their stacks are on the heap and counted;
 *   a platform thread's stack is not);
 *   <li>a timed pass: all N sessions submitted at once, the time until the last ends gives sessions per second.
 * </ol>
 * Both passes check that every session completed in 3 rounds with the TES's balance and that every card's purse
 * holds it. JFR records {@code jdk.VirtualThreadPinned} with no threshold over both passes; the count is printed.
 *
 * <p>Connections: the client's transport admits {@code maxConcurrentRequests} calls at once (64 by default, one
 * pooled connection each), so however many sessions are in flight, at most that many connections and ephemeral
 * ports are used; sessions past it wait for a slot inside their deadline. The loopback server handles requests on 32
 * threads.
 *
 * <pre>/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xms1g -Xmx1g -Dthreads=virtual -Dtransport=okhttp \
 *     -cp benchmarks/target/benchmarks.jar io.github.walletdevice.benchmarks.ManySessions 100 1000 10000</pre>
 *
 * Settings: {@code -Dthreads=virtual|platform}, {@code -Dpool=200} (platform threads), {@code -Dtransport=okhttp|jdk}.
 */
public final class ManySessions {
    private static final String THREADS = System.getProperty("threads", "virtual");
    private static final int POOL = Integer.getInteger("pool", 200);
    private static final String TRANSPORT = System.getProperty("transport", "okhttp");
    private static final long WAIT_MINUTES = 5;

    private ManySessions() {
    }

    /** The figures of one N. */
    private record Figures(int sessions, int heldAtOnce, double heapPerSession, double seconds, long pinned) {
    }

    /**
     * Runs a warm-up of 1,000 sessions, then each N given (default 100, 1,000, 10,000) and prints a Markdown row per N.
     *
     * @param args the numbers of sessions
     * @throws Exception when a session fails or the run does not finish in time
     */
    public static void main(String[] args) throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (String a : args) {
            counts.add(Integer.parseInt(a));
        }
        if (counts.isEmpty()) {
            counts = List.of(100, 1_000, 10_000);
        }
        System.out.printf(Locale.ROOT, "ManySessions on %s %s threads%s, %s transport; %s%n",
                Runtime.version(), THREADS, THREADS.equals("platform") ? " (pool of " + POOL + ")" : "", TRANSPORT,
                TlsLoad.loadAverage());
        try (LoopbackServer server = LoopbackServer.start("application/json", TopUpTes::answer);
             HttpTransport transport = HttpTransports.create(TRANSPORT, TransportOptions.defaults());
             DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl(server.baseUri().toString())
                     .actorId(GatewayFixtures.ACTOR_ID).transport(transport).build()) {
            Figures warm = run(client, 1_000);
            System.out.printf(Locale.ROOT, "Warm-up, 1,000 sessions: %,.0f sessions/s, %d pinned events%n",
                    warm.sessions() / warm.seconds(), warm.pinned());
            System.out.println("| threads | transport | sessions | in flight at once (held) | heap per session in"
                    + " flight, KiB | sessions/s | pinned events |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|");
            for (int n : counts) {
                Figures f = run(client, n);
                System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %.1f | %,.0f | %d |%n", THREADS, TRANSPORT,
                        f.sessions(), f.heldAtOnce(), f.heapPerSession() / 1024, n / f.seconds(), f.pinned());
            }
        }
        System.out.println("End: " + TlsLoad.loadAverage());
    }

    private static Figures run(DeviceGatewayClient client, int n) throws Exception {
        Path jfr = Files.createTempFile("sessions", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            int held = THREADS.equals("virtual") ? n : Math.min(n, POOL);
            double heap = heldPass(client, n, held);
            double seconds = timedPass(client, n);
            recording.stop();
            recording.dump(jfr);
            return new Figures(n, held, heap, seconds, pinned(jfr));
        } finally {
            Files.deleteIfExists(jfr);
        }
    }

    private static double heldPass(DeviceGatewayClient client, int n, int held) throws Exception {
        List<VirtualCardExecutor> cards = cards(n);
        CountDownLatch arrived = new CountDownLatch(held);
        CountDownLatch release = new CountDownLatch(1);
        long before = heapAfterGc();
        List<Future<SessionResult>> results = new ArrayList<>(n);
        ExecutorService threads = threads();
        try {
            for (VirtualCardExecutor card : cards) {
                AtomicBoolean first = new AtomicBoolean(true);
                DeviceCommandExecutor device = commands -> {
                    if (first.getAndSet(false)) {
                        arrived.countDown();
                        await(release);
                    }
                    return card.execute(commands);
                };
                CommandSession session = client.session(device).build();
                results.add(threads.submit(() -> session.run(GatewayFixtures.sdkRequest())));
            }
            if (!arrived.await(WAIT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("only " + (held - arrived.getCount()) + " of " + held
                        + " sessions reached their first device round");
            }
            long during = heapAfterGc();
            release.countDown();
            check(results, cards);
            return (double) (during - before) / held;
        } finally {
            threads.shutdownNow();
        }
    }

    private static double timedPass(DeviceGatewayClient client, int n) throws Exception {
        List<VirtualCardExecutor> cards = cards(n);
        List<Future<SessionResult>> results = new ArrayList<>(n);
        ExecutorService threads = threads();
        long start = System.nanoTime();
        try {
            for (VirtualCardExecutor card : cards) {
                CommandSession session = client.session(card).build();
                results.add(threads.submit(() -> session.run(GatewayFixtures.sdkRequest())));
            }
            check(results, cards);
            return (System.nanoTime() - start) / 1e9;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Every session completed in 3 rounds with the TES's balance, and every card's purse holds it. */
    private static void check(List<Future<SessionResult>> results, List<VirtualCardExecutor> cards) throws Exception {
        for (int i = 0; i < results.size(); i++) {
            SessionResult r = results.get(i).get(WAIT_MINUTES, TimeUnit.MINUTES);
            long purse = PurseBlock.parse(cards.get(i).card().readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE,
                    0)).balance();
            if (r.outcome() != SessionOutcome.COMPLETED || r.rounds() != 3 || r.balance() != TopUpTes.BALANCE
                    || purse != TopUpTes.BALANCE) {
                throw new IllegalStateException("session " + i + " ended " + r + " with a purse of " + purse);
            }
        }
    }

    private static List<VirtualCardExecutor> cards(int n) {
        List<VirtualCardExecutor> cards = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cards.add(new VirtualCardExecutor(VirtualFelicaCard.of(CardImages.transitSample())));
        }
        return cards;
    }

    /** A virtual thread per task (JDK 21+, by reflection), or the fixed platform pool. */
    private static ExecutorService threads() throws ReflectiveOperationException {
        if (THREADS.equals("platform")) {
            return Executors.newFixedThreadPool(POOL);
        }
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long pinned(Path jfr) throws IOException {
        long count = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals("jdk.VirtualThreadPinned")) {
                count++;
                if (count <= 3) {
                    System.out.println("  pinned: " + e);
                }
            }
        }
        return count;
    }
}
