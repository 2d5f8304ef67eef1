package io.github.walletdevice.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.walletdevice.examples.thredd.SeedTokens;
import io.github.walletdevice.examples.thredd.SimulatedThredd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code walletdevice thredd …} through {@link WalletDeviceCli#execute(String...)}, against the simulated Thredd. */
class ThreddCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> CREDENTIALS = Map.of(
            "THREDD_USERNAME", SimulatedThredd.DEFAULT_USER, "THREDD_PASSWORD", SimulatedThredd.DEFAULT_PASSWORD);

    private final Function<String, String> originalEnvironment = ThreddCommand.environment;
    private final Consumer<SimulatedThredd> originalWhileRunning = ThreddServeCommand.whileRunning;
    private SimulatedThredd thredd;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return MAPPER.readTree(out);
        }
    }

    @BeforeEach
    void start() {
        thredd = SimulatedThredd.builder().build().start();
        ThreddCommand.environment = CREDENTIALS::get;
    }

    @AfterEach
    void restore() {
        thredd.close();
        ThreddCommand.environment = originalEnvironment;
        ThreddServeCommand.whileRunning = originalWhileRunning;
    }

    private static Run run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = WalletDeviceCli.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private String[] call(String command, String... more) {
        List<String> args = new ArrayList<>(List.of("thredd", command, "--url", thredd.url().toString(),
                "--iss-code", SimulatedThredd.DEFAULT_ISS_CODE));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static void assertOneSentenceWithoutTrace(String err) {
        assertThat(err).startsWith("walletdevice: ").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(err.strip().lines()).hasSize(1);
    }

    @Test
    void helpShowsTheExampleEndpointUnbroken() {
        for (String command : List.of("list", "unbind")) {
            CliRun help = CliRun.of("thredd", command, "--help");

            assertThat(help.exitCode()).isZero();
            assertThat(help.out().lines())
                    .contains("Example: --url https://ws-uat.globalprocessing.net:13682/service.asmx")
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        }
    }

    @Test
    void listPrintsTheDevicesWithTheDesignKeys() throws Exception {
        Run r = run(call("list", "--dpan", SeedTokens.DPAN_WITH_DEVICES));
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = r.json();
        assertThat(json.fieldNames()).toIterable().containsExactly("wsid", "actionCode", "actionMeaning", "devices");
        assertThat(json.get("wsid").asText()).matches("[0-9]{1,19}");
        assertThat(json.get("actionCode").asText()).isEqualTo("000");
        assertThat(json.get("actionMeaning").asText()).isEqualTo("Success");
        JsonNode phone = json.get("devices").get(0);
        assertThat(phone.fieldNames()).toIterable().containsExactly("boundDeviceIndex", "tokenUserId",
                "tokenUserType", "gpsDeviceStatus", "netDeviceStatus", "deviceBindDate", "deviceStatusDate",
                "deviceType", "deviceLang", "deviceId", "deviceTelNum", "deviceName", "deviceLongitude",
                "deviceLatitude", "deviceIp");
        assertThat(phone.get("boundDeviceIndex").asText()).isEqualTo("1");
        assertThat(phone.get("tokenUserType").asText()).isEqualTo("03");
        assertThat(phone.get("gpsDeviceStatus").asText()).isEqualTo("A");
        assertThat(phone.get("deviceBindDate").asText()).isEqualTo("2024-03-05T10:11:12Z");
        assertThat(phone.get("deviceLongitude").isNumber()).isTrue();
        assertThat(phone.get("deviceLongitude").decimalValue()).isEqualByComparingTo("-0.1276");
        assertThat(phone.get("deviceLatitude").decimalValue()).isEqualByComparingTo("51.5072");
        JsonNode tablet = json.get("devices").get(2);
        assertThat(tablet.fieldNames()).toIterable().containsExactly("boundDeviceIndex", "tokenUserId",
                "tokenUserType", "gpsDeviceStatus", "netDeviceStatus", "deviceBindDate", "deviceStatusDate",
                "deviceType", "deviceName");
    }

    @Test
    void unbindOverSoap11ThenAgainIsStillASuccessWith220() throws Exception {
        Run first = run(call("unbind", "--token-id", SeedTokens.TOKEN_ID_WITH_DEVICES, "--device-index", "2",
                "--soap", "1.1"));
        assertThat(first.exit()).isZero();
        assertThat(first.json().get("actionCode").asText()).isEqualTo("000");
        assertThat(first.json().has("devices")).isFalse();

        Run again = run(call("unbind", "--dpan", SeedTokens.DPAN_WITH_DEVICES, "--device-index", "2"));
        assertThat(again.exit()).isZero();
        assertThat(again.json().get("actionCode").asText()).isEqualTo("220");
        assertThat(again.json().get("actionMeaning").asText()).isEqualTo("Device already unbound");

        Run list = run(call("list", "--dpan", SeedTokens.DPAN_WITH_DEVICES));
        assertThat(list.json().get("devices").get(1).get("gpsDeviceStatus").asText()).isEqualTo("D");
    }

    @Test
    void aTokenWithoutDevicesListsEmptyWith218() throws Exception {
        Run r = run(call("list", "--dpan", SeedTokens.DPAN_WITHOUT_DEVICES));
        assertThat(r.exit()).isZero();
        assertThat(r.json().get("actionCode").asText()).isEqualTo("218");
        assertThat(r.json().get("devices")).isEmpty();
    }

    @Test
    void aFailureActionCodeExits3PrintingItsJsonAndOneSentence() throws Exception {
        Run r = run(call("unbind", "--dpan", SeedTokens.DPAN_WITH_DEVICES, "--device-index", "9"));
        assertThat(r.exit()).isEqualTo(ExitCodes.API_FAILURE);
        assertThat(r.json().get("actionCode").asText()).isEqualTo("219");
        assertOneSentenceWithoutTrace(r.err());
        assertThat(r.err()).contains("219");
    }

    @Test
    void badCredentialsExit3WithoutShowingThePassword() {
        ThreddCommand.environment = Map.of("THREDD_USERNAME", "demo", "THREDD_PASSWORD", "not-the-password")::get;
        Run r = run(call("list", "--dpan", SeedTokens.DPAN_WITH_DEVICES));
        assertThat(r.exit()).isEqualTo(ExitCodes.API_FAILURE);
        assertThat(r.out()).contains("\"999\"");
        assertThat(r.out() + r.err()).doesNotContain("not-the-password");
        assertOneSentenceWithoutTrace(r.err());
    }

    @Test
    void missingCredentialsExit2BeforeAnythingIsSent() {
        ThreddCommand.environment = Map.of("THREDD_USERNAME", "demo")::get;
        Run r = run(call("list", "--dpan", SeedTokens.DPAN_WITH_DEVICES));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("THREDD_USERNAME", "THREDD_PASSWORD");
        assertOneSentenceWithoutTrace(r.err());
        assertThat(thredd.requestCount()).isZero();
    }

    @Test
    void invalidInputExits2WithTheDpanMasked() {
        Run r = run(call("list", "--dpan", "48953700123456789012"));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertOneSentenceWithoutTrace(r.err());
        assertThat(r.err()).contains("DPAN").doesNotContain("48953700123456789012");
        assertThat(run(call("list")).exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run(call("list", "--dpan", SeedTokens.DPAN_WITH_DEVICES, "--token-id", "1")).exit())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run(call("list", "--dpan", SeedTokens.DPAN_WITH_DEVICES, "--soap", "1.3")).exit())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run(call("unbind", "--dpan", SeedTokens.DPAN_WITH_DEVICES)).exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("thredd").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(thredd.requestCount()).isZero();
    }

    @Test
    void anUnreachableEndpointExits4() {
        int port = thredd.url().getPort();
        thredd.close();
        Run r = run("thredd", "list", "--url", "http://127.0.0.1:" + port + "/service.asmx", "--iss-code", "DEMO",
                "--dpan", SeedTokens.DPAN_WITH_DEVICES);
        assertThat(r.exit()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(r.out()).isEmpty();
        assertOneSentenceWithoutTrace(r.err());
    }

    @Test
    void servePrintsItsUrlAndAnswersUntilStopped() throws Exception {
        AtomicReference<Run> inner = new AtomicReference<>();
        AtomicReference<String> url = new AtomicReference<>();
        ThreddServeCommand.whileRunning = server -> {
            url.set(server.url().toString());
            inner.set(run("thredd", "list", "--url", url.get(), "--iss-code", "DEMO", "--token-id",
                    SeedTokens.TOKEN_ID_SUSPENDED));
        };
        Run serve = run("thredd", "serve", "--port", "0");
        assertThat(serve.exit()).isZero();
        assertThat(serve.out().lines().findFirst()).contains(url.get());
        assertThat(url.get()).startsWith("http://127.0.0.1:").endsWith("/service.asmx");
        assertThat(inner.get().exit()).isZero();
        assertThat(inner.get().json().get("devices").get(0).get("gpsDeviceStatus").asText()).isEqualTo("S");
    }
}
