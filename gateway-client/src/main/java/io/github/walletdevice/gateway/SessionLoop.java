package io.github.walletdevice.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link CommandSession}: the state machine of the command loop (see the class documentation of
 * {@link CommandSession} for its rules). It is handed each answer of the TES and returns the next request, or
 * {@code null} once the session has ended; then {@link #result()} says how. Used by one thread at a time (the async
 * steps are sequential).
 */
final class SessionLoop {
    /** What the session reported to the TES that makes its next answer the last. */
    private enum Report { NONE, DEVICE_FAILURE, DEADLINE }

    private static final Logger LOG = LoggerFactory.getLogger("io.github.walletdevice.gateway.session");

    private final DeviceCommandExecutor device;
    private final int maxRounds;
    private final Duration deadline;
    private final LongSupplier nanoClock;
    private final Consumer<SessionRound> onRound;
    private final GatewayApi api;
    private final long deadlineNanos;
    private final List<SessionRound> rounds = new ArrayList<>();
    private GatewayRequest<?> pending;
    private Report report = Report.NONE;
    private SessionOutcome outcome;
    private String detail;
    private Long balance;
    private String cardAccountId;

    SessionLoop(GatewayRequest<?> first, DeviceCommandExecutor device, int maxRounds, Duration deadline,
                LongSupplier nanoClock, Consumer<SessionRound> onRound) {
        this.device = device;
        this.maxRounds = maxRounds;
        this.deadline = deadline;
        this.nanoClock = nanoClock;
        this.onRound = onRound;
        this.pending = Objects.requireNonNull(first, "first");
        this.api = first.api();
        this.deadlineNanos = nanoClock.getAsLong() + deadline.toNanos();
    }

    /** Handles the TES's answer to the pending request; returns the next request, or null when done. */
    GatewayRequest<?> onAnswer(GatewayResponse answer) {
        int number = rounds.size() + 1;
        SessionRound round = new SessionRound(number, pending, answer);
        rounds.add(round);
        logAnswer(number, answer);
        onRound.accept(round);
        if (answer.balance() != null) {
            balance = answer.balance();
        }
        if (answer instanceof ReaderModeCommandsResponse r && r.cardAccountId() != null) {
            cardAccountId = r.cardAccountId();
        }
        if (report == Report.DEVICE_FAILURE) {
            return finish(SessionOutcome.DEVICE_FAILURE, detail + "; the TES answered " + answer.statusCode());
        }
        if (report == Report.DEADLINE) {
            return finish(SessionOutcome.DEADLINE, detail + "; the TES answered " + answer.statusCode());
        }
        if (!answer.isOk()) {
            return finish(SessionOutcome.TES_FAILURE, "The TES answered " + answer.statusCode()
                    + (answer.statusMessage() == null ? "" : ": " + answer.statusMessage()));
        }
        if (answer.commands().isEmpty()) {
            return finish(SessionOutcome.COMPLETED, "The TES answered 0 with no more commands");
        }
        if (number >= maxRounds) {
            return finish(SessionOutcome.ROUND_LIMIT, "The TES still sent " + answer.commands().size()
                    + " command(s) after " + number + " rounds, the limit; they were not run");
        }
        if (expired()) {
            return reportDeadline(List.of(), null);
        }
        return runDevice(answer.commands());
    }

    private GatewayRequest<?> runDevice(List<Command> commands) {
        long start = nanoClock.getAsLong();
        List<CommandResponse> responses;
        StatusCode status = StatusCode.OK;
        String message = null;
        try {
            responses = Objects.requireNonNull(device.execute(commands), "the executor returned null");
            for (CommandResponse r : responses) {
                Objects.requireNonNull(r, "the executor returned a null response");
            }
        } catch (DeviceFailureException e) {
            responses = e.responses();
            status = StatusCode.of(e.failure().status());
            message = e.getMessage() == null ? status.description() : e.getMessage();
            report = Report.DEVICE_FAILURE;
            detail = "The device failed (" + status + "): " + message;
        } catch (RuntimeException e) {
            // An executor's bug or an unexpected device error: the TES must still hear of it. Only a
            // DeviceFailureException carries the responses the card gave before failing (DeviceCommandExecutor
            // requires it, ofFrames does it); from anything else there is nothing to report but the failure.
            responses = List.of();
            status = StatusCode.of(GatewayStatus.DEVICE_UNEXPECTED_ERROR);
            message = "Device executor failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
            report = Report.DEVICE_FAILURE;
            detail = "The device failed (" + status + "): " + message;
        }
        double elapsedMs = (nanoClock.getAsLong() - start) / 1_000_000.0;
        logResponses(commands, responses, elapsedMs);
        if (report == Report.NONE && expired()) {
            return reportDeadline(responses, elapsedMs);
        }
        pending = pending.nextRound(responses, elapsedMs, status, message);
        return pending;
    }

    private GatewayRequest<?> reportDeadline(List<CommandResponse> responses, Double elapsedMs) {
        report = Report.DEADLINE;
        detail = "The session's deadline of " + deadline + " passed; reported to the TES as 322";
        pending = pending.nextRound(responses, elapsedMs, StatusCode.of(GatewayStatus.OPERATION_EXPIRED),
                "The TSH's deadline of " + deadline + " for this operation passed");
        return pending;
    }

    private boolean expired() {
        return nanoClock.getAsLong() - deadlineNanos >= 0;
    }

    private GatewayRequest<?> finish(SessionOutcome how, String why) {
        outcome = how;
        detail = why;
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} device={} ended {} after {} round(s): {}", api, pending.deviceId(), how, rounds.size(),
                    why);
        }
        return null;
    }

    SessionResult result() {
        GatewayResponse last = rounds.get(rounds.size() - 1).response();
        return new SessionResult(api, outcome, rounds.size(), balance, cardAccountId, last.statusCode(),
                last.statusMessage(), detail, rounds);
    }

    private void logAnswer(int number, GatewayResponse answer) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        LOG.debug("{} device={} round {}: sent statusCode={} responses={}; TES answered {}{} with {} command(s)"
                        + "{}", api, pending.deviceId(), number,
                pending.statusCode() == null ? "-" : pending.statusCode().code(), pending.responses().size(),
                answer.statusCode(), answer.statusMessage() == null ? "" : " \"" + answer.statusMessage() + "\"",
                answer.commands().size(), answer.balance() == null ? "" : ", balance " + answer.balance());
        for (Command c : answer.commands()) {
            LOG.debug("  command {}: {} = {}", c.commandId(), c.command(), FrameExplainer.command(c.frame()));
        }
    }

    private void logResponses(List<Command> commands, List<CommandResponse> responses, double elapsedMs) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        Map<String, byte[]> sent = new HashMap<>();
        for (Command c : commands) {
            sent.putIfAbsent(c.commandId(), c.frame());
        }
        LOG.debug("  device answered {} of {} command(s) in {} ms{}", responses.size(), commands.size(),
                String.format(Locale.ROOT, "%.3f", elapsedMs),
                report == Report.DEVICE_FAILURE ? ", then failed: " + detail : "");
        for (CommandResponse r : responses) {
            LOG.debug("  response {}: {} = {}", r.commandId(), r.response(),
                    FrameExplainer.response(r.frame(), sent.get(r.commandId())));
        }
    }
}
