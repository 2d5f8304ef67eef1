package io.github.walletdevice.examples.tes;

import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import io.github.walletdevice.felica.WriteWithoutEncryptionResponse;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.GatewayApi;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code getCardCommands}: a purse update (a top-up, or a debit when the amount is negative), in four rounds:
 * Polling the transit system (to learn the card's IDm); reading the purse; writing the new balance and a history
 * record; reading the purse back to verify. The amount is the purchase's: {@code purchaseId} may end with
 * {@code @<amount>} ({@code P-1@2000} tops up 2000, {@code P-2@-300} debits 300); without it, the default amount.
 */
final class TopUpFlow implements TesFlow {
    private static final Pattern AMOUNT = Pattern.compile("@(-?\\d{1,10})$");
    private static final int POLLED = 1;
    private static final int READ = 2;
    private static final int WRITTEN = 3;
    private static final int VERIFIED = 4;

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
    public GatewayResponse start(TesSession s, GatewayRequest request) {
        s.step = POLLED;
        return Answers.commands(GatewayApi.CARD_COMMANDS, s.send(PollingCommand.of(CardImages.TRANSIT_SYSTEM)));
    }

    @Override
    public GatewayResponse next(TesSession s, GatewayRequest request, List<FelicaResponse> answers) {
        switch (s.step) {
            case POLLED: {
                s.idm = ((PollingResponse) answers.get(0)).idm();
                s.step = READ;
                return Answers.commands(GatewayApi.CARD_COMMANDS,
                        s.send(ReadWithoutEncryptionCommand.of(s.idm, CardImages.PURSE, 0)));
            }
            case READ: {
                ReadWithoutEncryptionResponse read = TesSession.checked((ReadWithoutEncryptionResponse) answers.get(0),
                        "read the purse");
                PurseBlock purse = PurseBlock.parse(read.block(0));
                long amount = amount(((CardCommandsRequest) request).purchaseId(), defaultAmount);
                long after = purse.balance() + amount;
                if (after < 0) {
                    throw new TesFailure(GatewayStatus.INSUFFICIENT_BALANCE, "The card holds " + purse.balance()
                            + ", less than the " + -amount + " to debit");
                }
                if (after > 0xFFFF_FFFFL) {
                    throw new TesFailure(GatewayStatus.OPERATION_FAILED, "A balance of " + after
                            + " does not fit the purse");
                }
                s.balanceBefore = purse.balance();
                s.balanceAfter = after;
                s.executionId = (purse.executionId() + 1) & 0xFFFF;
                HistoryRecord record = new HistoryRecord(amount >= 0 ? HistoryRecord.TOP_UP : HistoryRecord.DEBIT,
                        Math.abs(amount), after, s.executionId, clock.instant().getEpochSecond());
                s.step = WRITTEN;
                return Answers.commands(GatewayApi.CARD_COMMANDS, s.send(
                        WriteWithoutEncryptionCommand.of(s.idm, CardImages.PURSE, 0,
                                purse.withBalance(after).withExecutionId(s.executionId).toBytes()),
                        WriteWithoutEncryptionCommand.of(s.idm, CardImages.HISTORY, 0, record.toBytes())));
            }
            case WRITTEN: {
                TesSession.checked((WriteWithoutEncryptionResponse) answers.get(0), "write the purse");
                TesSession.checked((WriteWithoutEncryptionResponse) answers.get(1), "write the history");
                s.step = VERIFIED;
                return Answers.commands(GatewayApi.CARD_COMMANDS,
                        s.send(ReadWithoutEncryptionCommand.of(s.idm, CardImages.PURSE, 0)));
            }
            default: {
                ReadWithoutEncryptionResponse read = TesSession.checked((ReadWithoutEncryptionResponse) answers.get(0),
                        "read the purse back");
                long balance = PurseBlock.parse(read.block(0)).balance();
                if (balance != s.balanceAfter) {
                    throw new TesFailure(GatewayStatus.OPERATION_FAILED, "The purse reads " + balance
                            + " after writing " + s.balanceAfter);
                }
                return Answers.completed(GatewayApi.CARD_COMMANDS, balance, null);
            }
        }
    }
}
