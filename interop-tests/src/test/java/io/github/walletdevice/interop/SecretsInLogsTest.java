package io.github.walletdevice.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * With the SDK at DEBUG and bodies logged, neither the Thredd password nor a whole DPAN appears anywhere in what was
 * logged: this test's own calls (a healthy server, one that echoes the request into a 500, SOAP faults), and whatever
 * the other tests of the run logged before it.
 */
class SecretsInLogsTest {
    @Test
    void noPasswordAndNoWholeDpanInAnyLogLine() {
        for (Fault fault : new Fault[] {Fault.CLOSE_AFTER_ANSWER, Fault.ECHO_500, Fault.SOAP_FAULT_RECEIVER,
                Fault.SOAP_FAULT_SENDER, Fault.RESET_MID_BODY}) {
            for (FaultMatrix.Row row : FaultMatrix.run(fault)) {
                assertThat(row.duplicates()).isZero();
            }
        }
        LogSecrets found = LogSecrets.count();
        assertThat(found.bodyLines()).as("logged Thredd bodies").isPositive();
        assertThat(found.passwords()).as("passwords in %s", LogSecrets.logFile()).isZero();
        assertThat(found.dpans()).as("whole DPANs in %s", LogSecrets.logFile()).isZero();
    }
}
