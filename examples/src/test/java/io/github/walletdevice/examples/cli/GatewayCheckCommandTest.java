package io.github.walletdevice.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.walletdevice.examples.check.GatewayConformanceCheck;
import io.github.walletdevice.examples.check.TesProxy;
import io.github.walletdevice.examples.tes.SimulatedTes;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code walletdevice gateway check}: output and exit codes against TESs on loopback. */
class GatewayCheckCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulatedTes tes;

    @BeforeEach
    void start() {
        tes = SimulatedTes.builder().ttl(Duration.ofSeconds(2)).build().start();
    }

    @AfterEach
    void stop() {
        tes.close();
    }

    @Test
    void aConformingTesExitsZeroWithATableOfEveryCheck() {
        CliRun r = CliRun.of("gateway", "check", "--url", tes.baseUrl());
        int total = GatewayConformanceCheck.checkIds().size();
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Device Gateway conformance of " + tes.baseUrl())
                .contains("RESULT   CHECK")
                .containsPattern("PASS +field-issuer-id-missing +statusCode 111 +111 \"Missing mandatory")
                .containsPattern("SKIPPED +ttl-expired")
                .contains("SKIPPED ttl-expired: a round of a top-up sent after the TES's time to live")
                .endsWith(total + " checks: " + (total - 1) + " passed, 0 failed, 1 skipped: the TES conforms."
                        + System.lineSeparator());
        for (String id : GatewayConformanceCheck.checkIds()) {
            assertThat(r.out()).contains(" " + id + " ");
        }
    }

    @Test
    void withItsTtlTheTtlCheckRunsAndJsonSaysEveryCheckHolds() throws Exception {
        CliRun r = CliRun.of("gateway", "check", "--url", tes.baseUrl(), "--ttl", "2s", "--json",
                "--device", "DEV-CLI", "--actor-id", "TSH-CLI", "--issuer", "ISS-CLI", "--card", "CARD-CLI");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = MAPPER.readTree(r.out());
        assertThat(report.get("deviceId").asText()).isEqualTo("DEV-CLI");
        JsonNode ttl = check(report, "ttl-expired");
        assertThat(ttl.get("outcome").asText()).isEqualTo("PASS");
        assertThat(ttl.get("actual").asText()).startsWith("after 3000 ms: 322");
        assertThat(report.get("summary").get("conforms").asBoolean()).isTrue();
        assertThat(report.get("summary").get("skipped").asInt()).isZero();
    }

    @Test
    void aFailingCheckExitsThreeAndJsonHasEveryCheckAndASummary() throws Exception {
        try (TesProxy lenient = TesProxy.start(tes.baseUrl(), call -> call.json() != null
                && !call.json().has("deviceId") ? TesProxy.okAndNothingElse() : call.forward())) {
            CliRun r = CliRun.of("gateway", "check", "--url", lenient.baseUrl(), "--json");
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.API_FAILURE);
            JsonNode report = MAPPER.readTree(r.out());
            List<String> keys = new ArrayList<>();
            report.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("url", "deviceId", "checks", "summary");
            assertThat(report.get("url").asText()).isEqualTo(lenient.baseUrl());
            assertThat(report.get("checks")).hasSize(GatewayConformanceCheck.checkIds().size());
            for (JsonNode c : report.get("checks")) {
                List<String> fields = new ArrayList<>();
                c.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).containsExactly("id", "title", "requirement", "expected", "actual", "outcome");
            }
            JsonNode missing = check(report, "field-device-id-missing");
            assertThat(missing.get("outcome").asText()).isEqualTo("FAIL");
            assertThat(missing.get("expected").asText()).isEqualTo("statusCode 111");
            assertThat(missing.get("actual").asText()).isEqualTo("0 \"OK\"");
            assertThat(missing.get("requirement").asText()).contains("deviceId").contains("111");
            JsonNode summary = report.get("summary");
            int total = GatewayConformanceCheck.checkIds().size();
            assertThat(summary.get("total").asInt()).isEqualTo(total);
            assertThat(summary.get("failed").asInt()).isEqualTo(1);
            assertThat(summary.get("skipped").asInt()).isEqualTo(1);
            assertThat(summary.get("passed").asInt()).isEqualTo(total - 2);
            assertThat(summary.get("conforms").asBoolean()).isFalse();
        }
    }

    @Test
    void aTesThatDoesNotAnswerExitsFour() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun r = CliRun.of("gateway", "check", "--url", "http://127.0.0.1:" + closed);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("walletdevice: The TES at http://127.0.0.1:" + closed + " did not answer")
                .doesNotContain("\tat ");
    }

    @Test
    void badUsageExitsTwoWithOneSentence() {
        assertThat(CliRun.of("gateway", "check").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun ttl = CliRun.of("gateway", "check", "--url", tes.baseUrl(), "--ttl", "soon");
        assertThat(ttl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ttl.err()).contains("'soon' is not a duration");
        CliRun zero = CliRun.of("gateway", "check", "--url", tes.baseUrl(), "--ttl", "0s");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun issuer = CliRun.of("gateway", "check", "--url", tes.baseUrl(), "--issuer", "I".repeat(17));
        assertThat(issuer.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(issuer.err()).contains("issuerId").doesNotContain("\tat ");
        CliRun url = CliRun.of("gateway", "check", "--url", "ftp://example.com");
        assertThat(url.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(url.err()).contains("baseUrl");
    }

    @Test
    void ttlAcceptsShortFormsAndIso() {
        GatewayCheckCommand.DurationConverter c = new GatewayCheckCommand.DurationConverter();
        assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(c.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(c.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    private static JsonNode check(JsonNode report, String id) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id);
    }
}
