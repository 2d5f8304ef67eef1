#!/usr/bin/env python3
"""Summarises a JFR recording made by `-prof jfr`: where CPU samples and allocations land.

Usage: python3 benchmarks/jfr_top.py <profile.jfr> [--package io.github.walletdevice] [--top 25]

Prints, from jdk.ExecutionSample, the hottest frames by self time and, for frames in --package (the SDK),
by total (inclusive) time; from jdk.ObjectAllocationSample, the allocating SDK frames and the allocated
types by sampled weight. Needs the JDK's `jfr` tool on the PATH.
"""
import argparse
import collections
import json
import subprocess
import sys


def events(path, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", name, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jfr")
    ap.add_argument("--package", default="io.github.walletdevice")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    ours = lambda n: n.startswith(a.package) and ".benchmarks." not in n and "jmh_generated" not in n

    samples = events(a.jfr, "jdk.ExecutionSample")
    self_t, total_t = collections.Counter(), collections.Counter()
    for e in samples:
        frames = [frame_name(f) for f in (e["values"]["stackTrace"] or {}).get("frames", [])]
        if not frames:
            continue
        self_t[frames[0]] += 1
        for n in set(frames):
            total_t[n] += 1
    n = max(1, len(samples))
    print(f"== CPU samples: {len(samples)}")
    print("-- self time, all frames")
    for name, c in self_t.most_common(a.top):
        print(f"{100.0 * c / n:6.1f}%  {name}")
    print(f"-- total time, frames in {a.package}")
    for name, c in [x for x in total_t.most_common() if ours(x[0])][:a.top]:
        print(f"{100.0 * c / n:6.1f}%  {name}")

    allocs = events(a.jfr, "jdk.ObjectAllocationSample")
    by_type, by_frame = collections.Counter(), collections.Counter()
    total = 0
    for e in allocs:
        w = e["values"]["weight"]
        total += w
        by_type[e["values"]["objectClass"]["name"]] += w
        frames = [frame_name(f) for f in (e["values"]["stackTrace"] or {}).get("frames", [])]
        first = next((f for f in frames if ours(f)), None)
        if first:
            by_frame[first] += w
    total = max(1, total)
    print(f"== allocation samples: {len(allocs)} (weights are estimates)")
    print("-- by type")
    for name, w in by_type.most_common(a.top):
        print(f"{100.0 * w / total:6.1f}%  {name}")
    print(f"-- by nearest frame in {a.package}")
    for name, w in by_frame.most_common(a.top):
        print(f"{100.0 * w / total:6.1f}%  {name}")


if __name__ == "__main__":
    sys.exit(main())
