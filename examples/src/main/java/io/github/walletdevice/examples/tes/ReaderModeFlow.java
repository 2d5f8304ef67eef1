package io.github.walletdevice.examples.tes;

import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardContents;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsResponse;
import io.github.walletdevice.gateway.server.GatewayFailure;
import io.github.walletdevice.gateway.server.GatewaySession;
import io.github.walletdevice.gateway.server.ReaderModeCommandsHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code getReaderModeCommands}: the TES reads the purse and the card-information block of the external card,
 * creates a card account ({@code ACC-<IDm>-<n>}) and returns it with the balance. The phone may already have
 * polled the card and sent its IDm in {@code cardContents}; the spec makes {@code cardContents} optional, so without
 * an IDm the TES polls the transit system first. A card of another system than the transit one (0003) is refused
 * with 172.
 */
final class ReaderModeFlow implements ReaderModeCommandsHandler {
    private final AtomicLong accounts;
    private final Map<String, String> accountsByCardNumber;

    ReaderModeFlow(AtomicLong accounts, Map<String, String> accountsByCardNumber) {
        this.accounts = accounts;
        this.accountsByCardNumber = accountsByCardNumber;
    }

    @Override
    public ReaderModeCommandsResponse handle(ReaderModeCommandsRequest request, GatewaySession s) {
        CardContents contents = request.cardContents();
        if (s.round() == 1) {
            if (contents != null && contents.systemCode() != null
                    && !SystemCode.parse(contents.systemCode()).equals(CardImages.TRANSIT_SYSTEM)) {
                throw new GatewayFailure(GatewayStatus.UNSUPPORTED_SYSTEM_CODE, "System code "
                        + contents.systemCode() + " is not the transit system " + CardImages.TRANSIT_SYSTEM);
            }
            if (contents == null || contents.idm() == null) {
                return ReaderModeCommandsResponse.withCommands(s.commands(
                        PollingCommand.of(CardImages.TRANSIT_SYSTEM)));
            }
            return read(s, Idm.parse(contents.idm()));
        }
        if (s.get("idm", Idm.class) == null) {
            return read(s, s.answer(0, PollingResponse.class).idm());
        }
        long balance = PurseBlock.parse(s.answer(0, ReadWithoutEncryptionResponse.class, "read the purse")
                .block(0)).balance();
        String cardNumber = CardImages.cardAccountId(s.answer(1, ReadWithoutEncryptionResponse.class,
                "read the card information").block(0));
        Idm idm = s.get("idm", Idm.class);
        String account = "ACC-" + idm + "-" + accounts.incrementAndGet();
        accountsByCardNumber.put(cardNumber.isEmpty() ? idm.toString() : cardNumber, account);
        return ReaderModeCommandsResponse.completed(balance, account);
    }

    private static ReaderModeCommandsResponse read(GatewaySession s, Idm idm) {
        s.put("idm", idm);
        return ReaderModeCommandsResponse.withCommands(s.commands(
                ReadWithoutEncryptionCommand.of(idm, CardImages.PURSE, 0),
                ReadWithoutEncryptionCommand.of(idm, CardImages.CARD_INFO, 0)));
    }
}
