package io.github.walletdevice.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.walletdevice.examples.tes.SimulatedTes;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code walletdevice gateway run} and {@code serve} against the simulated TES on loopback. */
class GatewayRunCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static SimulatedTes tes;

    @BeforeAll
    static void startTes() {
        tes = SimulatedTes.builder().build().start();
    }

    @AfterAll
    static void stopTes() {
        tes.close();
    }

    /** Every JSON object printed on stdout, in order. */
    static List<JsonNode> objects(String out) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(out)) {
            while (it.hasNext()) {
                all.add(it.next());
            }
        }
        return all;
    }

    static JsonNode last(String out) throws Exception {
        List<JsonNode> all = objects(out);
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static CliRun run(String device, String... more) {
        List<String> args = new ArrayList<>(List.of("gateway", "run", "--url", tes.baseUrl(), "--actor-id", "TSH-CLI",
                "--issuer", "ISSUER01", "--device", device));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void executeRunsATopUpAndPrintsEachRoundThenTheResult() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = WalletDeviceCli.execute("gateway", "run", "--url", tes.baseUrl(), "--actor-id", "TSH-CLI",
                    "--issuer", "ISSUER01", "--card", "CARD-0001", "--device", "DEVICE-CLI-1", "--purchase",
                    "P-1@250");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        List<JsonNode> objects = objects(out);
        assertThat(objects).hasSize(6);
        assertThat(objects.get(0).path("round").asInt()).isEqualTo(1);
        assertThat(objects.get(0).path("operation").asText()).isEqualTo("getCardCommands");
        assertThat(objects.get(0).path("answer").path("commands").get(0).path("explained").asText())
                .startsWith("Polling command: systemCode 0003");
        assertThat(objects.get(2).path("sent").path("responses").get(0).path("explained").asText())
                .startsWith("ReadWithoutEncryption response from 012E4CD4A1B2C3D4: status 00 00 (success)");
        JsonNode result = objects.get(5);
        assertThat(fieldNames(result)).containsExactly("statusCode", "statusMessage", "rounds", "balance");
        assertThat(result.path("statusCode").asInt()).isZero();
        assertThat(result.path("rounds").asInt()).isEqualTo(5);
        assertThat(result.path("balance").asLong()).isEqualTo(750);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void parkAndReaderMode() throws Exception {
        CliRun park = run("DEVICE-CLI-2", "--api", "park", "--card", "CARD-0002");
        assertThat(park.exitCode()).as(park.err()).isZero();
        assertThat(last(park.out()).path("balance").asLong()).isEqualTo(500);
        assertThat(tes.parkedBalance("CARD-0002")).contains(500L);

        CliRun reader = run("DEVICE-CLI-2", "--api", "reader-mode");
        assertThat(reader.exitCode()).as(reader.err()).isZero();
        JsonNode result = last(reader.out());
        assertThat(result.path("rounds").asInt()).isEqualTo(2);
        assertThat(result.path("cardAccountId").asText()).startsWith("ACC-012E4CD4A1B2C3D4-");
        assertThat(reader.err()).isEmpty();
    }

    @Test
    void aCardImageFileIsThePhonesCard(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("card.json");
        Files.writeString(image, "{\"sample\":\"transit\",\"balance\":9000}");
        CliRun park = run("DEVICE-CLI-3", "--api", "park", "--card", "CARD-0003", "--card-image", image.toString());
        assertThat(park.exitCode()).as(park.err()).isZero();
        assertThat(last(park.out()).path("balance").asLong()).isEqualTo(9000);
    }

    @Test
    void aTesFailureExits3WithTheStatusInTheResult() throws Exception {
        CliRun unknown = run("UNKNOWN-DEVICE", "--card", "CARD-0001");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.API_FAILURE);
        JsonNode result = last(unknown.out());
        assertThat(result.path("statusCode").asInt()).isEqualTo(117);
        assertThat(result.path("rounds").asInt()).isEqualTo(1);
        assertThat(result.has("balance")).isFalse();
        assertThat(unknown.err()).startsWith("walletdevice: getCardCommands answered status 117 (Unknown device)")
                .doesNotContain("Exception").hasLineCount(1);

        CliRun poor = run("DEVICE-CLI-4", "--card", "CARD-0001", "--purchase", "P-9@-600");
        assertThat(poor.exitCode()).isEqualTo(ExitCodes.API_FAILURE);
        assertThat(last(poor.out()).path("statusCode").asInt()).isEqualTo(162);
    }

    @Test
    void badInputExits2WithOneSentenceAndNothingSent() {
        String[][] cases = {
            {"--card", "CARD-0001", "--issuer", "x"},
            {"--api", "park"},
            {"--api", "bogus", "--card", "C"},
            {"--api", "park", "--card", "C", "--purchase", "P"},
            {"--card", "C".repeat(49)},
            {"--card", "C", "--card-image", "/nonexistent/card.json"},
        };
        for (String[] c : cases) {
            CliRun r = run("DEVICE-CLI-5", c);
            assertThat(r.exitCode()).as(String.join(" ", c)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(String.join(" ", c)).startsWith("walletdevice: ").hasLineCount(1)
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
        CliRun actor = CliRun.of("gateway", "run", "--url", tes.baseUrl(), "--actor-id", "A".repeat(33), "--issuer",
                "I", "--card", "C", "--device", "D");
        assertThat(actor.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(actor.err()).contains("x-actor-id");
        assertThat(tes.hasSession("DEVICE-CLI-5")).isFalse();
    }

    @Test
    void aTransportFailureExits4() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("gateway", "run", "--url", "http://127.0.0.1:" + port, "--actor-id", "TSH", "--issuer",
                "I", "--card", "C", "--device", "D");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(r.err()).startsWith("walletdevice: ").hasLineCount(1).doesNotContain("Exception");
    }

    @Test
    void serveStartsATesAndPrintsItsUrl() throws Exception {
        AtomicReference<SessionResult> seen = new AtomicReference<>();
        var original = GatewayServeCommand.whileRunning;
        GatewayServeCommand.whileRunning = server -> {
            try (DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl(server.baseUrl()).actorId("T")
                    .build()) {
                seen.set(client.session(VirtualCardExecutor.sampleTransitCard()).build().run(ParkCardCommandsRequest
                        .builder().issuerId("I").cardId("C").deviceId("D").build()));
            }
        };
        CliRun r;
        try {
            r = CliRun.of("gateway", "serve");
        } finally {
            GatewayServeCommand.whileRunning = original;
        }
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(r.err()).contains("Stop it with Ctrl+C");
        assertThat(seen.get().balance()).isEqualTo(500L);
    }

    @Test
    void withoutASubcommandGatewaySaysWhichExist() {
        CliRun r = CliRun.of("gateway");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("serve, run or check");
        assertThat(CliRun.of("gateway", "run", "--help").out()).contains("--card-image").contains("purseBalance");
    }
}
