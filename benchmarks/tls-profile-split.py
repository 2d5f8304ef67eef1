"""Splits an async-profiler profile of TlsLoad (collapsed stacks, one line per stack, by thread) per 1,000 calls.

Usage: tls-profile-split.py PROFILE.collapsed TLSLOAD-OUTPUT.txt TARGET

The callers' samples are told apart by the client frames on their stacks, and within a side by part (the XML or
JSON read, the request body written, the HTTP client, the rest); other threads are listed by name (the JDK
client's selector and executor threads belong to one client each, OkHttp's and the server's to both). The calls
counted are those of the measured turns, from the line TlsLoad prints after its table.
"""
import collections
import re
import sys

SIDES = [
    ("sdk", ("thredd/DefaultTokenDevices", "gateway/DeviceGatewayClient")),
    ("baseline", ("HandWrittenThredd", "TlsLoad.threddOnJdk", "HandWrittenGateway")),
]
PARTS = [
    ("request body", ("SoapRequestEncoder", "GatewayJsonWriter", "HandWrittenGateway.write")),
    ("answer read", ("SafeXmlReader", "ResponseDecoder", "HandWrittenThredd.parse", "GatewayJsonReader",
                     "HandWrittenGateway.read")),
    ("HTTP client", ("java/net/http", "jdk/internal/net/http", "okhttp3/", "okio/")),
]


def side_of(stack):
    for side, marks in SIDES:
        if any(m in stack for m in marks):
            return side
    return None


def part_of(stack):
    for part, marks in PARTS:
        if any(m in stack for m in marks):
            return part
    return "rest"


def main(profile, output, target):
    calls = {}
    for line in open(output):
        m = re.search(re.escape(target) + r": measured calls sdk (\d+) baseline (\d+)", line)
        if m:
            calls = {"sdk": int(m.group(1)), "baseline": int(m.group(2))}
    if not calls:
        sys.exit("no 'measured calls' line for " + target + " in " + output)
    callers = collections.Counter()
    threads = collections.Counter()
    for line in open(profile):
        stack, n = line.rstrip().rsplit(" ", 1)
        side = side_of(stack)
        if side:
            callers[(side, part_of(stack))] += int(n)
        else:
            name = stack.split(";", 1)[0]
            threads[re.sub(r"[-\d]*\s*tid=\d+\]$", "", name).strip("[ ")] += int(n)
    print(f"{target}: samples per 1,000 calls (a sample is 1 ms of CPU: read them as µs per call);"
          f" calls measured: sdk {calls['sdk']:,}, baseline {calls['baseline']:,}")
    print("| callers' threads | sdk | baseline |")
    print("|---|---:|---:|")
    for part in [p for p, _ in PARTS] + ["rest"]:
        a = 1000 * callers[("sdk", part)] / calls["sdk"]
        b = 1000 * callers[("baseline", part)] / calls["baseline"]
        print(f"| {part} | {a:.1f} | {b:.1f} |")
    a = 1000 * sum(v for (s, _), v in callers.items() if s == "sdk") / calls["sdk"]
    b = 1000 * sum(v for (s, _), v in callers.items() if s == "baseline") / calls["baseline"]
    print(f"| all | {a:.1f} | {b:.1f} |")
    total = calls["sdk"] + calls["baseline"]
    print(f"Other threads, samples per 1,000 calls of both sides:")
    for name, v in threads.most_common(12):
        print(f"  {name}: {1000 * v / total:.1f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
