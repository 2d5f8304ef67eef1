package io.github.walletdevice.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time and context switches of this process's threads, per group of threads, from Linux's
 * {@code /proc/self/task}: where a side's CPU per call goes without a profiler's sampling in the way. A thread's
 * group is its name with digits left out ({@code pool-1-thread-7} → {@code pool-#-thread-#}); the kernel keeps the
 * first 15 characters of a name. The time on a CPU ({@code schedstat}, nanoseconds) is split into user and kernel
 * time by {@code stat}'s tick counts (1/100 s each: exact enough over turns of seconds, not for one call). On a
 * system without {@code /proc} the snapshots are empty.
 */
final class ThreadCpu {
    /** Fields per thread: nanoseconds on a CPU, voluntary and involuntary context switches, user and kernel ticks. */
    private static final int FIELDS = 5;
    /** Linux's clock ticks per second for {@code stat}'s times (USER_HZ, 100 on every common build). */
    private static final long TICKS_PER_SECOND = 100;

    /** Per thread id: the {@link #FIELDS} counters. */
    private final Map<String, long[]> byTid = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();

    private ThreadCpu() {
    }

    /** What every thread of this process has used so far. */
    static ThreadCpu now() {
        ThreadCpu s = new ThreadCpu();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    long onCpu = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    long voluntary = 0;
                    long involuntary = 0;
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                    // After the name's closing ')' the fields start at the 3rd (state): utime, the 14th, is
                    // the 12th of those, and stime the 13th.
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long user = Long.parseLong(f[11]);
                    long kernel = Long.parseLong(f[12]);
                    String tid = task.getFileName().toString();
                    s.byTid.put(tid, new long[] {onCpu, voluntary, involuntary, user, kernel});
                    s.groups.put(tid, name.replaceAll("[0-9]+", "#"));
                } catch (IOException | RuntimeException e) {
                    // The thread ended while being read: it counts no more.
                }
            }
        } catch (IOException e) {
            // No /proc: nothing to report.
        }
        return s;
    }

    /** Adds what each group used between {@code before} and this snapshot to {@code totals} (ns, switches, ticks). */
    void addSince(ThreadCpu before, Map<String, long[]> totals) {
        byTid.forEach((tid, now) -> {
            long[] then = before.byTid.getOrDefault(tid, new long[FIELDS]);
            long[] sum = totals.computeIfAbsent(groups.get(tid), g -> new long[FIELDS]);
            for (int i = 0; i < FIELDS; i++) {
                sum[i] += now[i] - then[i];
            }
        });
    }

    /**
     * Prints per group: µs on a CPU, voluntary and involuntary context switches, and the µs in user and in kernel
     * mode, each per call.
     */
    static void print(String label, Map<String, long[]> totals, long calls) {
        System.out.printf(Locale.ROOT, "  %s, per call: µs on CPU / voluntary / involuntary context switches"
                + " / µs user / µs kernel%n", label);
        long[] all = new long[FIELDS];
        new TreeMap<>(totals).forEach((group, t) -> {
            if (t[0] / 1e3 / calls >= 0.05) {
                printRow(group, t, calls);
            }
            for (int i = 0; i < FIELDS; i++) {
                all[i] += t[i];
            }
        });
        printRow("all", all, calls);
    }

    private static void printRow(String group, long[] t, long calls) {
        double microsPerTick = 1e6 / TICKS_PER_SECOND;
        System.out.printf(Locale.ROOT, "    %-18s %7.1f %6.2f %6.2f %7.1f %7.1f%n", group, t[0] / 1e3 / calls,
                (double) t[1] / calls, (double) t[2] / calls, t[3] * microsPerTick / calls,
                t[4] * microsPerTick / calls);
    }
}
