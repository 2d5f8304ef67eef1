package io.github.walletdevice.examples.tes;

import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardContents;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code getReaderModeCommands}: the phone has already polled the external card and sent what it found in
 * {@code cardContents}; the TES reads the purse and the card-information block at that IDm, creates a card account
 * ({@code ACC-<IDm>-<n>}) and returns it with the balance. A card of another system than the transit one (0003) is
 * refused with 172; without the IDm the TES cannot address the card (111).
 */
final class ReaderModeFlow implements TesFlow {
    private final AtomicLong accounts;
    private final Map<String, String> accountsByCardNumber;

    ReaderModeFlow(AtomicLong accounts, Map<String, String> accountsByCardNumber) {
        this.accounts = accounts;
        this.accountsByCardNumber = accountsByCardNumber;
    }

    @Override
    public GatewayResponse start(TesSession s, GatewayRequest request) {
        CardContents contents = ((ReaderModeCommandsRequest) request).cardContents();
        if (contents == null || contents.idm() == null) {
            throw new TesFailure(GatewayStatus.MISSING_MANDATORY_PARAMETER,
                    "Missing mandatory parameter: cardContents.idm (the external card's IDm)");
        }
        if (contents.systemCode() != null && !SystemCode.parse(contents.systemCode())
                .equals(CardImages.TRANSIT_SYSTEM)) {
            throw new TesFailure(GatewayStatus.UNSUPPORTED_SYSTEM_CODE, "System code " + contents.systemCode()
                    + " is not the transit system " + CardImages.TRANSIT_SYSTEM);
        }
        s.idm = Idm.parse(contents.idm());
        s.step = 1;
        return Answers.commands(GatewayApi.READER_MODE_COMMANDS, s.send(
                ReadWithoutEncryptionCommand.of(s.idm, CardImages.PURSE, 0),
                ReadWithoutEncryptionCommand.of(s.idm, CardImages.CARD_INFO, 0)));
    }

    @Override
    public GatewayResponse next(TesSession s, GatewayRequest request, List<FelicaResponse> answers) {
        ReadWithoutEncryptionResponse purse = TesSession.checked((ReadWithoutEncryptionResponse) answers.get(0),
                "read the purse");
        ReadWithoutEncryptionResponse info = TesSession.checked((ReadWithoutEncryptionResponse) answers.get(1),
                "read the card information");
        long balance = PurseBlock.parse(purse.block(0)).balance();
        String cardNumber = CardImages.cardAccountId(info.block(0));
        String account = "ACC-" + s.idm + "-" + accounts.incrementAndGet();
        accountsByCardNumber.put(cardNumber.isEmpty() ? s.idm.toString() : cardNumber, account);
        return Answers.completed(GatewayApi.READER_MODE_COMMANDS, balance, account);
    }
}
