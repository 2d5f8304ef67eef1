#!/usr/bin/env bash
# A CPU profile of one TlsLoad target's measured turns, taken with async-profiler (fetched from Maven Central into
# benchmarks/target the first time), then the samples split by side (SDK, hand-written) and part per 1,000 calls.
#
#   benchmarks/tls-profile.sh thredd-jdk [JVM options...]
#
# The profiler is attached once the warm-up is over (jcmd JVMTI.agent_load) and stopped before the last turn ends,
# so the profile holds measured turns only. It samples CPU time every millisecond on every thread; the profiler
# costs CPU too (the run's own figures come out higher than without it, the ratios much the same). ROUNDS (default
# 10) and TURN (seconds, default 2) set the measured rounds; the output goes to
# benchmarks/target/tls-profile-<target>.{txt,collapsed}.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?name a TlsLoad target, e.g. thredd-jdk}
shift
ROUNDS=${ROUNDS:-10}
TURN=${TURN:-2}
AP_VERSION=${AP_VERSION:-4.2}
jar=benchmarks/target/benchmarks.jar
dir=benchmarks/target/async-profiler
lib=$PWD/$dir/linux-x64/libasyncProfiler.so
if [ ! -f "$lib" ]; then
  ./mvnw -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$AP_VERSION" -DoutputDirectory="$dir"
  (cd "$dir" && unzip -q -o "async-profiler-$AP_VERSION.jar" 'linux-x64/*')
fi
out=$PWD/benchmarks/target/tls-profile-$target
java -Xms512m -Xmx512m -Drounds="$ROUNDS" -Dturn="$TURN" "$@" -cp "$jar" io.github.walletdevice.benchmarks.TlsLoad "$target" \
  > "$out.txt" 2>&1 &
pid=$!
until grep -q "$target: warm-up" "$out.txt"; do
  kill -0 "$pid" 2> /dev/null || { cat "$out.txt"; exit 1; }
  sleep 1
done
# Each measured round is a turn of each side; stop a few seconds before the last one ends (attaching takes time).
# The options are quoted for jcmd, which would otherwise split them at the first '='.
jcmd "$pid" JVMTI.agent_load "$lib" "\"start,event=cpu,interval=1ms,threads\"" > /dev/null
sleep $((ROUNDS * 2 * TURN - 4))
jcmd "$pid" JVMTI.agent_load "$lib" "\"stop,collapsed,file=$out.collapsed\"" > /dev/null
wait "$pid"
grep -v INFO "$out.txt"
python3 benchmarks/tls-profile-split.py "$out.collapsed" "$out.txt" "$target"
