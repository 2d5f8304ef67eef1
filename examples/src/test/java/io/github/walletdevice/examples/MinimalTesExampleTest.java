package io.github.walletdevice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.emulator.CardImage;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.SessionOutcome;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import io.github.walletdevice.gateway.server.GatewayHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK's command loop, with the virtual card as the phone, against the TES of {@link MinimalTesExample}. */
class MinimalTesExampleTest {
    private GatewayHttpServer http;
    private DeviceGatewayClient client;

    @BeforeEach
    void start() {
        http = GatewayHttpServer.start(MinimalTesExample.tes(), 0);
        client = DeviceGatewayClient.builder().baseUrl(http.baseUrl()).actorId("TSH-MINIMAL").build();
    }

    @AfterEach
    void stop() {
        client.close();
        http.close();
    }

    @Test
    void aTopUpAddsOneHundredToThePurse() {
        VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
        SessionResult result = client.session(phone).build().run(CardCommandsRequest.builder().issuerId("ISS")
                .cardId("CARD-1").deviceId("DEVICE-1").build());
        assertThat(result.outcome()).isEqualTo(SessionOutcome.COMPLETED);
        assertThat(result.rounds()).isEqualTo(4);
        assertThat(result.balance()).isEqualTo(600L);
        assertThat(PurseBlock.parse(phone.card().readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE, 0))
                .balance()).isEqualTo(600);
    }

    @Test
    void parkAndReaderModeAnswerTheCardsBalance() {
        SessionResult park = client.session(VirtualCardExecutor.of(CardImages.transitSample(321, "WD1")))
                .build().run(ParkCardCommandsRequest.builder().issuerId("ISS").cardId("CARD-2").deviceId("DEVICE-2")
                        .build());
        assertThat(park.outcome()).isEqualTo(SessionOutcome.COMPLETED);
        assertThat(park.balance()).isEqualTo(321L);
        SessionResult reader = client.session(VirtualCardExecutor.of(CardImages.transitSample(77, "WD2")))
                .build().run(ReaderModeCommandsRequest.builder().issuerId("ISS").deviceId("DEVICE-3").build());
        assertThat(reader.balance()).isEqualTo(77L);
        assertThat(reader.cardAccountId()).isEqualTo("ACC-" + CardImages.TRANSIT_IDM);
    }

    @Test
    void aCardWithoutThePurseIsRefusedWithUnsupportedService() {
        CardImage noPurse = CardImage.builder().idm(CardImages.TRANSIT_IDM)
                .system(CardImages.TRANSIT_SYSTEM, s -> s.service(CardImages.HISTORY, 2)).build();
        SessionResult result = client.session(VirtualCardExecutor.of(noPurse)).build()
                .run(ParkCardCommandsRequest.builder().issuerId("ISS").cardId("CARD-4").deviceId("DEVICE-4").build());
        assertThat(result.outcome()).isEqualTo(SessionOutcome.TES_FAILURE);
        assertThat(result.lastStatus().status()).contains(GatewayStatus.UNSUPPORTED_SERVICE);
        assertThat(result.lastStatusMessage()).contains("A6");
    }
}
