package io.github.walletdevice.core;

import io.github.walletdevice.core.transport.ConcurrencyLimiter;
import io.github.walletdevice.core.transport.Deadlines;
import io.github.walletdevice.core.transport.HttpRequest;
import io.github.walletdevice.core.transport.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportFailures;
import io.github.walletdevice.core.transport.TransportOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a client's calls through a transport: retries as the {@link RetryPolicy} and the call's {@link CallKind}
 * allow, a whole-call deadline, an optional limit on calls in flight, and one DEBUG log line per attempt
 * (bodies only when enabled, redacted and capped). Thread-safe. The clients build one each; users configure it
 * through the client builders.
 *
 * <p>The deadline covers the whole call: waiting for a slot, every attempt and every pause between attempts. An
 * attempt still under way when it passes is aborted with reason {@code DEADLINE}, whatever the transport's own
 * timeouts (a user's transport may have longer ones): {@link #execute} gives each attempt the call's deadline
 * through {@link HttpTransport#execute(HttpRequest, long)} (the OkHttp transport sends it on the caller's thread),
 * {@link #executeAsync} sends through {@link HttpTransport#executeAsync} and keeps its own timer. A
 * {@code Retry-After} header (seconds or an HTTP date) on a retryable status replaces the backoff; a delay that would end after the deadline
 * (however far: values too large to represent count as "never") ends the retries instead, and the last response
 * is returned at once.
 */
public final class CallExecutor implements AutoCloseable {
    /** A Retry-After too large to represent: later than any deadline. */
    private static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);
    /** Deadlines further off are treated as this far (about 73 years), so that nanosecond sums never overflow. */
    private static final Duration MAX_TIMEOUT = Duration.ofNanos(Long.MAX_VALUE / 4);

    /**
     * One attempt's request and the identifier logged with it (a WSID, a request id).
     *
     * @param request the request to send
     * @param id an identifier for logs and errors, or {@code null}
     */
    public record Attempt(HttpRequest request, String id) {
        /**
         * Checks the request is present.
         *
         * @param request the request to send
         * @param id an identifier, or {@code null}
         */
        public Attempt {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * A logical call: its name, how safe it is to repeat, how to build each attempt's request (a new request per
     * attempt lets a client give each attempt a fresh unique id), and the sensitive values it sends.
     *
     * @param operation the operation's name, for logs
     * @param kind how safe the call is to repeat
     * @param attempts builds the request of attempt n (from 1)
     * @param sentValues values of this call to mask wherever a logged body shows them, card number or not (e.g.
     *                   the DPAN and token id sent): see {@link Redactor#sentValues(String, Iterable)}
     */
    public record Call(String operation, CallKind kind, IntFunction<Attempt> attempts, List<String> sentValues) {
        /**
         * Checks every part is present.
         *
         * @param operation the operation's name
         * @param kind how safe the call is to repeat
         * @param attempts builds each attempt's request
         * @param sentValues values to mask in logged bodies; {@code null} (the list or an element) for none
         */
        public Call {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(attempts, "attempts");
            sentValues = sentValues == null ? List.of()
                    : sentValues.stream().filter(Objects::nonNull).toList();
        }

        /**
         * A call with no value of its own to mask.
         *
         * @param operation the operation's name
         * @param kind how safe the call is to repeat
         * @param attempts builds each attempt's request
         */
        public Call(String operation, CallKind kind, IntFunction<Attempt> attempts) {
            this(operation, kind, attempts, List.of());
        }

        /**
         * A call that sends the same request on every attempt.
         *
         * @param operation the operation's name
         * @param kind how safe the call is to repeat
         * @param request the request
         * @param id an identifier for logs, or {@code null}
         * @return the call
         */
        public static Call of(String operation, CallKind kind, HttpRequest request, String id) {
            Attempt attempt = new Attempt(request, id);
            return new Call(operation, kind, n -> attempt);
        }

        /**
         * The call as text for logs and debuggers: the sent values are secrets (a DPAN, a token id), so only their
         * count is shown.
         *
         * @return e.g. {@code Call[operation=unbind, kind=STATE_CHANGING, sentValues=2 masked]}
         */
        @Override
        public String toString() {
            return "Call[operation=" + operation + ", kind=" + kind + ", sentValues=" + sentValues.size() + " masked]";
        }
    }

    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final RetryPolicy retryPolicy;
    private final Duration callTimeout;
    private final ConcurrencyLimiter limiter;
    private final Logger log;
    private final boolean logBodies;
    private final int maxLoggedBodyChars;
    private final List<String> secrets;

    private CallExecutor(Builder b) {
        if (b.transport != null) {
            this.transport = b.transport;
            this.ownsTransport = false;
        } else {
            this.transport = HttpTransports.createDefault(b.effectiveTransportOptions());
            this.ownsTransport = true;
        }
        this.retryPolicy = b.retryPolicy;
        this.callTimeout = b.callTimeout != null ? b.callTimeout : b.transportOptions.callTimeout();
        this.limiter = b.maxInFlight > 0 ? new ConcurrencyLimiter(b.maxInFlight) : null;
        this.log = LoggerFactory.getLogger("io.github.walletdevice." + b.clientName);
        this.logBodies = b.logBodies;
        this.maxLoggedBodyChars = b.maxLoggedBodyChars;
        this.secrets = List.copyOf(b.secrets);
    }

    /**
     * A builder for a client's executor.
     *
     * @param clientName the client's short name; its logger is {@code io.github.walletdevice.<clientName>}
     * @return a new builder
     */
    public static Builder builder(String clientName) {
        return new Builder(clientName);
    }

    /**
     * Runs a call to completion, retrying where allowed. The whole call, every attempt and every pause included,
     * ends by the {@linkplain #callTimeout() call deadline}.
     *
     * @param call the call
     * @return the last response, whatever its status
     * @throws TransportException when no usable response was obtained
     */
    public HttpResponse execute(Call call) {
        long deadline = deadlineAfter(callTimeout);
        for (int attempt = 1; ; attempt++) {
            Attempt a = call.attempts().apply(attempt);
            ConcurrencyLimiter.Permit permit = limiter == null ? null : limiter.acquire(a.request(), deadline);
            long start = System.nanoTime();
            HttpResponse response;
            try {
                logRequestBody(call, a);
                response = send(a.request(), deadline);
            } catch (TransportException e) {
                logFailure(call, a, attempt, start, e);
                if (retryPolicy.shouldRetry(call.kind(), e, attempt)
                        && pause(retryPolicy.backoff(attempt), deadline, a.request())) {
                    continue;
                }
                throw e;
            } finally {
                if (permit != null) {
                    permit.release();
                }
            }
            logResponse(call, a, attempt, start, response);
            if (!response.isSuccessful() && retryPolicy.shouldRetry(call.kind(), response.statusCode(), attempt)
                    && pause(delayAfter(response, attempt), deadline, a.request())) {
                continue;
            }
            return response;
        }
    }

    /**
     * Sends one attempt on this thread, through the transport's {@link HttpTransport#execute(HttpRequest, long)},
     * which ends it by the call deadline (the transport's own deadline may be longer, or a user's transport may
     * have none) and aborts the exchange when the deadline passes.
     */
    private HttpResponse send(HttpRequest request, long deadline) {
        if (deadline - System.nanoTime() <= 0) {
            throw TransportFailures.deadline(request, false);
        }
        // Called from a continuation that runs inside a slot hand-over, this thread may hold back the slot the
        // exchange waits for: hand it over before blocking.
        ConcurrencyLimiter.runDeferredHandOvers();
        return transport.execute(request, deadline);
    }

    /**
     * What a transport reported, as the {@link TransportException} to act on. Any other unchecked exception is a
     * bug (in a user's transport, say), not a network failure: it is rethrown as is and never retried.
     */
    private TransportException transportFailure(Throwable failure, HttpRequest request) {
        RuntimeException e = TransportFailures.ofFuture(failure, request, transport.name());
        if (e instanceof TransportException te) {
            return te;
        }
        throw e;
    }

    /**
     * Runs a call without blocking the caller, with the same retries and deadline as {@link #execute(Call)}.
     * Cancelling the future aborts the attempt under way and any retry to come.
     *
     * @param call the call
     * @return a future completed with the last response, or exceptionally with a {@link TransportException}
     */
    public CompletableFuture<HttpResponse> executeAsync(Call call) {
        AsyncCall state = new AsyncCall(call, deadlineAfter(callTimeout));
        ScheduledFuture<?> timer = Deadlines.schedule(() -> {
            Attempt a = state.attempt.get();
            if (a != null) {
                state.result.completeExceptionally(TransportFailures.deadline(a.request(), state.maySent()));
            }
        }, callTimeout);
        state.result.whenComplete((r, e) -> {
            timer.cancel(false);
            CompletableFuture<?> f = state.current.get();
            if (e != null && f != null) {
                f.cancel(true);
            }
        });
        attemptAsync(state, 1);
        return state.result;
    }

    /** What the attempts of one asynchronous call share. */
    private static final class AsyncCall {
        final Call call;
        final long deadline;
        final CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        /** The slot being waited for, or the exchange under way: what cancelling the call must cancel. */
        final AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();
        final AtomicReference<Attempt> attempt = new AtomicReference<>();
        final AtomicBoolean inTransport = new AtomicBoolean();
        final AtomicBoolean sentBefore = new AtomicBoolean();

        AsyncCall(Call call, long deadline) {
            this.call = call;
            this.deadline = deadline;
        }

        boolean maySent() {
            return inTransport.get() || sentBefore.get();
        }

        /** Makes {@code f} the thing to cancel, and cancels it at once if the call already ended. */
        void track(CompletableFuture<?> f) {
            current.set(f);
            if (result.isDone()) {
                f.cancel(true);
            }
        }
    }

    /**
     * Starts attempt {@code attempt} of an asynchronous call. Runs on the caller's thread, a timer hand-off or a
     * transport's thread: whatever goes wrong in here ends the call with that failure rather than being lost in
     * a future nobody reads (the call would otherwise end only at its deadline, as {@code DEADLINE}).
     */
    private void attemptAsync(AsyncCall st, int attempt) {
        try {
            startAttempt(st, attempt);
        } catch (RuntimeException | Error e) {
            st.result.completeExceptionally(e);
        }
    }

    private void startAttempt(AsyncCall st, int attempt) {
        if (st.result.isDone()) {
            return;
        }
        Call call = st.call;
        Attempt a = call.attempts().apply(attempt);
        st.attempt.set(a);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse> exchange;
        if (limiter == null) {
            exchange = sendAsync(st, a);
        } else {
            CompletableFuture<ConcurrencyLimiter.Permit> slot = limiter.acquire();
            st.track(slot);
            exchange = slot.thenCompose(permit -> {
                if (st.result.isDone()) {
                    permit.release();
                    return CompletableFuture.failedFuture(new CancellationException());
                }
                return sendAsync(st, a).whenComplete((r, e) -> permit.release());
            });
        }
        exchange.whenComplete((response, failure) -> {
            try {
                attemptEnded(st, a, attempt, start, response, failure);
            } catch (RuntimeException | Error e) {
                st.result.completeExceptionally(e);
            }
        });
    }

    /** What follows one asynchronous attempt: the result, or a retry after a pause. */
    private void attemptEnded(AsyncCall st, Attempt a, int attempt, long start, HttpResponse response,
            Throwable failure) {
        st.inTransport.set(false);
        if (st.result.isDone()) {
            return;
        }
        Call call = st.call;
        if (failure != null) {
            // A bug (any other unchecked exception) is thrown here and ends the call as is.
            TransportException te = transportFailure(failure, a.request());
            st.sentBefore.compareAndSet(false, te.isRequestSent());
            logFailure(call, a, attempt, start, te);
            Duration delay = retryPolicy.backoff(attempt);
            if (retryPolicy.shouldRetry(call.kind(), te, attempt) && fits(delay, st.deadline)) {
                Deadlines.schedule(() -> attemptAsync(st, attempt + 1), delay);
            } else {
                st.result.completeExceptionally(te);
            }
            return;
        }
        st.sentBefore.set(true);
        logResponse(call, a, attempt, start, response);
        if (!response.isSuccessful() && retryPolicy.shouldRetry(call.kind(), response.statusCode(), attempt)) {
            Duration delay = delayAfter(response, attempt);
            if (fits(delay, st.deadline)) {
                Deadlines.schedule(() -> attemptAsync(st, attempt + 1), delay);
                return;
            }
        }
        st.result.complete(response);
    }

    private CompletableFuture<HttpResponse> sendAsync(AsyncCall st, Attempt a) {
        CompletableFuture<HttpResponse> f;
        try {
            logRequestBody(st.call, a);
            st.inTransport.set(true);
            f = transport.executeAsync(a.request());
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        st.track(f);
        return f;
    }



    /**
     * The server's Retry-After (seconds or an HTTP date) when it gives one, else the policy's backoff. A value too
     * large to represent (more seconds than a {@code long} holds) reads as {@link #FOREVER}: later than any
     * deadline, so it ends the retries rather than falling back to the (shorter) backoff.
     */
    private Duration delayAfter(HttpResponse response, int attempt) {
        Duration backoff = retryPolicy.backoff(attempt);
        return response.headers().firstValue("Retry-After").map(String::trim).map(v -> {
            if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    return Duration.ofSeconds(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    return FOREVER;
                }
            }
            try {
                Duration d = Duration.between(Instant.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException | ArithmeticException e) {
                return backoff;
            }
        }).orElse(backoff);
    }

    /**
     * Whether a pause of {@code delay} ends before the deadline. Compared as durations, so that no delay, however
     * large (a Retry-After of 10^10 seconds, a date in the year 9999), overflows.
     */
    private static boolean fits(Duration delay, long deadline) {
        long left = deadline - System.nanoTime();
        return left > 0 && delay.compareTo(Duration.ofNanos(left)) < 0;
    }

    /** A deadline {@code timeout} from now on the {@link System#nanoTime()} clock, saturating far-off ones. */
    private static long deadlineAfter(Duration timeout) {
        return System.nanoTime() + (timeout.compareTo(MAX_TIMEOUT) < 0 ? timeout.toNanos() : MAX_TIMEOUT.toNanos());
    }

    private static boolean pause(Duration delay, long deadline, HttpRequest request) {
        if (!fits(delay, deadline)) {
            return false;
        }
        ConcurrencyLimiter.runDeferredHandOvers();
        try {
            // Shorter than the time left (fits), so within a long of nanoseconds.
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TransportFailures.interrupted(request, false, e);
        }
    }

    /**
     * A body as it may be logged: the client's own secrets removed and the call's sent values masked wherever they
     * appear, then redacted.
     */
    private String loggable(Call call, String body) {
        String text = body;
        for (String secret : secrets) {
            text = text.replace(secret, Redactor.SECRET_MASK);
        }
        return Redactor.body(Redactor.sentValues(text, call.sentValues()), maxLoggedBodyChars);
    }

    private void logRequestBody(Call call, Attempt a) {
        if (logBodies && log.isDebugEnabled()) {
            log.debug("{} id={} request {} {} headers={} body={}", call.operation(), a.id(), a.request().method(),
                    Redactor.uri(a.request().uri()), a.request().headers(),
                    loggable(call, new String(a.request().bodyUnsafe(), StandardCharsets.UTF_8)));
        }
    }

    private void logResponse(Call call, Attempt a, int attempt, long start, HttpResponse response) {
        if (log.isDebugEnabled()) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (logBodies) {
                log.debug("{} id={} attempt={} status={} durationMs={} via={} body={}", call.operation(), a.id(),
                        attempt, response.statusCode(), ms, transport.name(),
                        loggable(call, response.bodyAsString()));
            } else {
                log.debug("{} id={} attempt={} status={} durationMs={} via={}", call.operation(), a.id(), attempt,
                        response.statusCode(), ms, transport.name());
            }
        }
    }

    private void logFailure(Call call, Attempt a, int attempt, long start, TransportException e) {
        if (log.isDebugEnabled()) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            log.debug("{} id={} attempt={} failed reason={} requestSent={} durationMs={} via={}: {}", call.operation(),
                    a.id(), attempt, e.reason(), e.isRequestSent(), ms, transport.name(), e.getMessage());
        }
    }

    /**
     * The transport in use.
     *
     * @return the transport
     */
    public HttpTransport transport() {
        return transport;
    }

    /**
     * The retry policy in use.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * The whole-call deadline.
     *
     * @return the deadline per call, retries included
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * Closes the transport if this executor created it; a transport the user passed in is left open.
     */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    /** Builds a {@link CallExecutor}; client builders hold one and delegate their settings to it. */
    public static final class Builder {
        private final String clientName;
        private HttpTransport transport;
        private TransportOptions transportOptions = TransportOptions.defaults();
        private Duration connectTimeout;
        private Duration readTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration callTimeout;
        private int maxInFlight;
        private boolean logBodies;
        private int maxLoggedBodyChars = 4096;
        private final List<String> secrets = new ArrayList<>();

        private Builder(String clientName) {
            this.clientName = Fields.required("clientName", clientName);
        }

        /**
         * Uses a transport the caller owns: it is used as is and never closed by the SDK.
         *
         * @param transport the transport, or {@code null} to let the executor create the default one
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Settings for the transport the executor creates (ignored when a transport is passed in, except the
         * call timeout, which then still bounds each call).
         *
         * @param options the settings
         * @return this builder
         */
        public Builder transportOptions(TransportOptions options) {
            this.transportOptions = Fields.required("transportOptions", options);
            return this;
        }

        /**
         * The settings the executor creates its transport with, as given to {@link #transportOptions}.
         *
         * @return the transport options
         */
        public TransportOptions transportOptions() {
            return transportOptions;
        }

        /**
         * Sets the connect timeout of the transport the executor creates, over whatever the
         * {@link #transportOptions transport options} say, whichever is set first. There is no transport to apply it
         * to when one is passed in, so {@link #build()} then refuses it.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws ValidationException if absent or not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Fields.positive("connectTimeout", timeout);
            return this;
        }

        /**
         * Sets the read timeout of the transport the executor creates, as {@link #connectTimeout} does the connect
         * timeout; refused by {@link #build()} when a transport is passed in.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws ValidationException if absent or not positive
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Fields.positive("readTimeout", timeout);
            return this;
        }

        private TransportOptions effectiveTransportOptions() {
            if (connectTimeout == null && readTimeout == null) {
                return transportOptions;
            }
            TransportOptions.Builder b = transportOptions.toBuilder();
            if (connectTimeout != null) {
                b.connectTimeout(connectTimeout);
            }
            if (readTimeout != null) {
                b.readTimeout(readTimeout);
            }
            return b.build();
        }

        /**
         * Sets the retry policy.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Fields.required("retryPolicy", policy);
            return this;
        }

        /**
         * Sets the whole-call deadline, retries included (default: the transport options' call timeout).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws ValidationException if absent or not positive
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Fields.positive("callTimeout", timeout);
            return this;
        }

        /**
         * Limits the calls in flight through this executor, whatever the transport (0 = no limit of its own).
         *
         * @param max the limit, 0 or more
         * @return this builder
         */
        public Builder maxInFlight(int max) {
            if (max < 0) {
                throw new ValidationException("maxInFlight", "0 (no limit) or more", Integer.toString(max));
            }
            this.maxInFlight = max;
            return this;
        }

        /**
         * Logs request and response bodies at DEBUG, redacted and capped. Off by default.
         *
         * @param enabled whether to log bodies
         * @return this builder
         */
        public Builder logBodies(boolean enabled) {
            this.logBodies = enabled;
            return this;
        }

        /**
         * A value that must never appear in a logged body, wherever it stands (a password a server might echo
         * outside the element that normally holds it). Values shorter than 4 characters are ignored: masking them
         * would garble the log without protecting anything worth the name.
         *
         * @param secret the secret value, or {@code null}
         * @return this builder
         */
        public Builder redactLiteral(String secret) {
            if (secret != null && secret.length() >= 4 && !secrets.contains(secret)) {
                secrets.add(secret);
            }
            return this;
        }

        /**
         * Caps each logged body.
         *
         * @param maxChars most characters of a body logged
         * @return this builder
         */
        public Builder maxLoggedBodyChars(int maxChars) {
            if (maxChars < 0) {
                throw new ValidationException("maxLoggedBodyChars", "0 or more", Integer.toString(maxChars));
            }
            this.maxLoggedBodyChars = maxChars;
            return this;
        }

        /**
         * Builds the executor, creating the default transport if none was passed in.
         *
         * @return the executor
         * @throws ValidationException if a transport was passed in and a connect or read timeout set as well: they
         *         would apply to no transport (the one passed in keeps its own), and a timeout is never silently
         *         ignored
         */
        public CallExecutor build() {
            if (transport != null) {
                refuseWithTransport("connectTimeout", connectTimeout);
                refuseWithTransport("readTimeout", readTimeout);
            }
            return new CallExecutor(this);
        }

        private static void refuseWithTransport(String field, Duration timeout) {
            if (timeout != null) {
                throw new ValidationException(field, "left unset when a transport is passed in (it applies only to"
                        + " the transport the client creates; set it in the options of the transport passed in)",
                        timeout.toString());
            }
        }
    }
}
