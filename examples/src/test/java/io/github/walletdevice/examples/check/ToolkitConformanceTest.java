package io.github.walletdevice.examples.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.examples.MinimalTesExample;
import io.github.walletdevice.gateway.server.GatewayHttpServer;
import org.junit.jupiter.api.Test;

/** TESs built on the server toolkit pass every conformance check, with no proxy closing gaps. */
class ToolkitConformanceTest extends AgainstSimulatedTes {

    @Test
    void theSimulatedTesPassesEveryCheck() {
        ConformanceReport report = GatewayConformanceCheck.run(options(tes.baseUrl()).deviceId("DEV-TK").build());
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.outcome()).as(c.id() + ": " + c.actual())
                .isEqualTo(CheckOutcome.PASS));
        assertThat(report.conforms()).isTrue();
    }

    @Test
    void theMinimalTesExamplePassesEveryCheck() {
        try (GatewayHttpServer http = GatewayHttpServer.start(MinimalTesExample.tes(), 0)) {
            ConformanceReport report = GatewayConformanceCheck.run(CheckOptions.builder(http.baseUrl()).build());
            assertThat(report.checks()).allSatisfy(c -> assertThat(c.outcome()).as(c.id() + ": " + c.actual())
                    .isEqualTo(c.id().equals("ttl-expired") ? CheckOutcome.SKIPPED : CheckOutcome.PASS));
            assertThat(report.conforms()).isTrue();
        }
    }
}
