#!/usr/bin/env python3
"""Prints the "How cost grows with size" tables of docs/benchmarks.md from a JMH JSON of GrowthBenchmark.

Usage: python3 benchmarks/growth.py benchmarks/target/jmh-growth.json

One table per benchmark method: size, ns/op ± JMH's 99.9% interval, bytes allocated per op (gc.alloc.rate.norm),
and between each row and the one before it the increment per added block or device, for time and for bytes.
Linear growth without a step shows as increments that stay about the same from row to row.
"""
import json
import sys


def main():
    rows = json.load(open(sys.argv[1]))
    by_method = {}
    for r in rows:
        method = r["benchmark"].rsplit(".", 1)[-1]
        size = int(next(iter(r["params"].values())))
        alloc = r["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
        by_method.setdefault(method, []).append((size, r["primaryMetric"]["score"],
                                                 r["primaryMetric"]["scoreError"], alloc))
    for method, points in by_method.items():
        points.sort()
        print(f"{method}\n")
        print("| Size | ns/op | B/op | Δ ns per unit | Δ B per unit |")
        print("|---:|---:|---:|---:|---:|")
        prev = None
        for size, score, err, alloc in points:
            if prev is None:
                step = "—", "—"
            else:
                units = size - prev[0]
                step = f"{(score - prev[1]) / units:.1f}", f"{(alloc - prev[3]) / units:.0f}"
            print(f"| {size} | {score:.1f} ± {err:.1f} | {alloc:.0f} | {step[0]} | {step[1]} |")
            prev = (size, score, err, alloc)
        print()


if __name__ == "__main__":
    main()
