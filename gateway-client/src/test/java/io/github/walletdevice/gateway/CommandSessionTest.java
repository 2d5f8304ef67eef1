package io.github.walletdevice.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.testing.CapturedLogs;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommandSessionTest extends WireMockTes {
    private static final GatewayApi CARD = GatewayApi.CARD_COMMANDS;
    private static final byte[] HISTORY_RECORD = "TOPUP +1000     ".getBytes(UTF_8);

    private static MappingBuilder step(GatewayApi api, String state, String next) {
        ScenarioMappingBuilder m = post(urlEqualTo(path(api))).inScenario(api.operationName())
                .whenScenarioStateIs(state);
        return next == null ? m : m.willSetStateTo(next);
    }

    /** A four-round top-up: read the purse, write balance and history, read back, done with the balance. */
    private static void stubTopUp() {
        answer(step(CARD, STARTED, "read"), CARD, Fixtures.commands("1", Fixtures.readPurse()));
        answer(step(CARD, "read", "written").withRequestBody(matchingJsonPath("$.responses[0].commandId",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))), CARD,
                Fixtures.commands("2", Fixtures.writePurse(1500), "3", Fixtures.writeHistory(HISTORY_RECORD)));
        answer(step(CARD, "written", "verified"), CARD, Fixtures.commands("4", Fixtures.readPurse()));
        answer(step(CARD, "verified", null), CARD, "{\"statusCode\":0,\"statusMessage\":\"OK\",\"balance\":1500}");
    }

    private static List<GatewayRequest<?>> sent(GatewayApi api) {
        List<GatewayRequest<?>> out = new ArrayList<>();
        for (LoggedRequest r : sentRequests()) {
            out.add(GatewayJson.readRequest(api, r.getBody()));
        }
        return out;
    }

    private static long purseBalance(byte[] readResponse) {
        ReadWithoutEncryptionResponse r = (ReadWithoutEncryptionResponse) FelicaDecoder.decodeResponse(readResponse);
        return PurseBlock.parse(r.block(0)).balance();
    }

    @Test
    void aTopUpRunsEveryRoundOnTheCardUntilTheTesIsDone() {
        stubTopUp();
        VirtualCardExecutor card = VirtualCardExecutor.sampleTransitCard();
        SessionResult result;
        try (DeviceGatewayClient client = client().build()) {
            result = client.session(card).build().run(Fixtures.topUp());
        }
        assertThat(result.outcome()).isEqualTo(SessionOutcome.COMPLETED);
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.orThrow()).isSameAs(result);
        assertThat(result.rounds()).isEqualTo(4);
        assertThat(result.balance()).isEqualTo(1500L);
        assertThat(result.lastStatus()).isEqualTo(StatusCode.OK);
        assertThat(result.cardAccountId()).isNull();
        assertThat(result.transcript()).extracting(SessionRound::number).containsExactly(1, 2, 3, 4);

        // The card was really written: balance and the newest history record.
        assertThat(PurseBlock.parse(card.card().readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE, 0)).balance())
                .isEqualTo(1500);
        assertThat(card.card().readBlock(CardImages.TRANSIT_SYSTEM, CardImages.HISTORY, 0)).isEqualTo(HISTORY_RECORD);

        List<GatewayRequest<?>> sent = sent(CARD);
        assertThat(sent).hasSize(4);
        GatewayRequest<?> first = sent.get(0);
        assertThat(first.responses()).isEmpty();
        assertThat(first.statusCode()).isNull();
        assertThat(first.responseTimeMs()).isNull();
        for (GatewayRequest<?> later : sent.subList(1, 4)) {
            assertThat(later.statusCode()).isEqualTo(StatusCode.OK);
            assertThat(later.responseTimeMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
            assertThat(later).usingRecursiveComparison().comparingOnlyFields("issuerId", "deviceId", "operation")
                    .isEqualTo(Fixtures.topUp());
        }
        assertThat(purseBalance(sent.get(1).responses().get(0).frame())).as("balance read before").isEqualTo(500);
        assertThat(sent.get(2).responses()).extracting(CommandResponse::commandId).containsExactly("2", "3");
        assertThat(sent.get(2).responses()).allSatisfy(r -> assertThat(r.response()).endsWith("0000"));
        assertThat(purseBalance(sent.get(3).responses().get(0).frame())).as("balance read back").isEqualTo(1500);
    }

    @Test
    void aListenerHearsOfEachRoundAsItIsAnswered() {
        stubTopUp();
        List<String> heard = new ArrayList<>();
        try (DeviceGatewayClient client = client().build()) {
            SessionResult result = client.session(VirtualCardExecutor.sampleTransitCard())
                    .onRound(r -> heard.add(r.number() + ":" + r.response().commands().size() + ":"
                            + r.request().responses().size()))
                    .build().run(Fixtures.topUp());
            assertThat(heard).containsExactly("1:1:0", "2:2:1", "3:1:2", "4:0:1");
            assertThat(result.transcript()).hasSize(4);
        }
    }

    @Test
    void theAsyncRunGivesTheSameResult() {
        stubTopUp();
        VirtualCardExecutor card = VirtualCardExecutor.sampleTransitCard();
        try (DeviceGatewayClient client = client().build()) {
            SessionResult result = client.session(card).build().runAsync(Fixtures.topUp()).join();
            assertThat(result.outcome()).isEqualTo(SessionOutcome.COMPLETED);
            assertThat(result.rounds()).isEqualTo(4);
            assertThat(result.balance()).isEqualTo(1500L);
        }
        assertThat(sentRequests()).hasSize(4);
    }

    @Test
    void parkAndReaderModeSessionsReturnBalanceAndCardAccount() {
        GatewayApi park = GatewayApi.PARK_CARD_COMMANDS;
        GatewayApi reader = GatewayApi.READER_MODE_COMMANDS;
        answer(step(park, STARTED, "read"), park, Fixtures.commands("p1", Fixtures.readPurse()));
        answer(step(park, "read", null), park, "{\"statusCode\":0,\"balance\":500}");
        answer(step(reader, STARTED, "read"), reader, Fixtures.commands("r1", Fixtures.readCardInfo(),
                "r2", Fixtures.readPurse()));
        answer(step(reader, "read", null), reader,
                "{\"statusCode\":0,\"balance\":500,\"cardAccountId\":\"WD00000000000001\"}");
        VirtualCardExecutor card = VirtualCardExecutor.sampleTransitCard();
        try (DeviceGatewayClient client = client().build()) {
            CommandSession session = client.session(card).build();
            SessionResult parked = session.run(Fixtures.park());
            assertThat(parked.api()).isEqualTo(park);
            assertThat(parked.outcome()).isEqualTo(SessionOutcome.COMPLETED);
            assertThat(parked.balance()).isEqualTo(500L);
            SessionResult read = session.run(Fixtures.readerMode());
            assertThat(read.outcome()).isEqualTo(SessionOutcome.COMPLETED);
            assertThat(read.rounds()).isEqualTo(2);
            assertThat(read.cardAccountId()).isEqualTo("WD00000000000001");
            assertThat(read.balance()).isEqualTo(500L);
        }
        GatewayRequest<?> second = GatewayJson.readRequest(reader, requestsTo(reader).stream()
                .filter(r -> r.getBodyAsString().contains("responses")).findFirst().orElseThrow().getBody());
        assertThat(((ReaderModeCommandsRequest) second).cardContents()).isEqualTo(Fixtures.readerMode().cardContents());
        assertThat(second.responses()).extracting(CommandResponse::commandId).containsExactly("r1", "r2");
    }

    @Test
    void aSilentCardMidRoundIsReportedAs231WithTheResponsesObtained() {
        answer(step(CARD, STARTED, "second"), CARD, Fixtures.commands("1", Fixtures.readPurse()));
        answer(step(CARD, "second", "failed"), CARD, Fixtures.commands("2", Fixtures.readPurse(),
                "3", Fixtures.readOtherCard(), "4", Fixtures.readPurse()));
        answer(step(CARD, "failed", null), CARD, "{\"statusCode\":231,\"statusMessage\":\"Device unexpected error\"}");
        SessionResult result;
        try (DeviceGatewayClient client = client().build()) {
            result = client.session(VirtualCardExecutor.sampleTransitCard()).build().run(Fixtures.topUp());
        }
        assertThat(result.outcome()).isEqualTo(SessionOutcome.DEVICE_FAILURE);
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(result.lastStatus().code()).isEqualTo(231);
        assertThat(result.detail()).contains("231").contains("command 3");
        assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(GatewayStatusException.class,
                e -> assertThat(e.code()).isEqualTo("231"));

        List<GatewayRequest<?>> sent = sent(CARD);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(1).statusCode()).isEqualTo(StatusCode.OK);
        GatewayRequest<?> report = sent.get(2);
        assertThat(report.statusCode().code()).isEqualTo(231);
        assertThat(report.statusMessage()).contains("did not answer command 3");
        assertThat(report.responses()).extracting(CommandResponse::commandId).as("only what the card answered")
                .containsExactly("2");
        assertThat(report.responseTimeMs()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(DeviceFailure.class)
    void everyDeviceFailureIsReportedWithItsCodeAndTheTesAnswerEndsTheSession(DeviceFailure failure) {
        answer(step(CARD, STARTED, "failed"), CARD, Fixtures.commands("1", Fixtures.readPurse(), "2",
                Fixtures.readPurse()));
        // The TES acknowledges with 0 and even sends more commands: the session still ends, running nothing.
        answer(step(CARD, "failed", null), CARD, Fixtures.commands("9", Fixtures.readPurse()));
        VirtualCardExecutor card = VirtualCardExecutor.sampleTransitCard();
        AtomicInteger rounds = new AtomicInteger();
        DeviceCommandExecutor flaky = commands -> {
            rounds.incrementAndGet();
            List<CommandResponse> first = card.execute(commands.subList(0, 1));
            throw new DeviceFailureException(failure, "device said no", first, null);
        };
        SessionResult result;
        try (DeviceGatewayClient client = client().build()) {
            result = client.session(flaky).build().run(Fixtures.topUp());
        }
        assertThat(rounds).hasValue(1);
        assertThat(result.outcome()).isEqualTo(SessionOutcome.DEVICE_FAILURE);
        assertThat(result.lastStatus()).isEqualTo(StatusCode.OK);
        assertThatThrownBy(result::orThrow).isInstanceOf(CommandSessionException.class)
                .hasMessageContaining("DEVICE_FAILURE");
        GatewayRequest<?> report = sent(CARD).get(1);
        assertThat(report.statusCode().code()).isEqualTo(failure.status().code());
        assertThat(report.statusMessage()).isEqualTo("device said no");
        assertThat(report.responses()).extracting(CommandResponse::commandId).containsExactly("1");
    }

    @Test
    void aBridgeThatThrowsAfterTheCardAppliedAWriteReportsTheWritesResponseWith231() {
        answer(step(CARD, STARTED, "write"), CARD, Fixtures.commands("1", Fixtures.writePurse(1500),
                "2", Fixtures.readPurse()));
        answer(step(CARD, "write", null), CARD, "{\"statusCode\":231}");
        VirtualFelicaCard card = VirtualFelicaCard.of(CardImages.transitSample());
        AtomicInteger frames = new AtomicInteger();
        // An NFC bridge: the card applies the purse write, then the link breaks with an unchecked exception.
        FrameTransceiver bridge = frame -> {
            if (frames.getAndIncrement() == 0) {
                return card.transceive(frame);
            }
            throw new UncheckedIOException(new IOException("Tag was lost."));
        };
        SessionResult result;
        try (DeviceGatewayClient client = client().build()) {
            result = client.session(DeviceCommandExecutor.ofFrames(bridge)).build().run(Fixtures.topUp());
        }
        assertThat(PurseBlock.parse(card.readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE, 0)).balance())
                .as("the card holds the new balance").isEqualTo(1500);
        assertThat(result.outcome()).isEqualTo(SessionOutcome.DEVICE_FAILURE);
        GatewayRequest<?> report = sent(CARD).get(1);
        assertThat(report.statusCode().code()).isEqualTo(231);
        assertThat(report.statusMessage()).contains("command 2").contains("Tag was lost.");
        assertThat(report.responses()).as("the TES must hear that the write was applied")
                .extracting(CommandResponse::commandId).containsExactly("1");
        assertThat(report.responses().get(0).response()).endsWith("0000");
    }

    @Test
    void anExecutorThatThrowsSomethingElseIsReportedAs231() {
        answer(step(CARD, STARTED, "failed"), CARD, Fixtures.commands("1", Fixtures.readPurse()));
        answer(step(CARD, "failed", null), CARD, "{\"statusCode\":911}");
        SessionResult result;
        try (DeviceGatewayClient client = client().build()) {
            result = client.session(commands -> {
                throw new IllegalStateException("NFC off");
            }).build().run(Fixtures.topUp());
        }
        assertThat(result.outcome()).isEqualTo(SessionOutcome.DEVICE_FAILURE);
        assertThat(result.lastStatus().code()).isEqualTo(911);
        GatewayRequest<?> report = sent(CARD).get(1);
        assertThat(report.statusCode().code()).isEqualTo(231);
        assertThat(report.statusMessage()).isEqualTo("Device executor failed: IllegalStateException: NFC off");
        assertThat(report.responses()).isEmpty();
    }

    @Test
    void aTesFailureEndsTheSessionAsATypedResult() {
        answer(step(CARD, STARTED, "read"), CARD, Fixtures.commands("1", Fixtures.readPurse()));
        answer(step(CARD, "read", null), CARD, "{\"statusCode\":162,\"statusMessage\":\"Balance too low\"}");
        SessionResult result;
        try (DeviceGatewayClient client = client().build()) {
            result = client.session(VirtualCardExecutor.sampleTransitCard()).build().run(Fixtures.topUp());
        }
        assertThat(result.outcome()).isEqualTo(SessionOutcome.TES_FAILURE);
        assertThat(result.rounds()).isEqualTo(2);
        assertThat(result.lastStatus().status()).contains(GatewayStatus.INSUFFICIENT_BALANCE);
        assertThat(result.lastStatusMessage()).isEqualTo("Balance too low");
        assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(GatewayStatusException.class, e -> {
            assertThat(e.code()).isEqualTo("162");
            assertThat(e.operation()).isEqualTo("getCardCommands");
        });
    }

    @Test
    void theRoundLimitStopsARunawayTesWithoutRunningItsCommands() {
        answer(CARD, Fixtures.commands("1", Fixtures.readPurse()));
        AtomicInteger executed = new AtomicInteger();
        VirtualCardExecutor card = VirtualCardExecutor.sampleTransitCard();
        SessionResult result;
        try (DeviceGatewayClient client = client().build()) {
            result = client.session(commands -> {
                executed.incrementAndGet();
                return card.execute(commands);
            }).maxRounds(3).build().run(Fixtures.topUp());
        }
        assertThat(result.outcome()).isEqualTo(SessionOutcome.ROUND_LIMIT);
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(executed).hasValue(2);
        assertThat(sentRequests()).hasSize(3);
        assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(CommandSessionException.class,
                e -> assertThat(e.result()).isSameAs(result));
    }

    @Test
    void anExpiredDeadlineIsReportedAs322WithTheResponsesObtained() {
        answer(step(CARD, STARTED, "late"), CARD, Fixtures.commands("1", Fixtures.readPurse()));
        answer(step(CARD, "late", null), CARD, "{\"statusCode\":322}");
        AtomicLong clock = new AtomicLong();
        VirtualCardExecutor card = VirtualCardExecutor.sampleTransitCard();
        DeviceCommandExecutor slowDevice = commands -> {
            clock.addAndGet(Duration.ofMinutes(3).toNanos());
            return card.execute(commands);
        };
        SessionResult result;
        try (DeviceGatewayClient client = client().build()) {
            result = client.session(slowDevice).deadline(Duration.ofMinutes(2)).nanoClock(clock::get).build()
                    .run(Fixtures.topUp());
        }
        assertThat(result.outcome()).isEqualTo(SessionOutcome.DEADLINE);
        assertThat(result.lastStatus().code()).isEqualTo(322);
        assertThat(result.detail()).contains("322");
        GatewayRequest<?> report = sent(CARD).get(1);
        assertThat(report.statusCode().code()).isEqualTo(322);
        assertThat(report.statusMessage()).contains("deadline");
        assertThat(report.responseTimeMs()).as("measured on the session's clock").isEqualTo(180_000.0);
        assertThat(report.responses()).extracting(CommandResponse::commandId).containsExactly("1");
    }

    @Test
    void aDeadlinePassedBeforeTheDeviceRunsIsReportedWithoutRunningIt() {
        answer(step(CARD, STARTED, "late"), CARD, Fixtures.commands("1", Fixtures.readPurse()));
        answer(step(CARD, "late", null), CARD, "{\"statusCode\":0}");
        AtomicInteger readings = new AtomicInteger();
        AtomicInteger executed = new AtomicInteger();
        // The clock jumps past the deadline after its first reading (the session's start).
        java.util.function.LongSupplier clock = () -> readings.getAndIncrement() == 0 ? 0
                : Duration.ofHours(1).toNanos();
        SessionResult result;
        try (DeviceGatewayClient client = client().build()) {
            result = client.session(commands -> {
                executed.incrementAndGet();
                return List.of();
            }).nanoClock(clock).build().run(Fixtures.topUp());
        }
        assertThat(executed).hasValue(0);
        assertThat(result.outcome()).isEqualTo(SessionOutcome.DEADLINE);
        assertThat(result.lastStatus()).isEqualTo(StatusCode.OK);
        assertThatThrownBy(result::orThrow).isInstanceOf(CommandSessionException.class);
        GatewayRequest<?> report = sent(CARD).get(1);
        assertThat(report.statusCode().code()).isEqualTo(322);
        assertThat(report.responses()).isEmpty();
        assertThat(report.responseTimeMs()).isNull();
    }

    @Test
    void anHttpFailureMidSessionIsThrownAndNothingMoreIsSent() {
        answer(step(CARD, STARTED, "broken"), CARD, Fixtures.commands("1", Fixtures.readPurse()));
        tes.stubFor(step(CARD, "broken", null).willReturn(aResponse().withStatus(500)));
        try (DeviceGatewayClient client = client().build()) {
            CommandSession session = client.session(VirtualCardExecutor.sampleTransitCard()).build();
            assertThatThrownBy(() -> session.run(Fixtures.topUp())).isInstanceOf(HttpStatusException.class);
        }
        assertThat(sentRequests()).hasSize(2);
    }

    @Test
    void anHttpFailureFailsTheAsyncRun() {
        tes.stubFor(post(urlEqualTo(path(CARD))).willReturn(aResponse().withStatus(500)));
        try (DeviceGatewayClient client = client().build()) {
            CommandSession session = client.session(VirtualCardExecutor.sampleTransitCard()).build();
            assertThatThrownBy(() -> session.runAsync(Fixtures.topUp()).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(HttpStatusException.class);
        }
    }

    @Test
    void eachRoundIsLoggedAtDebugWithTheFramesDecoded() {
        stubTopUp();
        CapturedLogs.clear();
        try (DeviceGatewayClient client = client().build()) {
            client.session(VirtualCardExecutor.sampleTransitCard()).build().run(Fixtures.topUp());
        }
        List<String> lines = CapturedLogs.linesOf("io.github.walletdevice.gateway.session");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("DEBUG").contains("getCardCommands device=DEVICE-42 "
                + "round 1: sent statusCode=- responses=0; TES answered 0 (OK) \"OK\" with 1 command(s)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("command 1: " + Fixtures.readPurse() + " = "
                + "ReadWithoutEncryption command to 012E4CD4A1B2C3D4: serviceCodes [1011]"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("response 2: ").contains(
                "WriteWithoutEncryption response from 012E4CD4A1B2C3D4: status 00 00 (success)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("ended COMPLETED after 4 round(s)"));
        assertThat(CapturedLogs.linesOf("io.github.walletdevice.gateway")).anySatisfy(l -> assertThat(l)
                .contains("getCardCommands id=device=DEVICE-42 attempt=1 status=200"));
    }
}
