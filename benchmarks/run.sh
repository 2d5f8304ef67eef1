#!/usr/bin/env bash
# Runs every benchmark with fixed settings and writes benchmarks/target/results.json and summary.md.
# About 19 minutes on 2 quiet cores. Builds benchmarks/target/benchmarks.jar
# first when it is missing or older than any module's sources (BUILD overrides the Maven arguments, e.g.
# BUILD="-o -pl benchmarks package" to resolve the SDK modules from ~/.m2 only). Extra arguments go to every JMH
# run (e.g. -jvm /path/to/java). JAR and OUT override the jar measured and the output folder, e.g. to measure a jar
# built from an earlier commit beside this one (then compare the two results.json with benchmarks/compare.py).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-benchmarks/target/benchmarks.jar}
OUT=${OUT:-benchmarks/target}
mkdir -p "$OUT"
if [[ $JAR == benchmarks/target/benchmarks.jar ]] && [[ ! -f $JAR || -n "$(find ./*/src ./*/pom.xml pom.xml -newer "$JAR" -print -quit)" ]]; then
  # shellcheck disable=SC2086
  ./mvnw -B -q ${BUILD:--pl benchmarks -am package -DskipTests}
fi

run() {
  local name=$1
  shift
  echo "== $name: java -jar $JAR $* -prof gc" >&2
  java -jar "$JAR" "$@" -prof gc -rf json -rff "$OUT/jmh-$name.json" | tee "$OUT/jmh-$name.txt"
}

rm -f "$OUT"/jmh-*.json
# Nanosecond codec work: warms up in a second or two.
run codec 'FelicaCodecBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s "$@"
# Whole calls on loopback: scheduling makes them noisy, so two forks; the JIT compiler settles after 10-15 s of these
# paths (Interleaved shows it), and compiling takes a core from the path with more code, so 12 s of warm-up.
run loopback '(GatewayLatency|GatewayThroughput|ThreddList|CommandLoop)Benchmark' -f 2 -wi 12 -w 1s -i 3 -r 1s "$@"
# The same clients without a network (CPU only, steadier): one longer fork.
run in-memory '(GatewayInMemory|ThreddInMemory|CommandLoopInMemory)Benchmark' -f 1 -wi 6 -w 1s -i 5 -r 1s "$@"
# Diagnostics for the findings: the transport layer alone, and the hot spots one by one.
run transport 'TransportDispatchBenchmark' -f 1 -wi 4 -w 1s -i 3 -r 1s "$@"
run hot-spots 'HotSpotsBenchmark' -f 1 -wi 3 -w 1s -i 3 -r 1s "$@"
# How cost grows with size: FeliCa blocks 1-15, Thredd devices 0-50 (docs/benchmarks.md, "How cost grows with size").
run growth 'GrowthBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s "$@"
# Cold start: build + first call per fresh JVM (benchmarks/cold-start.sh has the two clients take turns).
run first-call 'ThreddFirstCallBenchmark' -f 10 -wi 0 -i 1 -bm ss "$@"
# The gateway client built and its first call, one per fresh JVM (benchmarks/first_call.py runs the same in turns).
run first-call-gateway 'GatewayFirstCallBenchmark' -f 10 -wi 0 -i 1 -bm ss "$@"

python3 benchmarks/summarise.py --merge "$OUT/results.json" "$OUT"/jmh-codec.json "$OUT"/jmh-loopback.json \
  "$OUT"/jmh-in-memory.json "$OUT"/jmh-transport.json "$OUT"/jmh-hot-spots.json "$OUT"/jmh-growth.json \
  "$OUT"/jmh-first-call.json "$OUT"/jmh-first-call-gateway.json > "$OUT/summary.md"
echo "Results: $OUT/results.json; tables: $OUT/summary.md" >&2
