#!/usr/bin/env bash
# Cold start of the Thredd client: build + first list in a fresh JVM (ColdStart), the SDK and the hand-written client
# taking turns (sdk, hand-written, then hand-written, sdk, ... so that neither always runs first), ROUNDS fresh JVMs
# each (default 12). JARS names one jar or more (default benchmarks/target/benchmarks.jar); with several, each round
# runs every jar in turn, so that jars built from different commits are measured in the same run (the harness,
# HARNESS or this tree's benchmarks/target/classes, goes first on the class path). Prints each run, then per jar the median time and
# process CPU time of each path and the ratios of the medians. Extra arguments go to every JVM (e.g.
# -Xlog:class+load:file=classes.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
JARS=${JARS:-benchmarks/target/benchmarks.jar}
HARNESS=${HARNESS:-benchmarks/target/classes}
ROUNDS=${ROUNDS:-12}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((i = 0; i < ROUNDS; i++)); do
  if ((i % 2 == 0)); then order="sdk hand-written"; else order="hand-written sdk"; fi
  for jar in $JARS; do
    for path in $order; do
      line=$(java -Xms256m -Xmx256m -XX:+AlwaysPreTouch "$@" -cp "$HARNESS:$jar" io.github.walletdevice.benchmarks.ColdStart \
        "$path" | grep -E '^(sdk|hand-written) ')
      echo "$jar $line" | tee -a "$out"
    done
  done
done
python3 - "$out" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    jar, path, ms, _, cpu, _, classes, _ = line.split()
    runs.setdefault(jar, {}).setdefault(path, []).append((float(ms), float(cpu), int(classes)))
for jar, paths in runs.items():
    med = {}
    for p, r in paths.items():
        ms = sorted(m for m, _, _ in r)
        q = statistics.quantiles(ms, n=4) if len(ms) > 1 else ms * 3
        med[p] = (statistics.median(ms), statistics.median(c for _, c, _ in r))
        print(f"{jar} {p}: median {med[p][0]:.1f} ms (quartiles {q[0]:.1f}-{q[2]:.1f}), CPU {med[p][1]:.1f} ms, "
              f"{len(r)} JVMs, {statistics.median(n for _, _, n in r):.0f} classes loaded")
    print(f"{jar} ratio sdk / hand-written (medians): time {med['sdk'][0] / med['hand-written'][0]:.2f}, "
          f"CPU {med['sdk'][1] / med['hand-written'][1]:.2f}")
PY
