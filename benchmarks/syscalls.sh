#!/usr/bin/env bash
# System calls per HTTP call, by thread, of the command loop through the SDK and of the same three POSTs made with a
# raw OkHttp client (Syscalls): each path runs in its own JVM, warms up, then strace counts the calls of SESSIONS
# sessions (default 500, 3 HTTP calls each) on every thread. Needs strace (Debian: apt-get install strace) and the
# benchmarks jar (./mvnw -B -q -pl benchmarks -am package -DskipTests). Under strace calls are 10-20x slower: the
# counts mean something, the times do not.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-benchmarks/target/benchmarks.jar}
SESSIONS=${SESSIONS:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for path in sdk raw; do
  mkfifo "$work/in"
  java -Xms256m -Xmx256m -cp "$JAR" io.github.walletdevice.benchmarks.Syscalls "$path" "$SESSIONS" \
    <"$work/in" >"$work/out" 2>&1 &
  pid=$!
  exec 7>"$work/in"
  until grep -q '^ready' "$work/out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/out"; exit 1; }
    sleep 1
  done
  for t in /proc/"$pid"/task/*; do echo "$(basename "$t") $(cat "$t/comm")"; done >"$work/names"
  strace -f -qq -e trace=futex,fcntl,read,write,poll,ppoll,epoll_wait -p "$pid" -o "$work/trace" &
  tracer=$!
  sleep 2
  echo >&7
  exec 7>&-
  wait "$pid"
  wait "$tracer" || true
  rm -f "$work/in"
  python3 - "$path" "$SESSIONS" "$work/names" "$work/trace" <<'PY'
import collections, re, sys
path, sessions, names_file, trace_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
names = dict(line.rstrip("\n").split(" ", 1) for line in open(names_file))
counts = collections.Counter()
for line in open(trace_file):
    m = re.match(r"(\d+)\s+(\w+)\(", line)
    if m:
        counts[(names.get(m.group(1), "(newer thread)"), m.group(2))] += 1
calls = 3 * sessions
print(f"== {path}: system calls per HTTP call ({calls} calls), by thread")
for (thread, call), n in sorted(counts.items(), key=lambda kv: -kv[1]):
    if n / calls >= 0.05:
        print(f"  {thread:24s} {call:10s} {n / calls:6.2f}")
PY
done
