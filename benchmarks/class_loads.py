#!/usr/bin/env python3
"""What a first call loads: two -Xlog:class+load logs (an SDK fork and a baseline fork of GatewayFirstCallBenchmark),
the classes each loaded by family, and for the SDK's own families which of them came from where.

    java -jar benchmarks/target/benchmarks.jar 'GatewayFirstCallBenchmark.sdk$' -p transport=okhttp -f 1 \
        -jvmArgsAppend '-Xlog:class+load=info:file=/tmp/sdk.log:uptime'
    (the same with baseline$ into /tmp/baseline.log)
    python3 benchmarks/class_loads.py /tmp/sdk.log /tmp/baseline.log
"""
import collections
import re
import sys

FAMILIES = [
    ("walletdevice", r"^io\.github\.walletdevice\.(?!benchmarks)"),
    ("jackson", r"^com\.fasterxml\.jackson\."),
    ("okhttp/okio/kotlin", r"^(okhttp3|okio|kotlin)\."),
    ("JDK HTTP client", r"^(java\.net\.http|jdk\.internal\.net\.http)\."),
    ("slf4j", r"^org\.slf4j\."),
    ("JDK, other", r"^(java|javax|jdk|sun|com\.sun)\."),
    ("other", r""),
]
LINE = re.compile(r"\[(\d+\.\d+)s\] (\S+) source: (.*)")


def classes(path):
    """Class names in load order, from the first class the benchmark method itself loads onward."""
    out = []
    for line in open(path, errors="replace"):
        m = LINE.search(line)
        if m:
            out.append(m.group(2))
    return out


def family(name):
    for fam, pattern in FAMILIES:
        if re.match(pattern, name):
            return fam
    return "other"


def main():
    sdk, base = classes(sys.argv[1]), classes(sys.argv[2])
    only_sdk = [c for c in sdk if c not in set(base)]
    only_base = [c for c in base if c not in set(sdk)]
    count = lambda names: collections.Counter(family(c) for c in names)
    a, b, c, d = count(sdk), count(base), count(only_sdk), count(only_base)
    print("| family | SDK fork | baseline fork | only in the SDK fork | only in the baseline fork |")
    print("|---|---:|---:|---:|---:|")
    for fam, _ in FAMILIES:
        print(f"| {fam} | {a[fam]} | {b[fam]} | {c[fam]} | {d[fam]} |")
    print(f"| total | {len(sdk)} | {len(base)} | {len(only_sdk)} | {len(only_base)} |")
    pkgs = collections.Counter(n.rsplit(".", 1)[0] for n in only_sdk)
    print("\nPackages loaded only by the SDK fork, most classes first:")
    for pkg, n in pkgs.most_common(15):
        print(f"  {n:4d} {pkg}")


if __name__ == "__main__":
    main()
