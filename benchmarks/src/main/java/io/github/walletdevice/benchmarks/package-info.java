/**
 * JMH benchmarks of the walletdevice SDK, each beside a hand-written baseline measured in the same run, so that
 * the ratio SDK / baseline means something on a shared machine where absolute times do not.
 *
 * <p>Conventions: a benchmark method {@code sdk} is paired with {@code baseline} in the same class (the FeliCa
 * codec pairs {@code decode}/{@code encode} with {@code decodeBaseline}/{@code encodeBaseline}); servers and
 * clients are set up once per trial; every result is returned or sunk in a {@code Blackhole}. Every fork runs
 * with a fixed, pre-touched 256 MB heap: on the VMs this was written on, the first touch of each fresh heap page is
 * so slow that without it allocation, not the code, dominates (a 248-byte clone took 1.2 µs instead of 27 ns);
 * a larger heap only makes each fork start slower (pre-touching 1 GB takes about 2 s there).
 * {@code benchmarks/run.sh} runs the set; {@code benchmarks/summarise.py} turns its JSON into tables.
 */
package io.github.walletdevice.benchmarks;
