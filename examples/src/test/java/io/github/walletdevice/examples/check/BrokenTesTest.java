package io.github.walletdevice.examples.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.walletdevice.examples.tes.SimulatedTes;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Deliberately broken TESs (a proxy changing the simulated TES's behaviour in one way) fail the checks about that
 * behaviour, and still pass one that does not depend on it.
 */
class BrokenTesTest extends AgainstSimulatedTes {
    private ConformanceReport checkBehind(TesProxy.Fault fault) {
        try (TesProxy proxy = TesProxy.start(tes.baseUrl(), fault)) {
            return GatewayConformanceCheck.run(options(proxy.baseUrl()).build());
        }
    }

    private static CheckResult failed(ConformanceReport report, String id) {
        CheckResult c = report.check(id).orElseThrow();
        assertThat(c.outcome()).as(id + ": " + c.actual()).isEqualTo(CheckOutcome.FAIL);
        assertThat(report.conforms()).isFalse();
        assertThat(report.check("card-session").orElseThrow().outcome()).as("a check the fault leaves alone")
                .isEqualTo(CheckOutcome.PASS);
        return c;
    }

    @Test
    void aTesAnsweringZeroToAMissingFieldFailsTheMissingFieldChecks() {
        ConformanceReport report = checkBehind(call -> {
            ObjectNode body = call.json();
            boolean missing = body != null && (!body.has("issuerId") || !body.has("deviceId")
                    || !body.has("cardId") && call.api() != GatewayApi.READER_MODE_COMMANDS);
            return missing ? TesProxy.okAndNothingElse() : call.forward();
        });
        for (String id : new String[] {"field-issuer-id-missing", "field-card-id-missing", "field-device-id-missing"}) {
            assertThat(failed(report, id).actual()).isEqualTo("0 \"OK\"");
        }
        assertThat(report.check("header-actor-id-missing").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void aTesCountingUtf16UnitsFailsTheCodePointCheck() {
        ConformanceReport report = checkBehind(call -> {
            ObjectNode body = call.json();
            return body != null && body.path("deviceId").asText().length() > 48 ? TesProxy.status(
                    GatewayStatus.BAD_PARAMETER_FORMAT, "Bad parameter format: deviceId") : call.forward();
        });
        assertThat(failed(report, "field-device-id-code-points").actual())
                .isEqualTo("112 \"Bad parameter format: deviceId\"");
        assertThat(report.check("field-device-id-too-long").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void aTesThatNeverSays321FailsTheOnGoingCheck() {
        ConformanceReport report = checkBehind(call -> {
            byte[] answer = call.forward();
            return new String(answer, StandardCharsets.UTF_8).contains("\"statusCode\":321")
                    ? TesProxy.goOnWithCommands() : answer;
        });
        assertThat(failed(report, "operation-on-going").actual()).startsWith("second first call: 0 \"OK\", 1 command");
    }

    @Test
    void aTesIgnoringItsTimeToLiveFailsTheTtlCheck() {
        try (SimulatedTes immortal = SimulatedTes.builder().clock(clock).ttl(Duration.ofDays(1)).build().start()) {
            ConformanceReport report = GatewayConformanceCheck.run(options(immortal.baseUrl()).build());
            assertThat(failed(report, "ttl-expired").actual()).startsWith("after 121000 ms: 0 \"OK\", 1 command");
        }
    }

    @Test
    void aTesAnswering112ToAFirstCallWithStatusZeroFailsThatCheck() {
        ConformanceReport report = checkBehind(call -> {
            ObjectNode body = call.json();
            boolean firstWithZero = body != null && body.path("statusCode").isInt()
                    && body.get("statusCode").asInt() == 0 && !body.has("responses");
            return firstWithZero ? TesProxy.status(GatewayStatus.BAD_PARAMETER_FORMAT,
                    "Bad parameter format: statusCode") : call.forward();
        });
        assertThat(failed(report, "first-call-status-0").actual()).contains("112");
    }

    @Test
    void aTesGoingOnAfterADeviceFailureFailsTheDeviceFailureChecks() {
        ConformanceReport report = checkBehind(call -> call.reportsDeviceFailure() ? TesProxy.goOnWithCommands()
                : call.forward());
        for (String id : new String[] {"device-failure-221", "device-failure-231", "device-failure-232"}) {
            assertThat(failed(report, id).actual())
                    .isEqualTo("the TES answered the failure with 0 \"OK\", 1 command(s)");
        }
    }

    @Test
    void aTesAnsweringSomethingElseThanJsonFailsEveryCheck() {
        ConformanceReport report = checkBehind(call -> "<html>It works!</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(report.count(CheckOutcome.PASS)).isZero();
        assertThat(report.count(CheckOutcome.FAIL)).isEqualTo(report.checks().size());
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.actual())
                .contains("not the JSON the contract promises").doesNotContain("do not repeat it blindly"));
    }
}
