package io.github.walletdevice.examples.check;

import static io.github.walletdevice.examples.check.ConformanceCheck.rule;
import static io.github.walletdevice.examples.check.ConformanceCheck.status;

import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.DeviceCommandExecutor;
import io.github.walletdevice.gateway.DeviceFailureException;
import io.github.walletdevice.gateway.GatewayStatus;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.StatusCode;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the TES ties rounds into operations: a round with no operation behind it (118), a first call carrying
 * statusCode 0 (not an error), a second operation on a busy device (321), a round after the time to live (322).
 */
final class SessionChecks {
    private SessionChecks() {
    }

    static List<ConformanceCheck> all() {
        return List.of(
                new ConformanceCheck("session-unknown",
                        "getCardCommands carrying responses on a device with no operation in progress",
                        rule("a round carrying responses belongs to the operation in progress on the device"
                                + " (reconstructed)",
                                GatewayStatus.UNKNOWN_SESSION), status(GatewayStatus.UNKNOWN_SESSION),
                        SessionChecks::unknownSession),
                new ConformanceCheck("first-call-status-0",
                        "a top-up whose first call carries statusCode 0 (and no responses)",
                        "statusCode is optional in a request and 0 is OK (Device Gateway API); a first call is"
                                + " one without responses, whatever its status (reconstructed): the operation starts"
                                + " and completes",
                        "0, then it completes", SessionChecks::firstCallWithStatusZero),
                new ConformanceCheck("operation-on-going",
                        "another top-up's first call on a device whose top-up is in progress",
                        rule("one operation at a time per device; the one in progress goes on and completes"
                                + " (reconstructed)",
                                GatewayStatus.OPERATION_ALREADY_ONGOING),
                        "321; the first completes", SessionChecks::operationOnGoing));
    }

    /** Run last: it waits out the TES's time to live. */
    static ConformanceCheck timeToLive() {
        return new ConformanceCheck("ttl-expired", "a round of a top-up sent after the TES's time to live",
                rule("an operation lives for the TES's time to live; a later round after it is refused",
                        GatewayStatus.OPERATION_EXPIRED), status(GatewayStatus.OPERATION_EXPIRED),
                SessionChecks::ttlExpired);
    }

    private static Verdict unknownSession(CheckContext ctx, String device) {
        CardCommandsRequest first = ctx.topUp(device);
        TesAnswer answer = ctx.call(first.nextRound(Sessions.pollingAnswer("1"), 12.0, StatusCode.OK, null));
        ctx.end(first, answer);
        return Verdict.of(answer.is(GatewayStatus.UNKNOWN_SESSION), answer.describe());
    }

    private static Verdict firstCallWithStatusZero(CheckContext ctx, String device) {
        CardCommandsRequest first = ctx.topUp(device).toBuilder().statusCode(StatusCode.OK).build();
        SessionResult r = ctx.session(VirtualCardExecutor.sampleTransitCard(), first);
        return Verdict.of(r.isSuccess(), Sessions.describe(r));
    }

    /** The intruding first call goes while the device runs the first round of the operation in progress. */
    private static Verdict operationOnGoing(CheckContext ctx, String device) {
        CardCommandsRequest first = ctx.topUp(device);
        VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
        AtomicReference<TesAnswer> intruder = new AtomicReference<>();
        CardCommandsRequest another = first.toBuilder().purchaseId(first.purchaseId() + "-2").build();
        DeviceCommandExecutor busyDevice = commands -> {
            if (intruder.get() == null) {
                intruder.set(ctx.call(another));
            }
            return phone.execute(commands);
        };
        SessionResult r = ctx.session(busyDevice, first);
        TesAnswer second = intruder.get();
        if (second == null) {
            return Verdict.fail("the top-up never reached a round of commands: " + Sessions.describe(r));
        }
        ctx.end(another, second);
        return Verdict.of(second.is(GatewayStatus.OPERATION_ALREADY_ONGOING) && r.isSuccess(),
                "second first call: " + second.describe() + "; operation in progress: " + Sessions.describe(r));
    }

    private static Verdict ttlExpired(CheckContext ctx, String device) {
        if (ctx.options().ttl().isEmpty()) {
            return Verdict.skipped("the TES's time to live is not known: give it (--ttl) to run this check");
        }
        Duration wait = ctx.options().ttl().get().plus(CheckOptions.TTL_MARGIN);
        CardCommandsRequest first = ctx.topUp(device);
        TesAnswer opened = ctx.call(first);
        if (!opened.hasCommands()) {
            return Verdict.fail("the first call opened no operation: " + opened.describe());
        }
        List<CommandResponse> responses;
        try {
            responses = VirtualCardExecutor.sampleTransitCard().execute(opened.response().commands());
        } catch (DeviceFailureException e) {
            ctx.end(first, opened);
            return Verdict.fail("the virtual card could not run the first commands: " + e.getMessage());
        }
        try {
            ctx.options().waiter().await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.end(first, opened);
            return Verdict.skipped("interrupted while waiting out the time to live");
        }
        TesAnswer late = ctx.call(first.nextRound(responses, 10.0, StatusCode.OK, null));
        ctx.end(first, late);
        return Verdict.of(late.is(GatewayStatus.OPERATION_EXPIRED),
                "after " + wait.toMillis() + " ms: " + late.describe());
    }
}
