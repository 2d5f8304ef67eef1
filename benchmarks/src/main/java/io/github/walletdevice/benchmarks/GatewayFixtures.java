package io.github.walletdevice.benchmarks;

import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.Operation;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The one getCardCommands exchange the gateway benchmarks repeat: the same fields on both sides. */
final class GatewayFixtures {
    static final String ISSUER_ID = "ISSUER01";
    static final String CARD_ID = "CARD-0001-TRANSIT";
    static final String PURCHASE_ID = "PURCHASE-2026-000001";
    static final String DEVICE_ID = "DEVICE-42";
    static final String ACTOR_ID = "TSH-BENCH";
    static final String PATH = "/tes/devicegtwapi/1/0/getCardCommands";

    /** The TES's answer: status 0 and two Read Without Encryption commands (purse, then 4 history blocks). */
    static final byte[] ANSWER = ("{\"statusCode\":0,\"statusMessage\":\"OK\",\"commands\":["
            + "{\"commandId\":\"1\",\"command\":\"" + hex(ReadWithoutEncryptionCommand.of(CardImages.TRANSIT_IDM,
                    CardImages.PURSE, 0).encode()) + "\"},"
            + "{\"commandId\":\"2\",\"command\":\"" + hex(ReadWithoutEncryptionCommand.of(CardImages.TRANSIT_IDM,
                    CardImages.HISTORY, 0, 1, 2, 3).encode()) + "\"}]}").getBytes(StandardCharsets.UTF_8);

    private GatewayFixtures() {
    }

    /** What an SDK user builds per call (validated in the constructor). */
    static CardCommandsRequest sdkRequest() {
        return CardCommandsRequest.builder().issuerId(ISSUER_ID).cardId(CARD_ID).purchaseId(PURCHASE_ID)
                .deviceId(DEVICE_ID).operation(Operation.TOPUP).build();
    }

    /** What a hand-written client builds per call. */
    static HandWrittenGateway.Request handWrittenRequest() {
        return new HandWrittenGateway.Request(ISSUER_ID, CARD_ID, PURCHASE_ID, DEVICE_ID, "TOPUP");
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
