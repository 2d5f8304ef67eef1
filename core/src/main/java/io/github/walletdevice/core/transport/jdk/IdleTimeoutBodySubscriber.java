package io.github.walletdevice.core.transport.jdk;

import io.github.walletdevice.core.internal.Deadlines;
import io.github.walletdevice.core.internal.ResponseTooLargeException;
import io.github.walletdevice.core.internal.TimeoutWatch;
import io.github.walletdevice.core.transport.TransportOptions;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects a JDK response body into bytes and fails it with {@link HttpTimeoutException} when no bytes arrive for the
 * read timeout (looked at by the {@link TimeoutWatch} every 10 ms, so up to that much later). The JDK's own request
 * timeout stops once the headers are in; this makes a stalled body fail the same way on the JDK transport as on OkHttp.
 *
 * <p>It also bounds the body: a {@code Content-Length} over {@link TransportOptions#maxResponseBytes()} fails it
 * before any byte is read, and otherwise it fails as soon as the bytes received pass the limit, cancelling the
 * rest ({@link ResponseTooLargeException}).
 *
 * <p>It also fails the body when the call deadline passes while bytes still trickle in, and then reports
 * {@link #passedDeadline()}: the exchange has no other timer to end it.
 */
final class IdleTimeoutBodySubscriber implements BodySubscriber<byte[]>, TimeoutWatch.Watched {
    private final BodySubscriber<byte[]> delegate = BodySubscribers.ofByteArray();
    private final long idleNanos;
    private final long maxBytes;
    private final long declaredLength;
    /** The call deadline on the {@link System#nanoTime()} clock. */
    private final long deadlineNanos;
    private volatile boolean passedDeadline;
    private final AtomicBoolean done = new AtomicBoolean();
    /** Body bytes received so far; only onNext touches it. */
    private long received;
    private volatile long lastActivity = System.nanoTime();
    private volatile Flow.Subscription subscription;

    /**
     * Creates a subscriber for one response of a call that must end by a deadline.
     *
     * @param readTimeout longest wait for bytes
     * @param maxBytes largest body accepted
     * @param declaredLength the response's {@code Content-Length}, or -1 when it has none
     * @param deadlineNanos when the call must end, on the {@link System#nanoTime()} clock
     */
    IdleTimeoutBodySubscriber(Duration readTimeout, long maxBytes, long declaredLength, long deadlineNanos) {
        this.idleNanos = Deadlines.nanos(readTimeout);
        this.maxBytes = maxBytes;
        this.declaredLength = declaredLength;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Whether the body failed because the call deadline passed (not the read timeout).
     *
     * @return {@code true} once the deadline ended the body
     */
    boolean passedDeadline() {
        return passedDeadline;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        lastActivity = System.nanoTime();
        delegate.onSubscribe(s);
        if (declaredLength > maxBytes) {
            tooLarge(declaredLength);
            return;
        }
        TimeoutWatch.watch(this);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        lastActivity = System.nanoTime();
        if (done.get()) {
            return;
        }
        // onNext calls are never concurrent (reactive-streams rule), so a plain counter is enough.
        for (ByteBuffer b : item) {
            received += b.remaining();
        }
        if (received > maxBytes) {
            tooLarge(-1);
            return;
        }
        delegate.onNext(item);
    }

    /** Fails the body: {@code announced} is its Content-Length when that was over the limit, else -1. */
    private void tooLarge(long announced) {
        if (done.compareAndSet(false, true)) {
            TimeoutWatch.unwatch(this);
            failThenCancel(new ResponseTooLargeException(maxBytes, announced));
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (done.compareAndSet(false, true)) {
            TimeoutWatch.unwatch(this);
            delegate.onError(failure);
        }
    }

    @Override
    public void onComplete() {
        if (done.compareAndSet(false, true)) {
            TimeoutWatch.unwatch(this);
            delegate.onComplete();
        }
    }

    /**
     * Called by the {@link TimeoutWatch} every tick: fails the body once the call deadline has passed or no bytes came
     * for the read timeout. The failure runs on a {@link Deadlines} thread: it completes the caller's future, whose
     * continuations must not hold up the watch of the other bodies.
     */
    @Override
    public void check(long now) {
        if (deadlineNanos - now <= 0) {
            end(() -> {
                passedDeadline = true;
                failThenCancel(new HttpTimeoutException("The call deadline passed while reading the body"));
            });
        } else if (now - lastActivity >= idleNanos) {
            end(() -> failThenCancel(new HttpTimeoutException("No response bytes within the read timeout")));
        }
    }

    private void end(Runnable failure) {
        if (done.compareAndSet(false, true)) {
            TimeoutWatch.unwatch(this);
            Deadlines.schedule(failure, Duration.ZERO);
        }
    }

    // The body fails first, then the subscription is cancelled: cancelling closes the connection, and the JDK
    // would otherwise race to fail the response with its own IOException ("closed") before ours is recorded.
    private void failThenCancel(Throwable failure) {
        delegate.onError(failure);
        subscription.cancel();
    }
}
