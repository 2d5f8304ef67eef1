#!/usr/bin/env bash
# Cold start of the Thredd client: build + first list in a fresh JVM, the SDK and the hand-written client taking
# turns (sdk, hand-written, hand-written, sdk, ... so neither always runs first), ROUNDS fresh JVMs each (default 12).
# Prints each run, then the median of each path and the ratio of the medians. Extra arguments go to every JVM
# (e.g. -Xlog:class+load or -XX:TieredStopAtLevel=1). JAR overrides the jar measured.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-benchmarks/target/benchmarks.jar}
ROUNDS=${ROUNDS:-12}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((i = 0; i < ROUNDS; i++)); do
  if ((i % 2 == 0)); then order="sdk hand-written"; else order="hand-written sdk"; fi
  for path in $order; do
    java -Xms256m -Xmx256m -XX:+AlwaysPreTouch "$@" -cp "$JAR" io.github.walletdevice.benchmarks.ColdStart "$path" \
      | grep -E '^(sdk|hand-written) ' | tee -a "$out"
  done
done
python3 - "$out" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    path, ms, _, classes, _ = line.split()
    runs.setdefault(path, []).append((float(ms), int(classes)))
med = {p: statistics.median(ms for ms, _ in r) for p, r in runs.items()}
for p, r in runs.items():
    ms = sorted(m for m, _ in r)
    q = statistics.quantiles(ms, n=4)
    print(f"{p}: median {med[p]:.1f} ms (quartiles {q[0]:.1f}-{q[2]:.1f}), {len(r)} JVMs, "
          f"{statistics.median(c for _, c in r):.0f} classes loaded")
print(f"ratio sdk / hand-written (medians): {med['sdk'] / med['hand-written']:.2f}")
PY
