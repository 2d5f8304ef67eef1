package io.github.walletdevice.examples.check;

/** How one conformance check came out. */
public enum CheckOutcome {
    /** The TES answered what the specification requires. */
    PASS,
    /** The TES answered something else (or nothing usable). */
    FAIL,
    /** The check could not run; the report says why. A skipped check does not make the TES non-conforming. */
    SKIPPED
}
