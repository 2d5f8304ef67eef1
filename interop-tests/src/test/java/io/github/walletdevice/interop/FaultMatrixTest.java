package io.github.walletdevice.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every row of the fault matrix: the call ends with its typed error (or succeeds, against the healthy closing
 * servers), the server received it as often as the rules allow, and never the same request twice. Durations are
 * reported by {@link ReliabilityReport}, never asserted.
 */
class FaultMatrixTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void everyRowEndsAsTheRulesSayAndIsNeverReceivedTwice(Fault fault) {
        List<String> wrong = new ArrayList<>();
        for (FaultMatrix.Row row : FaultMatrix.run(fault)) {
            Fault.Expect expected = fault.expected(row.api());
            if (row.duplicates() != 0 || !expected.matches(row.outcome()) || row.received() != expected.received()) {
                wrong.add(row.transport() + " " + row.api() + ": " + row.outcome() + ", received "
                        + row.received() + ", duplicates " + row.duplicates() + "; expected " + expected.outcome()
                        + ", received " + expected.received() + ", duplicates 0");
            }
        }
        assertThat(wrong).as("rows that did not end as the rules say").isEmpty();
    }
}
