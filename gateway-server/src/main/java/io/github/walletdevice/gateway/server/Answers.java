package io.github.walletdevice.gateway.server;

import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.ParkCardCommandsResponse;
import io.github.walletdevice.gateway.ReaderModeCommandsResponse;
import io.github.walletdevice.gateway.StatusCode;

/** Failure answers of the response type of each operation. */
final class Answers {
    private Answers() {
    }

    static GatewayResponse failure(GatewayApi api, GatewayStatus status, String message) {
        return failure(api, status.statusCode(), message);
    }

    static GatewayResponse failure(GatewayApi api, StatusCode status, String message) {
        switch (api) {
            case CARD_COMMANDS:
                return CardCommandsResponse.failure(status, message);
            case PARK_CARD_COMMANDS:
                return ParkCardCommandsResponse.failure(status, message);
            default:
                return ReaderModeCommandsResponse.failure(status, message);
        }
    }
}
