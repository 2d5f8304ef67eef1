package io.github.walletdevice.examples.check;

/**
 * What a check's body concluded: its outcome and what the TES answered (or why it was skipped).
 *
 * @param outcome pass, fail or skipped
 * @param actual what the TES answered
 */
record Verdict(CheckOutcome outcome, String actual) {

    static Verdict pass(String actual) {
        return new Verdict(CheckOutcome.PASS, actual);
    }

    static Verdict fail(String actual) {
        return new Verdict(CheckOutcome.FAIL, actual);
    }

    static Verdict skipped(String why) {
        return new Verdict(CheckOutcome.SKIPPED, why);
    }

    /** Pass when the condition holds, fail otherwise, with the same description. */
    static Verdict of(boolean holds, String actual) {
        return holds ? pass(actual) : fail(actual);
    }
}
