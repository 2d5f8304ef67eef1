package io.github.walletdevice.examples.check;

import io.github.walletdevice.gateway.GatewayStatus;

/**
 * One check of the conformance run: what it is about and what it does.
 *
 * @param id a stable identifier
 * @param title what the check sends, in one line
 * @param requirement the rule it checks, with where it comes from
 * @param expected what a conforming TES answers
 * @param body plays the TSH and judges the answer
 */
record ConformanceCheck(String id, String title, String requirement, String expected, Body body) {

    /** Plays the TSH against the TES for one check. */
    @FunctionalInterface
    interface Body {
        /**
         * Runs the check.
         *
         * @param ctx the run's client and requests
         * @param device the device id of this check alone
         * @return the verdict
         */
        Verdict run(CheckContext ctx, String device);
    }

    /** How an expected status reads in the report: {@code statusCode 111}. */
    static String status(GatewayStatus status) {
        return "statusCode " + status.code();
    }

    /** A rule and the spec's status for breaking it, e.g. {@code ...; status 111 Missing mandatory parameter}. */
    static String rule(String rule, GatewayStatus status) {
        return rule + "; status " + status.code() + " " + status.description() + " (Device Gateway API)";
    }
}
