package io.github.walletdevice.examples.check;

import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.DeviceFailure;
import io.github.walletdevice.gateway.DeviceFailureException;
import io.github.walletdevice.gateway.GatewayResponse;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.SessionOutcome;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.StatusCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A device that fails on the first round of a top-up, reported by the SDK's command loop as 221, 231 or 232: the
 * TES must end the operation with a non-zero status and no more commands, after which the operation is gone (a
 * later round is an unknown session, 118).
 */
final class DeviceFailureChecks {

    private DeviceFailureChecks() {
    }

    static List<ConformanceCheck> all() {
        List<ConformanceCheck> checks = new ArrayList<>();
        for (DeviceFailure failure : DeviceFailure.values()) {
            GatewayStatus status = failure.status();
            checks.add(new ConformanceCheck("device-failure-" + status.code(),
                    "a top-up whose device fails on the first round, reported as " + status.code() + " ("
                            + status.description() + ")",
                    "the TSH reports a device failure with status " + status.code() + " (Device Gateway API);"
                            + " the TES's answer ends the operation with a non-zero status and no commands, after"
                            + " which a later round is an unknown session, 118 (reconstructed)",
                    "non-zero; later round 118",
                    (ctx, device) -> check(ctx, device, failure)));
        }
        return checks;
    }

    private static Verdict check(CheckContext ctx, String device, DeviceFailure failure) {
        CardCommandsRequest first = ctx.topUp(device);
        List<String> commandIds = new ArrayList<>();
        SessionResult r = ctx.session(commands -> {
            commands.forEach(c -> commandIds.add(c.commandId()));
            throw new DeviceFailureException(failure, "walletdevice gateway check: simulated "
                    + failure.status().description().toLowerCase(java.util.Locale.ROOT));
        }, first);
        if (r.outcome() != SessionOutcome.DEVICE_FAILURE) {
            return Verdict.fail("the top-up never reached a round of commands: " + Sessions.describe(r));
        }
        GatewayResponse answer = Sessions.lastAnswer(r);
        TesAnswer ended = TesAnswer.of(answer);
        if (answer.isOk()) {
            ctx.end(first, ended);
            return Verdict.fail("the TES answered the failure with " + ended.describe());
        }
        // The operation must be over: the responses the device could not give, sent now, belong to no operation.
        TesAnswer later = ctx.call(first.nextRound(Sessions.pollingAnswer(commandIds.get(0)), 10.0,
                StatusCode.OK, null));
        ctx.end(first, later);
        return Verdict.of(later.is(GatewayStatus.UNKNOWN_SESSION), "the TES answered the failure with "
                + ended.describe() + "; a later round: " + later.describe());
    }
}
