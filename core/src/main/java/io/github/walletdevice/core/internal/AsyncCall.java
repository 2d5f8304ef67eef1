package io.github.walletdevice.core.internal;

import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One asynchronous call of a {@link CallPipeline}: its attempts, one after another, and the caller's future. Whatever
 * is under way (the wait for a slot, the exchange, the pause before a retry) is tracked, so that completing the
 * caller's future in any way, by the SDK or by the caller, stops it.
 */
final class AsyncCall<T> {
    private final CallPipeline p;
    private final Call call;
    private final Function<HttpResponse, T> decode;
    private final UnaryOperator<RuntimeException> onFailure;
    private final long deadline;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    /** What is under way: a slot being waited for, an exchange, a scheduled retry. */
    private volatile Future<?> current;
    private volatile HttpRequest lastRequest;
    /** Whether an attempt may have reached the server, for the deadline's failure. */
    private volatile boolean sent;

    AsyncCall(CallPipeline p, Call call, Function<HttpResponse, T> decode, UnaryOperator<RuntimeException> onFailure,
            long deadline) {
        this.p = p;
        this.call = call;
        this.decode = decode;
        this.onFailure = onFailure;
        this.deadline = deadline;
    }

    CompletableFuture<T> start() {
        Deadlines.Watch watch = Deadlines.watch(deadline, () -> result.completeExceptionally(
                onFailure.apply(TransportFailures.deadline(lastRequest, sent))));
        result.whenComplete((value, failure) -> {
            watch.cancel();
            Future<?> f = current;
            if (f != null) {
                f.cancel(true);
            }
        });
        attempt(1);
        return result;
    }

    /** Makes {@code f} the work under way, and stops it at once if the call has already ended. */
    private void track(Future<?> f) {
        current = f;
        if (result.isDone()) {
            f.cancel(true);
        }
    }

    private void attempt(int n) {
        if (result.isDone()) {
            return;
        }
        Attempt a;
        try {
            a = call.attempts().apply(n);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        lastRequest = a.request();
        CompletableFuture<ConcurrencyLimiter.Permit> slot = p.limiter.acquire();
        track(slot);
        slot.whenComplete((permit, cancelled) -> {
            if (permit == null) {
                return;
            }
            if (result.isDone()) {
                permit.release();
                return;
            }
            long start = System.nanoTime();
            send(a, n).whenComplete((response, failure) -> {
                permit.release();
                try {
                    ended(a, n, start, response, failure);
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        });
    }

    /**
     * One attempt. Without interceptors, straight to the transport. With them, the chain runs on a
     * {@code walletdevice-async} thread, since an interceptor waits for {@code proceed}; that thread waits for the
     * exchange, which stays cancellable as the work under way.
     */
    private CompletableFuture<HttpResponse> send(Attempt a, int n) {
        if (p.interceptors.isEmpty()) {
            return exchange(a, a.request());
        }
        CompletableFuture<HttpResponse> f = new CompletableFuture<>();
        Deadlines.run(() -> {
            try {
                f.complete(InterceptorChain.run(p.interceptors, call, a, n, request -> await(exchange(a, request),
                        request)));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private CompletableFuture<HttpResponse> exchange(Attempt a, HttpRequest request) {
        CompletableFuture<HttpResponse> f;
        try {
            p.log.request(call, a, request);
            sent = true;
            f = p.transport.executeAsync(request, deadline);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        track(f);
        return f;
    }

    private HttpResponse await(CompletableFuture<HttpResponse> exchange, HttpRequest request) {
        try {
            return exchange.get();
        } catch (ExecutionException e) {
            throw TransportFailures.ofFuture(e.getCause(), request, p.transport.name());
        } catch (CancellationException e) {
            throw TransportFailures.classify(e, request, p.transport.name());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw TransportFailures.interrupted(request, true, e);
        }
    }

    /** What follows one attempt: the result, or a retry after a pause. */
    private void ended(Attempt a, int n, long start, HttpResponse response, Throwable failure) {
        if (result.isDone()) {
            return;
        }
        if (failure != null) {
            // A bug or an interceptor's failure (anything but a TransportException) ends the call as is.
            RuntimeException e = TransportFailures.ofFuture(failure, a.request(), p.transport.name());
            if (!(e instanceof TransportException te)) {
                result.completeExceptionally(onFailure.apply(e));
                return;
            }
            p.log.failure(call, a, n, start, te);
            if (!(p.retryPolicy.shouldRetry(call.kind(), te, n) && retryAfter(p.retryPolicy.backoff(n), n))) {
                result.completeExceptionally(onFailure.apply(te));
            }
            return;
        }
        p.log.response(call, a, n, start, response);
        if (!response.isSuccessful() && p.retryPolicy.shouldRetry(call.kind(), response.statusCode(), n)
                && retryAfter(RetryAfter.delay(response, p.retryPolicy.backoff(n)), n)) {
            return;
        }
        T value;
        try {
            value = decode.apply(response);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        result.complete(value);
    }

    /** Schedules attempt {@code n + 1} after {@code delay}, unless that would end after the deadline. */
    private boolean retryAfter(Duration delay, int n) {
        if (!Deadlines.fits(delay, deadline)) {
            return false;
        }
        track(Deadlines.schedule(() -> attempt(n + 1), delay));
        return true;
    }
}
