package io.github.walletdevice.examples.tes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.emulator.CardImage;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.CardContents;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.SessionOutcome;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.StatusCode;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK's command loop against the simulated TES over loopback HTTP, with the virtual card as the phone. */
class SimulatedTesEndToEndTest {
    private final MutableClock clock = new MutableClock();
    private SimulatedTes tes;
    private DeviceGatewayClient client;

    @BeforeEach
    void start() {
        tes = SimulatedTes.builder().clock(clock).ttl(Duration.ofMinutes(2)).build().start();
        client = DeviceGatewayClient.builder().baseUrl(tes.baseUrl()).actorId("TSH-E2E").build();
    }

    @AfterEach
    void stop() {
        client.close();
        tes.close();
    }

    private static CardCommandsRequest topUp(String device, String purchase) {
        return CardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001").purchaseId(purchase)
                .deviceId(device).operation(Operation.TOPUP).build();
    }

    private SessionResult run(VirtualCardExecutor phone, GatewayRequest<?> first) {
        return client.session(phone).build().run(first);
    }

    @Test
    void aTopUpWritesTheBalanceAndAHistoryRecordAndReadsThemBack() {
        VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
        SessionResult result = run(phone, topUp("DEVICE-1", "P-1@700"));
        assertThat(result.outcome()).isEqualTo(SessionOutcome.COMPLETED);
        assertThat(result.rounds()).isEqualTo(5);
        assertThat(result.balance()).isEqualTo(1200L);
        PurseBlock purse = PurseBlock.parse(phone.card().readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE, 0));
        assertThat(purse.balance()).isEqualTo(1200);
        assertThat(purse.executionId()).isEqualTo(1);
        HistoryRecord record = HistoryRecord.parse(phone.card().readBlock(CardImages.TRANSIT_SYSTEM,
                CardImages.HISTORY, 0));
        assertThat(record).isEqualTo(new HistoryRecord(HistoryRecord.TOP_UP, 700, 1200, 1,
                clock.instant().getEpochSecond()));
        assertThat(tes.hasSession("DEVICE-1")).isFalse();

        SessionResult second = run(phone, topUp("DEVICE-1", null));
        assertThat(second.balance()).as("default amount").isEqualTo(2200L);
        assertThat(HistoryRecord.parse(phone.card().readBlock(CardImages.TRANSIT_SYSTEM, CardImages.HISTORY, 1)))
                .as("the cyclic history pushed the older record down").isEqualTo(record);
    }

    @Test
    void aDebitAboveTheBalanceIsRefusedWith162AndTheCardIsUntouched() {
        VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
        SessionResult result = run(phone, topUp("DEVICE-1", "P-2@-501"));
        assertThat(result.outcome()).isEqualTo(SessionOutcome.TES_FAILURE);
        assertThat(result.lastStatus().status()).contains(GatewayStatus.INSUFFICIENT_BALANCE);
        assertThat(PurseBlock.parse(phone.card().readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE, 0))
                .balance()).isEqualTo(500);
        SessionResult debit = run(phone, topUp("DEVICE-1", "P-3@-500"));
        assertThat(debit.balance()).isZero();
        assertThat(HistoryRecord.parse(phone.card().readBlock(CardImages.TRANSIT_SYSTEM, CardImages.HISTORY, 0))
                .type()).isEqualTo(HistoryRecord.DEBIT);
    }

    @Test
    void parkingReadsAndStoresTheBalance() {
        VirtualCardExecutor phone = VirtualCardExecutor.of(CardImages.transitSample(4321, "WD00000000000009"));
        SessionResult result = client.session(phone).build().runAsync(ParkCardCommandsRequest.builder()
                .issuerId("ISSUER01").cardId("CARD-9").deviceId("DEVICE-2").operation(Operation.PARK_CARD).build())
                .join();
        assertThat(result.outcome()).isEqualTo(SessionOutcome.COMPLETED);
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(result.balance()).isEqualTo(4321L);
        assertThat(tes.parkedBalance("CARD-9")).contains(4321L);
    }

    @Test
    void readerModeReadsTheExternalCardAndCreatesAnAccount() {
        VirtualCardExecutor phone = VirtualCardExecutor.of(CardImages.transitSample(800, "WD00000000000077"));
        SessionResult result = run(phone, ReaderModeCommandsRequest.builder().issuerId("ISSUER01")
                .deviceId("DEVICE-3").operation(Operation.READER_MODE)
                .cardContents(VirtualCardContents.of(phone.card(), "Test Service")).build());
        assertThat(result.outcome()).isEqualTo(SessionOutcome.COMPLETED);
        assertThat(result.rounds()).isEqualTo(2);
        assertThat(result.balance()).isEqualTo(800L);
        assertThat(result.cardAccountId()).isEqualTo("ACC-012E4CD4A1B2C3D4-1");
        assertThat(tes.cardAccount("WD00000000000077")).contains("ACC-012E4CD4A1B2C3D4-1");
    }

    @Test
    void readerModeWithoutCardContentsPollsTheCardFirst() {
        VirtualCardExecutor phone = VirtualCardExecutor.of(CardImages.transitSample(650, "WD00000000000078"));
        SessionResult result = run(phone, ReaderModeCommandsRequest.builder().issuerId("ISSUER01")
                .deviceId("DEVICE-3").build());
        assertThat(result.outcome()).as("cardContents is optional in the spec").isEqualTo(SessionOutcome.COMPLETED);
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(result.balance()).isEqualTo(650L);
        assertThat(tes.cardAccount("WD00000000000078")).contains(result.cardAccountId());
    }

    @Test
    void readerModeRefusesAnotherSystem() {
        VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
        ReaderModeCommandsRequest.Builder request = ReaderModeCommandsRequest.builder().issuerId("ISSUER01")
                .deviceId("DEVICE-3");
        CardContents commonArea = CardContents.builder().systemCode("FE00").idm("112E4CD4A1B2C3D4").build();
        assertThat(run(phone, request.cardContents(commonArea).build()).lastStatus().code()).isEqualTo(172);
        assertThat(tes.hasSession("DEVICE-3")).isFalse();
    }

    @Test
    void unknownDeviceAndIssuerAreRefused() {
        SessionResult device = run(VirtualCardExecutor.sampleTransitCard(), topUp("UNKNOWN-DEVICE", null));
        assertThat(device.outcome()).isEqualTo(SessionOutcome.TES_FAILURE);
        assertThat(device.lastStatus().status()).contains(GatewayStatus.UNKNOWN_DEVICE);
        assertThat(device.rounds()).isEqualTo(1);
        assertThat(client.getCardCommands(topUp("DEVICE-1", null).toBuilder().issuerId("unknown-1").build())
                .statusCode().code()).isEqualTo(113);
    }

    @Test
    void aSecondOperationOnABusyDeviceIs321AndAnExpiredOneIs322() {
        CardCommandsResponse first = client.getCardCommands(topUp("DEVICE-4", null));
        assertThat(first.isOk()).isTrue();
        assertThat(tes.hasSession("DEVICE-4")).isTrue();
        assertThat(client.getCardCommands(topUp("DEVICE-4", null)).statusCode().code()).isEqualTo(321);
        assertThat(client.getParkCardCommands(ParkCardCommandsRequest.builder().issuerId("ISSUER01")
                .cardId("CARD-0001").deviceId("DEVICE-4").build()).statusCode().code()).isEqualTo(321);

        clock.advance(Duration.ofMinutes(3));
        byte[] polling = VirtualCardExecutor.sampleTransitCard().execute(first.commands()).get(0).frame();
        CardCommandsResponse late = client.getCardCommands(topUp("DEVICE-4", null).nextRound(
                List.of(CommandResponse.of("1", polling)), 1.0, StatusCode.OK, null));
        assertThat(late.statusCode().status()).contains(GatewayStatus.OPERATION_EXPIRED);
        assertThat(tes.hasSession("DEVICE-4")).isFalse();
        assertThat(client.getCardCommands(topUp("DEVICE-4", null)).isOk()).as("a new operation may start").isTrue();
    }

    @Test
    void aLaterRoundWithoutAnOperationIs118AndAMissingResponseIs323() {
        CardCommandsRequest later = topUp("DEVICE-5", null).nextRound(List.of(CommandResponse.of("1", "0C07")),
                1.0, StatusCode.OK, null);
        assertThat(client.getCardCommands(later).statusCode().code()).isEqualTo(118);
        client.getCardCommands(topUp("DEVICE-5", null));
        assertThat(client.getCardCommands(topUp("DEVICE-5", null).nextRound(
                List.of(CommandResponse.of("99", "0C07")), 1.0, StatusCode.OK, null)).statusCode().code())
                .isEqualTo(323);
    }

    @Test
    void aDeviceFailureIsEchoedAndEndsTheOperation() {
        CardImage noTransit = CardImage.builder().idm(CardImages.TRANSIT_IDM)
                .system(CardImages.COMMON_SYSTEM, s -> s.service(CardImages.COMMON_INFO, 1)).build();
        SessionResult result = run(VirtualCardExecutor.of(noTransit), topUp("DEVICE-6", null));
        assertThat(result.outcome()).isEqualTo(SessionOutcome.DEVICE_FAILURE);
        assertThat(result.rounds()).isEqualTo(2);
        assertThat(result.lastStatus().code()).isEqualTo(231);
        assertThat(result.lastStatusMessage()).contains("the TSH reported 231").contains("did not answer command 1");
        assertThat(tes.hasSession("DEVICE-6")).isFalse();
    }

    @Test
    void aCardWithoutThePurseIsAnUnsupportedService() {
        CardImage noPurse = CardImage.builder().idm(CardImages.TRANSIT_IDM)
                .system(CardImages.TRANSIT_SYSTEM, s -> s.service(CardImages.HISTORY, 2)).build();
        SessionResult result = run(VirtualCardExecutor.of(noPurse), topUp("DEVICE-7", null));
        assertThat(result.lastStatus().status()).contains(GatewayStatus.UNSUPPORTED_SERVICE);
        assertThat(result.lastStatusMessage()).contains("read the purse").contains("A6");
    }

    @Test
    void wrongClientsAreRefusedWith112Or111AndWhatTheSpecAllowsIsAccepted() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String url = tes.baseUrl() + DeviceGatewayClient.DEFAULT_BASE_PATH + "/getCardCommands";
        String[][] cases = {
            {"not json", "TSH", "112"},
            {"{\"issuerId\":\"I\",\"deviceId\":\"D\"}", "TSH", "111"},
            {"{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"" + "D".repeat(49) + "\"}", "TSH", "112"},
            {"{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\"}", null, "111"},
            {"{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\"}", "A".repeat(33), "112"},
            {"{\"issuerId\":12,\"cardId\":\"C\",\"deviceId\":\"D\"}", "TSH", "112"},
            {"{\"issuerId\":\"I\",\"cardId\":true,\"deviceId\":\"D\"}", "TSH", "112"},
            {"{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\",\"purchaseID\":\"P\"}", "TSH", "112"},
            {"{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\"}", "TSH", "112", "text/plain"},
            {"{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D0\",\"statusCode\":0}", "TSH", "0"},
        };
        for (String[] c : cases) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(c[0]))
                    .header("Content-Type", c.length > 3 ? c[3] : "application/json");
            if (c[1] != null) {
                b.header("x-actor-id", c[1]);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            assertThat(r.statusCode()).as(c[0]).isEqualTo(200);
            assertThat(r.body()).as(c[0]).startsWith("{\"statusCode\":" + c[2] + ",");
        }
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(url.replace("getCardCommands",
                "getParkCardCommandsXYZ"))).header("Content-Type", "application/json").header("x-actor-id", "TSH")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void handleWorksWithoutHttp() {
        GatewayResponse answer = tes.handle(GatewayApi.PARK_CARD_COMMANDS, "TSH",
                "{\"issuerId\":\"I\",\"cardId\":\"C\",\"deviceId\":\"D\"}".getBytes(UTF_8));
        assertThat(answer.commands()).hasSize(1);
        assertThat(answer.commands().get(0).command()).isEqualTo("060000030000");
    }
}
