#!/usr/bin/env python3
"""Start-up, interleaved: GatewayFirstCallBenchmark's sdk and baseline one fresh JVM (one JMH fork) at a time, in
turns (the order alternating each round) so that whatever else runs on the machine hits both alike; then
`walletdevice demo` as a whole process, beside `java -version` (the JVM's own start) and the same jar's `--help`,
each with its wall-clock and CPU time.

Prints a Markdown table per part: the median of the SDK / baseline ratios of each round, their quartiles, and the
median times. Usage (from the repository root, the jars built):

    python3 benchmarks/first_call.py [--rounds 10] [--transports okhttp,jdk] [--demo-runs 10] [--java java]
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time

BENCH = "io.github.walletdevice.benchmarks.GatewayFirstCallBenchmark"


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def one_fork(java, jar, method, transport):
    """One JMH fork of one method: the build-and-first-call time in ms."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    try:
        subprocess.run([java, "-jar", jar, f"{BENCH}.{method}$", "-p", f"transport={transport}", "-f", "1",
                        "-rf", "json", "-rff", path], check=True, stdout=subprocess.DEVNULL)
        with open(path) as f:
            return json.load(f)[0]["primaryMetric"]["score"]
    finally:
        os.unlink(path)


def timed(cmd):
    """Wall-clock and CPU (user + system) milliseconds of one process; CPU time hardly moves with the machine's load."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def quartiles(values):
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--transports", default="okhttp,jdk")
    p.add_argument("--demo-runs", type=int, default=10)
    p.add_argument("--java", default="java")
    p.add_argument("--jar", default="benchmarks/target/benchmarks.jar")
    p.add_argument("--cli", default="examples/target/walletdevice.jar")
    a = p.parse_args()

    print(f"Start: load average {load()}")
    if a.rounds:
        print("\n| transport | rounds | SDK ms (median) | baseline ms (median) | SDK / baseline, median of rounds"
              " | quartiles |")
        print("|---|---:|---:|---:|---:|---|")
    for transport in a.transports.split(","):
        sdk, base, ratios = [], [], []
        for r in range(a.rounds):
            order = ["sdk", "baseline"] if r % 2 == 0 else ["baseline", "sdk"]
            t = {m: one_fork(a.java, a.jar, m, transport) for m in order}
            sdk.append(t["sdk"])
            base.append(t["baseline"])
            ratios.append(t["sdk"] / t["baseline"])
        if a.rounds:
            lo, hi = quartiles(ratios) if len(ratios) > 1 else (ratios[0], ratios[0])
            print(f"| {transport} | {a.rounds} | {statistics.median(sdk):.0f} | {statistics.median(base):.0f} | "
                  f"{statistics.median(ratios):.2f}× | {lo:.2f}–{hi:.2f} |", flush=True)

    if a.demo_runs:
        runs = {"java -version": [a.java, "-version"],
                "walletdevice --help": [a.java, "-jar", a.cli, "--help"],
                "walletdevice demo": [a.java, "-jar", a.cli, "demo"]}
        times = {name: [] for name in runs}
        for _ in range(a.demo_runs):
            for name, cmd in runs.items():
                times[name].append(timed(cmd))
        print("\n| whole process | runs | wall ms, median (min-max) | CPU ms, median (min-max) |")
        print("|---|---:|---:|---:|")
        for name, t in times.items():
            w, c = [x[0] for x in t], [x[1] for x in t]
            print(f"| `{name}` | {len(t)} | {statistics.median(w):.0f} ({min(w):.0f}-{max(w):.0f}) | "
                  f"{statistics.median(c):.0f} ({min(c):.0f}-{max(c):.0f}) |")
    print(f"\nEnd: load average {load()}")


if __name__ == "__main__":
    main()
