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
 * first 15 characters of a name. On a system without {@code /proc} the snapshots are empty.
 */
final class ThreadCpu {
    /** Per thread id: group, nanoseconds on a CPU, voluntary and involuntary context switches. */
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
                    String tid = task.getFileName().toString();
                    s.byTid.put(tid, new long[] {onCpu, voluntary, involuntary});
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

    /** Adds what each group used between {@code before} and this snapshot to {@code totals} (ns, switches). */
    void addSince(ThreadCpu before, Map<String, long[]> totals) {
        byTid.forEach((tid, now) -> {
            long[] then = before.byTid.getOrDefault(tid, new long[3]);
            long[] sum = totals.computeIfAbsent(groups.get(tid), g -> new long[3]);
            for (int i = 0; i < 3; i++) {
                sum[i] += now[i] - then[i];
            }
        });
    }

    /** Prints per group: µs on a CPU, voluntary and involuntary context switches, each per call. */
    static void print(String label, Map<String, long[]> totals, long calls) {
        System.out.printf(Locale.ROOT, "  %s, per call: µs on CPU / voluntary / involuntary context switches%n", label);
        long[] all = new long[3];
        new TreeMap<>(totals).forEach((group, t) -> {
            if (t[0] / 1e3 / calls >= 0.05) {
                System.out.printf(Locale.ROOT, "    %-18s %7.1f %6.2f %6.2f%n", group, t[0] / 1e3 / calls,
                        (double) t[1] / calls, (double) t[2] / calls);
            }
            for (int i = 0; i < 3; i++) {
                all[i] += t[i];
            }
        });
        System.out.printf(Locale.ROOT, "    %-18s %7.1f %6.2f %6.2f%n", "all", all[0] / 1e3 / calls,
                (double) all[1] / calls, (double) all[2] / calls);
    }
}
