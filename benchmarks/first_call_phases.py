#!/usr/bin/env python3
"""Where a Thredd first call's time goes, phase by phase, from class-load logs with nanosecond stamps.

Each side's log comes from one fresh JVM of ColdStart (several JVMs per side give medians):

  for i in 1 2 3 4 5 6 7 8; do for p in sdk hand-written; do
    java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -Xlog:class+load:file=/tmp/phases/$p-$i.txt:uptimenanos \\
      -cp benchmarks/target/benchmarks.jar io.github.walletdevice.benchmarks.ColdStart $p; done; done
  python3 benchmarks/first_call_phases.py /tmp/phases [--detail]

The measured span starts when the client's first class loads. Both sides then pass the same OkHttp milestones
(the classes below, loaded once each), so the time between two of them compares like with like. With --detail,
each phase's time is also split by the family of the class loaded next (the time since the previous load is put
on it): a rough pointer to what a phase spends its time on, not a profile.
"""
import collections
import glob
import os
import re
import statistics
import sys

START = ('io.github.walletdevice.thredd.ThreddClient', 'io.github.walletdevice.benchmarks.HandWrittenThredd')
# Each phase ends when its class loads; the last one ends with the last class loaded.
PHASES = [
    ('client build, to the OkHttp builder', 'okhttp3.OkHttpClient$Builder'),
    ('OkHttp TLS set-up', 'sun.security.ssl.SSLContextImpl$CustomizedSSLProtocols'),
    ('rest of the build, request', 'okhttp3.Request$Builder'),
    ('call set-up', 'okhttp3.internal.connection.RealCall'),
    ('connect', 'okhttp3.internal.http1.Http1ExchangeCodec'),
    ('exchange, parse, result', None),
]
LINE = re.compile(r'\[(\d+)ns\] (\S+)')


def read(path):
    rows = []
    with open(path) as f:
        for line in f:
            m = LINE.match(line)
            if m:
                rows.append((int(m.group(1)) / 1e6, m.group(2)))
    return rows


def family(name):
    name = re.sub(r'\$\$Lambda.*', '$$Lambda', re.sub(r'/0x[0-9a-f]+', '', name))
    parts = name.split('.')
    return '.'.join(parts[:4] if name.startswith('io.github') else parts[:3])


def phases(rows):
    """(phase name, start index, end index) for the span of one log."""
    start = next(i for i, (_, c) in enumerate(rows) if c in START) - 1
    spans = []
    for name, cls in PHASES:
        end = len(rows) - 1 if cls is None else next(i for i in range(start, len(rows)) if rows[i][1] == cls)
        spans.append((name, start, end))
        start = end
    return spans


def main():
    folder = sys.argv[1]
    detail = '--detail' in sys.argv[2:]
    for side in ('sdk', 'hand-written'):
        logs = [read(p) for p in sorted(glob.glob(os.path.join(folder, side + '-*.txt')))]
        if not logs:
            continue
        per_phase = collections.defaultdict(list)
        where = collections.defaultdict(collections.Counter)
        for rows in logs:
            total = 0
            for name, a, b in phases(rows):
                per_phase[name].append(rows[b][0] - rows[a][0])
                total += rows[b][0] - rows[a][0]
                for i in range(a + 1, b + 1):
                    where[name][family(rows[i][1])] += (rows[i][0] - rows[i - 1][0]) / len(logs)
            per_phase['total'].append(total)
        print(f'{side} ({len(logs)} JVMs), median ms per phase:')
        for name, values in per_phase.items():
            print(f'  {name:36} {statistics.median(values):7.1f}')
            if detail and name != 'total':
                for fam, ms in where[name].most_common(6):
                    print(f'      {ms:6.2f}  {fam}')


if __name__ == '__main__':
    main()
