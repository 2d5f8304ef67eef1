package io.github.walletdevice.examples.tes;

import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.server.GatewaySession;
import io.github.walletdevice.gateway.server.ParkCardCommandsHandler;
import java.util.Map;

/**
 * {@code getParkCardCommands}: Polling the transit system, then reading the purse; the balance is stored as the
 * card's parked balance and returned.
 */
final class ParkFlow implements ParkCardCommandsHandler {
    private final Map<String, Long> parked;

    ParkFlow(Map<String, Long> parked) {
        this.parked = parked;
    }

    @Override
    public CardCommandsResponse handle(ParkCardCommandsRequest request, GatewaySession s) {
        if (s.round() == 1) {
            return CardCommandsResponse.withCommands(s.commands(PollingCommand.of(CardImages.TRANSIT_SYSTEM)));
        }
        if (s.round() == 2) {
            return CardCommandsResponse.withCommands(s.commands(ReadWithoutEncryptionCommand.of(
                    s.answer(0, PollingResponse.class).idm(), CardImages.PURSE, 0)));
        }
        long balance = PurseBlock.parse(s.answer(0, ReadWithoutEncryptionResponse.class, "read the purse").block(0))
                .balance();
        parked.put(request.cardId(), balance);
        return CardCommandsResponse.completed(balance);
    }
}
