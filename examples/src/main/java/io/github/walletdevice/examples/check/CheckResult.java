package io.github.walletdevice.examples.check;

import java.util.Objects;

/**
 * One check of a conformance run: what was asked of the TES, what the specification requires, and what it
 * answered.
 *
 * @param id a stable identifier, e.g. {@code field-issuer-id-missing}
 * @param title one line saying what the check sends
 * @param requirement the rule of the specification (or of the SDK's reconstructed contract) it checks
 * @param expected what a conforming TES answers
 * @param actual what this TES answered, or why the check was skipped
 * @param outcome pass, fail or skipped
 */
public record CheckResult(String id, String title, String requirement, String expected, String actual,
                          CheckOutcome outcome) {

    /**
     * Checks that every part is present.
     *
     * @param id the identifier
     * @param title the title
     * @param requirement the rule
     * @param expected the expected answer
     * @param actual the actual answer
     * @param outcome the outcome
     */
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(outcome, "outcome");
    }
}
