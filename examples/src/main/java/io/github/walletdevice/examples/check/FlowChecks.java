package io.github.walletdevice.examples.check;

import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.util.List;

/**
 * Whole operations with the SDK's command loop and a virtual FeliCa card (the FeliCa codec's sample transit card):
 * each must end with status 0, no more commands, and what the operation promises.
 */
final class FlowChecks {
    private static final String LOOP = "the TES returns the commands to run until the operation is done (Device"
            + " Gateway API); ";
    private static final String DONE = "completes: 0 and a balance";

    private FlowChecks() {
    }

    static List<ConformanceCheck> all() {
        return List.of(
                new ConformanceCheck("card-session", "a top-up (getCardCommands) on the virtual card",
                        LOOP + "done, it answers statusCode 0, no commands and the balance (reconstructed)", DONE,
                        (ctx, device) -> completed(ctx.session(VirtualCardExecutor.sampleTransitCard(),
                                ctx.topUp(device)))),
                new ConformanceCheck("park-session", "parking the virtual card (getParkCardCommands)",
                        LOOP + "done, it answers statusCode 0, no commands and the balance (reconstructed)", DONE,
                        (ctx, device) -> completed(ctx.session(VirtualCardExecutor.sampleTransitCard(),
                                ctx.park(device)))),
                new ConformanceCheck("reader-mode-session",
                        "reading the virtual card in reader mode (getReaderModeCommands)",
                        LOOP + "done, it answers statusCode 0, the balance (reconstructed) and cardAccountId"
                                + " (string, 1-48)", "completes: 0, balance, account",
                        FlowChecks::readerMode));
    }

    private static Verdict completed(SessionResult r) {
        return Verdict.of(r.isSuccess() && r.balance() != null, Sessions.describe(r)
                + (r.isSuccess() && r.balance() == null ? ", no balance" : ""));
    }

    private static Verdict readerMode(CheckContext ctx, String device) {
        VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
        SessionResult r = ctx.session(phone, ctx.readerMode(device, phone));
        String account = r.cardAccountId();
        int length = account == null ? 0 : account.codePointCount(0, account.length());
        boolean accountOk = length >= 1 && length <= 48;
        return Verdict.of(r.isSuccess() && r.balance() != null && accountOk, Sessions.describe(r)
                + (r.isSuccess() && r.balance() == null ? ", no balance" : "")
                + (r.isSuccess() && !accountOk ? (account == null ? ", no cardAccountId"
                        : ", a cardAccountId of " + length + " characters") : ""));
    }
}
