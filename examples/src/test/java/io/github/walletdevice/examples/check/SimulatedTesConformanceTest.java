package io.github.walletdevice.examples.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.examples.tes.SimulatedTes;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conformance checks against the simulated TES, over loopback HTTP. */
class SimulatedTesConformanceTest extends AgainstSimulatedTes {
    @Test
    void everyCheckHoldsAndNoOperationIsLeftOpen() {
        List<CheckResult> told = new ArrayList<>();
        ConformanceReport report = GatewayConformanceCheck.run(options(tes.baseUrl()).deviceId("DEV-CONF").build(),
                told::add);

        assertThat(report.checks()).extracting(CheckResult::id)
                .containsExactlyElementsOf(GatewayConformanceCheck.checkIds())
                .contains("header-actor-id-missing", "field-issuer-id-missing", "field-card-id-missing",
                        "field-device-id-missing", "field-device-id-code-points", "field-issuer-id-number", "body-not-json",
                        "reader-mode-card-contents-bad-hex", "session-unknown", "first-call-status-0",
                        "operation-on-going", "card-session", "park-session", "reader-mode-session",
                        "device-failure-221", "device-failure-231", "device-failure-232", "ttl-expired")
                .doesNotHaveDuplicates();
        assertThat(told).isEqualTo(report.checks());
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.outcome()).as(c.id() + ": " + c.actual())
                .isEqualTo(CheckOutcome.PASS));
        assertThat(report.check("ttl-expired").orElseThrow().actual()).contains("322");
        assertThat(report.check("reader-mode-session").orElseThrow().actual()).contains("cardAccountId \"ACC-");
        assertThat(report.check("device-failure-231").orElseThrow().actual())
                .startsWith("the TES answered the failure with 231").contains("a later round: 118");
        for (int i = 1; i <= report.checks().size(); i++) {
            assertThat(tes.hasSession(String.format("DEV-CONF-%02d", i))).as("device %02d", i).isFalse();
        }
    }

    @Test
    void withoutTheTtlTheTtlCheckIsSkippedWithItsReasonAndDoesNotFailTheRun() {
        ConformanceReport report = GatewayConformanceCheck.run(CheckOptions.builder(tes.baseUrl())
                .waiter(d -> {
                    throw new AssertionError("nothing waits without a time to live");
                }).build());
        CheckResult ttl = report.check("ttl-expired").orElseThrow();
        assertThat(ttl.outcome()).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(ttl.actual()).contains("--ttl");
        assertThat(report.count(CheckOutcome.SKIPPED)).isEqualTo(1);
        assertThat(report.deviceId()).matches("CHECK-[0-9A-F]{8}");
    }

    @Test
    void aShortTtlOnTheTesSideExpiresWithinTheWait() {
        try (SimulatedTes shortLived = SimulatedTes.builder().ttl(Duration.ofMillis(200)).build().start()) {
            ConformanceReport report = GatewayConformanceCheck.run(CheckOptions.builder(shortLived.baseUrl())
                    .ttl(Duration.ofMillis(200)).build());
            assertThat(report.check("ttl-expired").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASS);
        }
    }

    @Test
    void aTesThatDoesNotAnswerIsUnreachableNotAFailedReport() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> GatewayConformanceCheck.run(CheckOptions.builder("http://127.0.0.1:" + closed)
                .build())).isInstanceOf(TesUnreachableException.class).hasMessageContaining("127.0.0.1:" + closed);
    }

    @Test
    void identifiersBreakingTheSpecsRulesAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> CheckOptions.builder(tes.baseUrl()).issuerId("I".repeat(17)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("issuerId");
        assertThatThrownBy(() -> GatewayConformanceCheck.run(CheckOptions.builder(tes.baseUrl())
                .actorId("A".repeat(33)).build())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("x-actor-id");
    }
}
