package io.github.walletdevice.gateway;

import io.github.walletdevice.core.Fields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Device Gateway operation to its end: the command loop of the TSH.
 *
 * <ol>
 *   <li>The first call goes without {@code responses}.</li>
 *   <li>While the TES answers {@code statusCode} 0 with commands, they run on the {@link DeviceCommandExecutor}
 *       and the next call carries their {@code responses}, the measured {@code responseTimeMs} and
 *       {@code statusCode} 0.</li>
 *   <li>A device failure is reported, not swallowed: the next call carries 221, 231 or 232, the failure's text as
 *       {@code statusMessage} and the responses obtained before it; the TES's answer ends the session
 *       ({@link SessionOutcome#DEVICE_FAILURE}).</li>
 *   <li>The session ends when the TES answers 0 with no commands ({@link SessionOutcome#COMPLETED}, with the balance
 *       and, in reader mode, the card account), a non-zero status ({@link SessionOutcome#TES_FAILURE}), after
 *       {@link Builder#maxRounds(int) maxRounds} calls ({@link SessionOutcome#ROUND_LIMIT}: the pending commands are
 *       not run, and the TES is not told, its own time-to-live covers it), or when the
 *       {@link Builder#deadline(Duration) deadline} has passed between rounds: the next call then reports 322
 *       (with any responses obtained) and the TES's answer ends the session ({@link SessionOutcome#DEADLINE}).</li>
 * </ol>
 * A round in flight is bounded by the client's call timeout and by the executor's own timeouts; the deadline is
 * checked between them. Transport, HTTP and malformed-answer failures are thrown (the session cannot know what the
 * TES did), with no further call. Each round is logged at DEBUG on {@code io.github.walletdevice.gateway.session},
 * commands and responses decoded by the FeliCa codec.
 *
 * <p>A {@code CommandSession} is an immutable, thread-safe configuration: every {@link #run} is a new loop.
 */
public final class CommandSession {

    /** Default most Device Gateway calls per session. */
    public static final int DEFAULT_MAX_ROUNDS = 32;

    /** Default time a session may take. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger("io.github.walletdevice.gateway.session");

    // Device rounds may block (a phone, a reader): by default each async round gets its own daemon thread rather
    // than a pool thread of the transport or the common pool.
    private static final Executor THREAD_PER_ROUND = task -> {
        Thread t = new Thread(task, "walletdevice-device-round");
        t.setDaemon(true);
        t.start();
    };

    private final DeviceGatewayClient client;
    private final DeviceCommandExecutor device;
    private final int maxRounds;
    private final Duration deadline;
    private final Executor deviceThreads;
    private final LongSupplier nanoClock;
    private final Consumer<SessionRound> onRound;

    private CommandSession(Builder b) {
        this.client = b.client;
        this.device = b.device;
        this.maxRounds = b.maxRounds;
        this.deadline = b.deadline;
        this.deviceThreads = b.deviceThreads;
        this.nanoClock = b.nanoClock;
        this.onRound = b.onRound;
    }

    /**
     * A builder.
     *
     * @param client the client the calls go through
     * @param device runs the commands on the card
     * @return a new builder
     */
    public static Builder builder(DeviceGatewayClient client, DeviceCommandExecutor device) {
        return new Builder(client, device);
    }

    /**
     * Runs an operation to its end.
     *
     * @param first the first request, normally without {@code responses} or {@code statusCode}
     * @return how the session ended
     * @throws io.github.walletdevice.core.HttpStatusException on HTTP outside 2xx
     * @throws io.github.walletdevice.core.MalformedResponseException when an answer is not the promised JSON
     * @throws io.github.walletdevice.core.TransportException when no usable answer came
     */
    public SessionResult run(GatewayRequest first) {
        Loop loop = new Loop(first);
        GatewayRequest next = first;
        while (next != null) {
            next = loop.onAnswer(client.send(next));
        }
        return loop.result();
    }

    /**
     * Runs an operation to its end without blocking. Device rounds run on the builder's
     * {@link Builder#deviceExecutor(Executor) executor}. Cancelling the future (or completing it any other way) aborts
     * the HTTP exchange under way, as {@link DeviceGatewayClient#sendAsync} does, or lets the device round under way
     * finish; either way no further call is made and the TES is not told (its own time-to-live covers it).
     *
     * @param first the first request, normally without {@code responses} or {@code statusCode}
     * @return a future of how the session ended, failed with the exceptions of {@link #run}; never throws
     */
    public CompletableFuture<SessionResult> runAsync(GatewayRequest first) {
        if (first == null) {
            return CompletableFuture.failedFuture(new NullPointerException("first"));
        }
        Loop loop = new Loop(first);
        CompletableFuture<SessionResult> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
        result.whenComplete((r, e) -> {
            CompletableFuture<?> f = inFlight.get();
            if (f != null && !f.isDone()) {
                f.cancel(true);
            }
        });
        step(loop, first, result, inFlight);
        return result;
    }

    private void step(Loop loop, GatewayRequest request, CompletableFuture<SessionResult> result,
                      AtomicReference<CompletableFuture<?>> inFlight) {
        if (result.isDone()) {
            return;
        }
        // The client's own future: cancelling it aborts the exchange (a stage derived from it would not).
        CompletableFuture<GatewayResponse> call = client.sendAsync(request);
        inFlight.set(call);
        if (result.isDone()) {
            // Cancelled between the check above and the set: the listener on result may have missed this call.
            call.cancel(true);
            return;
        }
        call.thenApplyAsync(answer -> {
            if (result.isDone()) {
                throw new CancellationException("session cancelled");
            }
            return loop.onAnswer(answer);
        }, deviceThreads).whenComplete((next, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else if (next == null) {
                result.complete(loop.result());
            } else {
                step(loop, next, result, inFlight);
            }
        });
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** What the session reported to the TES that makes its next answer the last. */
    private enum Report { NONE, DEVICE_FAILURE, DEADLINE }

    /** One run's state; used by one thread at a time (the async steps are sequential). */
    private final class Loop {
        private final GatewayApi api;
        private final long deadlineNanos;
        private final List<SessionRound> rounds = new ArrayList<>();
        private GatewayRequest pending;
        private Report report = Report.NONE;
        private SessionOutcome outcome;
        private String detail;
        private Long balance;
        private String cardAccountId;

        Loop(GatewayRequest first) {
            this.pending = Objects.requireNonNull(first, "first");
            this.api = first.api();
            this.deadlineNanos = nanoClock.getAsLong() + deadline.toNanos();
        }

        /** Handles the TES's answer to the pending request; returns the next request, or null when done. */
        GatewayRequest onAnswer(GatewayResponse answer) {
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

        private GatewayRequest runDevice(List<Command> commands) {
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

        private GatewayRequest reportDeadline(List<CommandResponse> responses, Double elapsedMs) {
            report = Report.DEADLINE;
            detail = "The session's deadline of " + deadline + " passed; reported to the TES as 322";
            pending = pending.nextRound(responses, elapsedMs, StatusCode.of(GatewayStatus.OPERATION_EXPIRED),
                    "The TSH's deadline of " + deadline + " for this operation passed");
            return pending;
        }

        private boolean expired() {
            return nanoClock.getAsLong() - deadlineNanos >= 0;
        }

        private GatewayRequest finish(SessionOutcome how, String why) {
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
                    String.format(java.util.Locale.ROOT, "%.3f", elapsedMs),
                    report == Report.DEVICE_FAILURE ? ", then failed: " + detail : "");
            for (CommandResponse r : responses) {
                LOG.debug("  response {}: {} = {}", r.commandId(), r.response(),
                        FrameExplainer.response(r.frame(), sent.get(r.commandId())));
            }
        }
    }

    /** Builds a {@link CommandSession}. */
    public static final class Builder {
        private final DeviceGatewayClient client;
        private final DeviceCommandExecutor device;
        private int maxRounds = DEFAULT_MAX_ROUNDS;
        private Duration deadline = DEFAULT_DEADLINE;
        private Executor deviceThreads = THREAD_PER_ROUND;
        private LongSupplier nanoClock = System::nanoTime;
        private Consumer<SessionRound> onRound = round -> { };

        private Builder(DeviceGatewayClient client, DeviceCommandExecutor device) {
            this.client = Fields.required("client", client);
            this.device = Fields.required("device", device);
        }

        /**
         * Sets the most Device Gateway calls per session (default {@value #DEFAULT_MAX_ROUNDS}).
         *
         * @param maxRounds at least 1
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException if less than 1
         */
        public Builder maxRounds(int maxRounds) {
            this.maxRounds = (int) Fields.range("maxRounds", maxRounds, 1, Integer.MAX_VALUE);
            return this;
        }

        /**
         * Sets how long a session may take (default 2 minutes); checked between rounds.
         *
         * @param deadline a positive duration
         * @return this builder
         * @throws io.github.walletdevice.core.ValidationException if missing, zero or negative
         */
        public Builder deadline(Duration deadline) {
            this.deadline = Fields.positive("deadline", deadline);
            return this;
        }

        /**
         * Sets where {@link #runAsync} runs device rounds (default: a new daemon thread per round, since a device
         * may block).
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder deviceExecutor(Executor executor) {
            this.deviceThreads = Fields.required("deviceExecutor", executor);
            return this;
        }

        /**
         * Sets a listener told of each round as soon as the TES has answered it, before the device runs the
         * answer's commands (for progress output; the full transcript is also in the {@link SessionResult}). It
         * runs on the thread running the session; an exception it throws ends the session and is thrown by
         * {@link #run} (the TES is not told).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder onRound(Consumer<SessionRound> listener) {
            this.onRound = Fields.required("onRound", listener);
            return this;
        }

        /** Test hook: the clock deadlines and response times are measured with. */
        Builder nanoClock(LongSupplier clock) {
            this.nanoClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the session configuration.
         *
         * @return the session
         */
        public CommandSession build() {
            return new CommandSession(this);
        }
    }
}
