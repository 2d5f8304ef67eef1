package io.github.walletdevice.gateway;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.internal.TransportFailures;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

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
    public SessionResult run(GatewayRequest<?> first) {
        SessionLoop loop = newLoop(first);
        GatewayRequest<?> next = first;
        while (next != null) {
            next = loop.onAnswer(client.send(next));
        }
        return loop.result();
    }

    /**
     * Runs an operation to its end without blocking. Device rounds run on the builder's
     * {@link Builder#deviceThreads(Executor) threads}. Cancelling the future (or completing it any other way) aborts
     * the HTTP exchange under way, as {@link DeviceGatewayClient#sendAsync} does, or lets the device round under way
     * finish; either way no further call is made and the TES is not told (its own time-to-live covers it).
     *
     * @param first the first request, normally without {@code responses} or {@code statusCode}
     * @return a future of how the session ended, failed with the exceptions of {@link #run}; never throws
     */
    public CompletableFuture<SessionResult> runAsync(GatewayRequest<?> first) {
        if (first == null) {
            return CompletableFuture.failedFuture(new NullPointerException("first"));
        }
        SessionLoop loop = newLoop(first);
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

    private SessionLoop newLoop(GatewayRequest<?> first) {
        return new SessionLoop(first, device, maxRounds, deadline, nanoClock, onRound);
    }

    private void step(SessionLoop loop, GatewayRequest<?> request, CompletableFuture<SessionResult> result,
                      AtomicReference<CompletableFuture<?>> inFlight) {
        if (result.isDone()) {
            return;
        }
        // The client's own future: cancelling it aborts the exchange (a stage derived from it would not).
        CompletableFuture<? extends GatewayResponse> call = client.sendAsync(request);
        inFlight.set(call);
        if (result.isDone()) {
            // Cancelled between the check above and the set: the listener on result may have missed this call.
            call.cancel(true);
            return;
        }
        call.<GatewayRequest<?>>thenApplyAsync(answer -> {
            if (result.isDone()) {
                throw new CancellationException("session cancelled");
            }
            return loop.onAnswer(answer);
        }, deviceThreads).whenComplete((next, failure) -> {
            if (failure != null) {
                result.completeExceptionally(TransportFailures.unwrap(failure));
            } else if (next == null) {
                result.complete(loop.result());
            } else {
                step(loop, next, result, inFlight);
            }
        });
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
         * Sets the threads {@link #runAsync} runs device rounds on (default: a new daemon thread per round, since a
         * device may block). Not to be confused with the {@link DeviceCommandExecutor}, which is the device itself.
         *
         * @param threads where device rounds run, e.g. a pool or {@code Runnable::run}
         * @return this builder
         */
        public Builder deviceThreads(Executor threads) {
            this.deviceThreads = Fields.required("deviceThreads", threads);
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
