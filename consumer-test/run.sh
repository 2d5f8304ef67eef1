#!/usr/bin/env bash
# Consumer smoke test, run after `./mvnw -B install` of the SDK (MAVEN_ARGS, which Maven reads, may name another
# local repository: MAVEN_ARGS=-Dmaven.repo.local=/tmp/m2). Builds this project against the installed BOM, checks our
# jars (named modules, LICENSE and NOTICE), starts the simulated TES and Thredd from examples/target/walletdevice.jar,
# runs the quick starts (the three clients, and a TES on walletdevice-gateway-server called by the client) on the
# class path and on the module path, with the JDK transport only and with OkHttp,
# then checks that OkHttp 4 next to OkHttp 5 is refused at start-up with a clear message. Ends with
# "consumer-test: 5 passed, 0 failed".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
mvn=("$root/mvnw" -B -q -f "$here/pom.xml")   # Maven itself reads MAVEN_ARGS
version="$(python3 -c 'import sys, xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().findtext("{http://maven.apache.org/POM/4.0.0}version"))' "$root/pom.xml")"
cli="$root/examples/target/walletdevice.jar"
work="$here/target"

echo "== consumer-test: walletdevice $version from the local repository"
"${mvn[@]}" -Dwalletdevice.version="$version" clean compile
"${mvn[@]}" -Dwalletdevice.version="$version" dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$work/path-jdk.txt"
"${mvn[@]}" -Dwalletdevice.version="$version" -Pokhttp dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$work/path-okhttp.txt"
"${mvn[@]}" -Dwalletdevice.version="$version" -Pokhttp4 dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$work/path-okhttp4.txt"

# The JDK transport needs none of the OkHttp stack; say what the OkHttp stack weighs.
if tr ':' '\n' < "$work/path-jdk.txt" | grep -Ei 'okhttp|okio|kotlin'; then
  echo "consumer-test: the JDK-only path holds OkHttp or Kotlin jars (above)" >&2; exit 1
fi
python3 - "$work/path-jdk.txt" "$work/path-okhttp.txt" <<'PY'
import os, sys
jdk, okhttp = (set(open(f).read().strip().split(os.pathsep)) for f in sys.argv[1:])
extra = sorted(okhttp - jdk)
size = sum(os.path.getsize(j) for j in extra)
print(f"JDK transport only: {len(jdk)} jars, {sum(os.path.getsize(j) for j in jdk) / 2**20:.1f} MiB; "
      f"OkHttp adds {len(extra)} jars, {size / 2**20:.1f} MiB: " + ", ".join(os.path.basename(j) for j in extra))
PY

# Each of our jars: a named module (its name also in Automatic-Module-Name), with the license and notice.
for jar in $(tr ':' '\n' < "$work/path-okhttp.txt" | grep '/walletdevice-'); do
  module="$(jar --describe-module --file "$jar" | head -1 | cut -d@ -f1)"
  automatic="$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Automatic-Module-Name: //p')"
  if [ "$module" != "$automatic" ] || [[ "$module" == *automatic* ]] || [[ "$module" != io.github.walletdevice.* ]]; then
    echo "consumer-test: $(basename "$jar"): module '$module', Automatic-Module-Name '$automatic'" >&2; exit 1
  fi
  unzip -l "$jar" META-INF/LICENSE META-INF/NOTICE > /dev/null \
    || { echo "consumer-test: $(basename "$jar") lacks META-INF/LICENSE or NOTICE" >&2; exit 1; }
  echo "$(basename "$jar"): module $module, LICENSE and NOTICE in META-INF"
done

pids=()
# Stops the simulators and waits for them, so that none outlives the script.
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
# Starts a simulator in this shell, so that cleanup stops it; it announces its URL on the first line of its output.
start() {
  java -jar "$cli" "$1" serve > "$work/$1-serve.out" 2> "$work/$1-serve.err" &
  pids+=("$!")
}
# Prints the URL a simulator started by `start` announced (waits up to 60 s for a whole first line).
url_of() {
  local out="$work/$1-serve.out" pid="$2"
  for _ in $(seq 600); do
    if [ "$(wc -l < "$out")" -ge 1 ]; then head -1 "$out"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "consumer-test: '$1 serve' did not start:" >&2; cat "$work/$1-serve.err" >&2; return 1
}
start gateway
start thredd
tes_url="$(url_of gateway "${pids[0]}")"
thredd_url="$(url_of thredd "${pids[1]}")"
echo "simulated TES at $tes_url, simulated Thredd at $thredd_url"

passed=0; failed=0
for transport in jdk okhttp; do
  path="$(cat "$work/path-$transport.txt")"
  for mode in class module; do
    echo "== quick starts: $transport transport, $mode path"
    if [ "$mode" = class ]; then
      cmd=(java -Dslf4j.internal.verbosity=ERROR -cp "$work/classes:$path" com.example.consumer.QuickStarts)
    else
      cmd=(java -Dslf4j.internal.verbosity=ERROR -p "$work/classes:$path" -m com.example.consumer/com.example.consumer.QuickStarts)
    fi
    if "${cmd[@]}" "$tes_url" "$thredd_url" "$transport" "$mode"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1)); echo "FAILED: $transport transport, $mode path" >&2
    fi
  done
done
echo "== OkHttp 4 next to OkHttp 5 on the class path: the OkHttp transport refuses to start, naming both jars"
if java -Dslf4j.internal.verbosity=ERROR -cp "$work/classes:$(cat "$work/path-okhttp4.txt")" \
    com.example.consumer.QuickStarts "$tes_url" "$thredd_url" okhttp class > "$work/okhttp4.out" 2>&1; then
  failed=$((failed + 1)); echo "FAILED: ran with two OkHttp jars" >&2
elif grep -q "Two OkHttp versions are on the class path.*okhttp-4.12.0.jar" "$work/okhttp4.out"; then
  grep -o "Two OkHttp versions are on the class path.*" "$work/okhttp4.out" | head -1
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAILED: no clear message with two OkHttp jars:" >&2; cat "$work/okhttp4.out" >&2
fi
echo "consumer-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
