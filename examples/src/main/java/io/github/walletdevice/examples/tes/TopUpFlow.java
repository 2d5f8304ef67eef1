package io.github.walletdevice.examples.tes;

import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import io.github.walletdevice.felica.WriteWithoutEncryptionResponse;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.server.CardCommandsHandler;
import io.github.walletdevice.gateway.server.GatewayFailure;
import io.github.walletdevice.gateway.server.GatewaySession;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code getCardCommands}: a purse update (a top-up, or a debit when the amount is negative), in four rounds:
 * Polling the transit system (to learn the card's IDm); reading the purse; writing the new balance and a history
 * record; reading the purse back to verify. The amount is the purchase's: {@code purchaseId} may end with
 * {@code @<amount>} ({@code P-1@2000} tops up 2000, {@code P-2@-300} debits 300); without it, the default amount.
 */
final class TopUpFlow implements CardCommandsHandler {
    private static final Pattern AMOUNT = Pattern.compile("@(-?\\d{1,10})$");

    private final long defaultAmount;
    private final Clock clock;

    TopUpFlow(long defaultAmount, Clock clock) {
        this.defaultAmount = defaultAmount;
        this.clock = clock;
    }

    static long amount(String purchaseId, long defaultAmount) {
        if (purchaseId == null) {
            return defaultAmount;
        }
        Matcher m = AMOUNT.matcher(purchaseId);
        return m.find() ? Long.parseLong(m.group(1)) : defaultAmount;
    }

    @Override
    public CardCommandsResponse handle(CardCommandsRequest request, GatewaySession s) {
        switch (s.round()) {
            case 1:
                return CardCommandsResponse.withCommands(s.commands(PollingCommand.of(CardImages.TRANSIT_SYSTEM)));
            case 2: {
                Idm idm = s.answer(0, PollingResponse.class).idm();
                s.put("idm", idm);
                return CardCommandsResponse.withCommands(s.commands(
                        ReadWithoutEncryptionCommand.of(idm, CardImages.PURSE, 0)));
            }
            case 3:
                return write(request, s, PurseBlock.parse(
                        s.answer(0, ReadWithoutEncryptionResponse.class, "read the purse").block(0)));
            case 4:
                s.answer(0, WriteWithoutEncryptionResponse.class, "write the purse");
                s.answer(1, WriteWithoutEncryptionResponse.class, "write the history");
                return CardCommandsResponse.withCommands(s.commands(
                        ReadWithoutEncryptionCommand.of(s.get("idm", Idm.class), CardImages.PURSE, 0)));
            default: {
                long balance = PurseBlock.parse(s.answer(0, ReadWithoutEncryptionResponse.class,
                        "read the purse back").block(0)).balance();
                long written = s.get("balanceAfter", Long.class);
                if (balance != written) {
                    throw new GatewayFailure(GatewayStatus.OPERATION_FAILED, "The purse reads " + balance
                            + " after writing " + written);
                }
                return CardCommandsResponse.completed(balance);
            }
        }
    }

    private CardCommandsResponse write(CardCommandsRequest request, GatewaySession s, PurseBlock purse) {
        long amount = amount(request.purchaseId(), defaultAmount);
        long after = purse.balance() + amount;
        if (after < 0) {
            throw new GatewayFailure(GatewayStatus.INSUFFICIENT_BALANCE, "The card holds " + purse.balance()
                    + ", less than the " + -amount + " to debit");
        }
        if (after > 0xFFFF_FFFFL) {
            throw new GatewayFailure(GatewayStatus.OPERATION_FAILED, "A balance of " + after
                    + " does not fit the purse");
        }
        int executionId = (purse.executionId() + 1) & 0xFFFF;
        s.put("balanceAfter", after);
        HistoryRecord record = new HistoryRecord(amount >= 0 ? HistoryRecord.TOP_UP : HistoryRecord.DEBIT,
                Math.abs(amount), after, executionId, clock.instant().getEpochSecond());
        Idm idm = s.get("idm", Idm.class);
        return CardCommandsResponse.withCommands(s.commands(
                WriteWithoutEncryptionCommand.of(idm, CardImages.PURSE, 0,
                        purse.withBalance(after).withExecutionId(executionId).toBytes()),
                WriteWithoutEncryptionCommand.of(idm, CardImages.HISTORY, 0, record.toBytes())));
    }
}
