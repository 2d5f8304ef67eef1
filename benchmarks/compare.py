#!/usr/bin/env python3
"""Compares two benchmark runs, before and after a change, as one Markdown table.

Usage:
  python3 benchmarks/compare.py BEFORE.json AFTER.json

Both files are JMH JSON (e.g. two benchmarks/target/results.json written by run.sh with different jars). For each
SDK benchmark that has a baseline (the pairs of summarise.py), one row: the SDK's score and its ratio to the
baseline of the same run, before and after, and the bytes allocated per call before and after. The ratios are
what to compare: each is taken within one run, so a machine that got busier between the runs moves both sides.
Unpaired benchmarks (diagnostics) are listed with their scores only.
"""
import sys

import summarise as s


def row_text(method, params, mode, before, after, index_b, index_a, cls):
    unit = (after or before)["primaryMetric"]["scoreUnit"]
    cells = [f"{cls.replace('Benchmark', '')}.{method}", s.params_text(params), mode, unit]
    for run, index in ((before, index_b), (after, index_a)):
        if run is None:
            cells += ["—", "—"]
            continue
        cells.append(s.pm(s.num(run["primaryMetric"]["score"]), s.num(run["primaryMetric"]["scoreError"])))
        base = index.get((cls, s.pairs(cls).get(method), params, mode))
        if base is None:
            cells.append("—")
        else:
            r, e = s.ratio(run, base, mode)
            cells.append(f"**{s.pm(r, e)}**")
    cells += [s.fmt(s.alloc(before)) if before else "—", s.fmt(s.alloc(after)) if after else "—"]
    return "| " + " | ".join(cells) + " |"


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    index_b = {s.key(r): r for r in s.load([sys.argv[1]])}
    index_a = {s.key(r): r for r in s.load([sys.argv[2]])}
    print("| Benchmark | Params | Mode | Unit | SDK before | Ratio before | SDK after | Ratio after "
          "| B/op before | B/op after |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|---:|")
    order = [cls for cls, *_ in s.SECTIONS]
    keys = sorted(set(index_b) | set(index_a),
                  key=lambda k: (order.index(k[0]) if k[0] in order else len(order), k[1], k[2], k[3]))
    for k in keys:
        cls, method, params, mode = k
        if method in set(s.pairs(cls).values()):
            continue
        print(row_text(method, params, mode, index_b.get(k), index_a.get(k), index_b, index_a, cls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
