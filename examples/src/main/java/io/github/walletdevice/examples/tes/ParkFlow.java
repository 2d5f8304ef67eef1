package io.github.walletdevice.examples.tes;

import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import java.util.List;
import java.util.Map;

/**
 * {@code getParkCardCommands}: Polling the transit system, then reading the purse; the balance is stored as the
 * card's parked balance and returned.
 */
final class ParkFlow implements TesFlow {
    private static final int POLLED = 1;
    private static final int READ = 2;

    private final Map<String, Long> parked;

    ParkFlow(Map<String, Long> parked) {
        this.parked = parked;
    }

    @Override
    public GatewayResponse start(TesSession s, GatewayRequest request) {
        s.step = POLLED;
        return Answers.commands(GatewayApi.PARK_CARD_COMMANDS, s.send(PollingCommand.of(CardImages.TRANSIT_SYSTEM)));
    }

    @Override
    public GatewayResponse next(TesSession s, GatewayRequest request, List<FelicaResponse> answers) {
        if (s.step == POLLED) {
            s.idm = ((PollingResponse) answers.get(0)).idm();
            s.step = READ;
            return Answers.commands(GatewayApi.PARK_CARD_COMMANDS,
                    s.send(ReadWithoutEncryptionCommand.of(s.idm, CardImages.PURSE, 0)));
        }
        ReadWithoutEncryptionResponse read = TesSession.checked((ReadWithoutEncryptionResponse) answers.get(0),
                "read the purse");
        long balance = PurseBlock.parse(read.block(0)).balance();
        parked.put(s.cardId, balance);
        return Answers.completed(GatewayApi.PARK_CARD_COMMANDS, balance, null);
    }
}
