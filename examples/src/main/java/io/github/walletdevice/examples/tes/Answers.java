package io.github.walletdevice.examples.tes;

import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.Command;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.ParkCardCommandsResponse;
import io.github.walletdevice.gateway.ReaderModeCommandsResponse;
import io.github.walletdevice.gateway.StatusCode;
import java.util.List;

/** The TES's answers, of the response type of each operation. */
final class Answers {
    private Answers() {
    }

    static GatewayResponse commands(GatewayApi api, List<Command> commands) {
        switch (api) {
            case CARD_COMMANDS:
                return CardCommandsResponse.withCommands(commands);
            case PARK_CARD_COMMANDS:
                return ParkCardCommandsResponse.withCommands(commands);
            default:
                return ReaderModeCommandsResponse.withCommands(commands);
        }
    }

    static GatewayResponse completed(GatewayApi api, long balance, String cardAccountId) {
        switch (api) {
            case CARD_COMMANDS:
                return CardCommandsResponse.completed(balance);
            case PARK_CARD_COMMANDS:
                return ParkCardCommandsResponse.completed(balance);
            default:
                return ReaderModeCommandsResponse.completed(balance, cardAccountId);
        }
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
