#!/usr/bin/env python3
"""Turns JMH JSON results into the Markdown tables of docs/benchmarks.md.

Usage:
  python3 benchmarks/summarise.py benchmarks/target/results.json          # tables on stdout
  python3 benchmarks/summarise.py --merge OUT.json A.json B.json ...       # concatenates runs, then tables

Each SDK benchmark is paired with its baseline from the same run (same class, same @Param values):
`sdk` with `baseline`; the FeliCa codec's `decode` with `decodeBaseline`, and `encode` and `buildAndEncode`
with `encodeBaseline`; the transport's `execute` and `callExecutor` with `baseline`; the hot spots' SDK JSON
codec with the hand-written one (PAIRS_BY_CLASS). Unpaired methods are listed with their own figures. The ratio is the SDK's cost over the baseline's: time per call divided by time per call,
or for throughput the baseline's calls per second divided by the SDK's, so that 1.05 always means "the SDK costs
5% more". Its error combines both scores' 99.9% confidence intervals (relative errors added in quadrature).
B/op is JMH's gc.alloc.rate.norm: bytes allocated per call by the whole JVM, so on loopback it includes the
in-process server's share (the same on both sides).
"""
import argparse
import json
import math
import sys
from collections import OrderedDict

DEFAULT_PAIRS = {"sdk": "baseline"}
PAIRS_BY_CLASS = {
    "FelicaCodecBenchmark": {"decode": "decodeBaseline", "encode": "encodeBaseline",
                             "buildAndEncode": "encodeBaseline"},
    "TransportDispatchBenchmark": {"execute": "baseline", "callExecutor": "baseline",
                                   "baselineWithTimeouts": "baseline"},
    "HotSpotsBenchmark": {"gatewayJsonWrite": "handWrittenJsonWrite", "gatewayJsonRead": "handWrittenJsonRead"},
}


def pairs(cls):
    return PAIRS_BY_CLASS.get(cls, DEFAULT_PAIRS)


# (class, title, target ratio or None, what the numbers mean)
SECTIONS = [
    ("FelicaCodecBenchmark", "FeliCa codec (12 blocks)", {"decode": 5.0},
     "`decode`: a 12-block Read Without Encryption response (205 bytes) decoded to a typed response; "
     "`encode`: a 12-block Write Without Encryption command (230 bytes) encoded; `buildAndEncode`: the command "
     "constructed (validated, copied) and encoded. Baseline: `System.arraycopy` of the same bytes into a "
     "preallocated array. `cloneReference` (no ratio): a new array of the frame's size, the floor of anything "
     "that returns fresh bytes."),
    ("GatewayLatencyBenchmark", "Gateway getCardCommands on loopback, one thread", 1.05,
     "One call, request built and validated each time, against a hand-written Jackson + HTTP client POST of "
     "the same JSON to the same server, on each transport."),
    ("GatewayThroughputBenchmark", "Gateway getCardCommands on loopback, 16 threads", 1.05,
     "Calls per second from 16 threads sharing one client; the ratio is baseline ops/s ÷ SDK ops/s."),
    ("ThreddListBenchmark", "Thredd list (5 devices) on loopback, one thread", 1.15,
     "SDK `tokenDevices().list(token)` on OkHttp against OkHttp posting a prebuilt envelope string and "
     "reading the answer with a StAX loop."),
    ("ThreddFirstCallBenchmark", "Thredd cold start: build + first list in a fresh JVM", 1.25,
     "One call per fork (SingleShotTime, 10 forks): each side builds its client and HTTP client (the SDK its "
     "default transport, OkHttp) and makes its first list against a warm loopback server. JMH runs one method's "
     "forks before the other's; `benchmarks/cold-start.sh` has them take turns."),
    ("GatewayFirstCallBenchmark", "Gateway: the client built and its first call in a fresh JVM", 1.25,
     "One call per fork (SingleShotTime): each side creates its HTTP client, builds its client and makes one "
     "getCardCommands against a warm loopback TES."),
    ("CommandLoopBenchmark", "Command loop: a 3-round top-up, end to end", 1.10,
     "CommandSession + virtual card (3 HTTP calls, 2 card commands per round) against 3 raw OkHttp POSTs "
     "of prebuilt bodies."),
    ("GatewayInMemoryBenchmark", "Gateway without a network: the SDK's own cost", None,
     "`direct`: SDK on a transport that answers at once vs Jackson alone; `okhttp-stub`: both through an "
     "OkHttp client whose interceptor answers. Diagnostic: no target."),
    ("CommandLoopInMemoryBenchmark", "Command loop without a network: the SDK's own cost", None,
     "A 3-round session on a transport that hands each request to the benchmarks' TES at once, against that TES "
     "answering the three prebuilt bodies alone. Diagnostic: no target."),
    ("ThreddInMemoryBenchmark", "Thredd without a network: the SDK's own cost", None,
     "`direct`: SDK on a transport that answers at once vs envelope bytes + StAX loop; `okhttp-stub`: both "
     "through an OkHttp client whose interceptor answers. Diagnostic: no target."),
    ("TransportDispatchBenchmark", "Transport layer alone (diagnostic)", None,
     "A prebuilt request of the gateway's JSON: the SDK transport's synchronous `execute`, the same request "
     "through `CallExecutor` (which sends through the transport's `execute(request, deadline)`; before issue 7's "
     "fix, through `executeAsync` and a future), and the raw HTTP "
     "client (`baseline`); `baselineWithTimeouts` is the raw client with the deadline the SDK always sets "
     "(OkHttp call timeout 60 s; JDK request timeout 30 s)."),
    ("HotSpotsBenchmark", "Hot spots named in the findings (diagnostic)", None,
     "Each suspect of the profiles measured alone through public API; the JSON codec beside the hand-written "
     "client's data binding."),
]

MODES = {"avgt": "average time", "thrpt": "throughput", "ss": "single shot", "sample": "sampled time"}


def load(paths):
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            rows.extend(json.load(f))
    return rows


def key(row):
    cls, method = row["benchmark"].rsplit(".", 2)[-2:]
    params = row.get("params") or {}
    return cls, method, tuple(sorted(params.items())), row["mode"]


def num(x):
    """A finite float, or None (JMH writes "NaN" as a string when there is one sample)."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) or math.isinf(v) else v


def fmt(x):
    if x is None:
        return "n/a"
    a = abs(x)
    if a >= 1000:
        return f"{x:,.0f}"
    if a >= 100:
        return f"{x:.0f}"
    if a >= 10:
        return f"{x:.1f}"
    if a >= 1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def pm(score, err):
    return fmt(score) + (" ± " + fmt(err) if err is not None else "")


def alloc(row):
    m = (row.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
    return num(m["score"]) if m else None


def ratio(sdk, base, mode):
    s, se = num(sdk["primaryMetric"]["score"]), num(sdk["primaryMetric"]["scoreError"])
    b, be = num(base["primaryMetric"]["score"]), num(base["primaryMetric"]["scoreError"])
    if not s or not b:
        return None, None
    r = b / s if mode == "thrpt" else s / b
    if se is None or be is None:
        return r, None
    return r, r * math.sqrt((se / s) ** 2 + (be / b) ** 2)


def params_text(params):
    return ", ".join(f"{k}={v}" for k, v in params) or "—"


def tables(rows):
    index = OrderedDict((key(r), r) for r in rows)
    out = []
    for cls, title, target, meaning in SECTIONS:
        mine = [(k, r) for k, r in index.items() if k[0] == cls]
        if not mine:
            continue
        out.append(f"### {title}\n")
        out.append(meaning + "\n")
        out.append("| Benchmark | Params | Mode | SDK | Baseline | Unit | Ratio SDK/baseline | Target "
                   "| SDK B/op | Baseline B/op |")
        out.append("|---|---|---|---:|---:|---|---:|---:|---:|---:|")
        baselines = set(pairs(cls).values())
        for (c, method, params, mode), r in mine:
            if method in baselines:
                continue
            unit = r["primaryMetric"]["scoreUnit"]
            sdk_text = pm(num(r["primaryMetric"]["score"]), num(r["primaryMetric"]["scoreError"]))
            base = index.get((c, pairs(cls).get(method), params, mode))
            if base is None:
                out.append(f"| {method} | {params_text(params)} | {mode} | {sdk_text} | — | {unit} | — | — "
                           f"| {fmt(alloc(r))} | — |")
                continue
            base_text = pm(num(base["primaryMetric"]["score"]), num(base["primaryMetric"]["scoreError"]))
            rv, re_ = ratio(r, base, mode)
            t = target.get(method) if isinstance(target, dict) else target
            verdict = ""
            if t is not None and rv is not None:
                verdict = f"≤ {t:.2f} {'✅' if rv <= t else '❌'}"
            out.append(f"| {method} | {params_text(params)} | {mode} | {sdk_text} | {base_text} | {unit} "
                       f"| **{pm(rv, re_)}** | {verdict or '—'} | {fmt(alloc(r))} | {fmt(alloc(base))} |")
        out.append("")
    out.append(allocation_table(index))
    return "\n".join(out)


def allocation_table(index):
    lines = ["### Allocation per call (gc.alloc.rate.norm)\n",
             "Bytes allocated per call by the whole JVM. Loopback rows include the in-process server's share, "
             "the same on both sides; in-memory rows are the clients alone.\n",
             "| Client | Benchmark | Params | SDK B/op | Baseline B/op | SDK − baseline |",
             "|---|---|---|---:|---:|---:|"]
    clients = [("Gateway", "GatewayLatencyBenchmark"), ("Gateway", "GatewayThroughputBenchmark"),
               ("Gateway", "GatewayInMemoryBenchmark"), ("Thredd", "ThreddListBenchmark"),
               ("Thredd", "ThreddInMemoryBenchmark"), ("Thredd (first call)", "ThreddFirstCallBenchmark"),
               ("Command loop", "CommandLoopBenchmark"), ("Command loop", "CommandLoopInMemoryBenchmark"),
               ("FeliCa codec", "FelicaCodecBenchmark")]
    for client, cls in clients:
        for (c, method, params, mode), r in index.items():
            if c != cls or method not in pairs(cls):
                continue
            base = index.get((c, pairs(cls)[method], params, mode))
            a, b = alloc(r), alloc(base) if base else None
            diff = a - b if a is not None and b is not None else None
            name = cls.replace("Benchmark", "") + ("" if method == "sdk" else "." + method)
            lines.append(f"| {client} | {name} | {params_text(params)} | {fmt(a)} | {fmt(b)} | {fmt(diff)} |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--merge", metavar="OUT", help="write the concatenated inputs to OUT first")
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    rows = load(a.inputs)
    if a.merge:
        with open(a.merge, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=2)
    print(tables(rows))


if __name__ == "__main__":
    sys.exit(main())
