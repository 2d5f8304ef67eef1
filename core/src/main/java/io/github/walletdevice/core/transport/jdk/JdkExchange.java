package io.github.walletdevice.core.transport.jdk;

import io.github.walletdevice.core.internal.Deadlines;
import io.github.walletdevice.core.internal.TimeoutWatch;
import io.github.walletdevice.core.internal.TransportFailures;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.TransportOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * One exchange of the {@link JdkHttpTransport}, run by {@code HttpClient.send} on one thread: the caller's for a
 * synchronous call, a thread of the transport's pool for an asynchronous one. From {@link #start()} to
 * {@link #finish()} the shared {@link TimeoutWatch} looks at it every tick: it ends the exchange by its deadline, when
 * the response headers do not come within the read timeout of the request going out, and when a body read whole by
 * the JDK (see {@link #bodySubscriber}) does not come within it either; a body read by an
 * {@link IdleTimeoutBodySubscriber} is timed by that subscriber. The watch's set is also where
 * {@link JdkHttpTransport#close()} finds the exchanges still running. Anything that ends an exchange early (the watch,
 * {@code close()}, a cancelled future) interrupts its thread, which the JDK answers by aborting the exchange; the
 * lock makes sure no interrupt lands once the exchange has finished, and {@link #finish()} clears the one sent, so
 * the thread is left as it was.
 *
 * <p>Why not the JDK's own request timeout: the JDK arms a timer for it on every request, under the client's lock,
 * and wakes its selector thread to do so; at 64 threads over TLS that cost a few percent of a call (docs/benchmarks.md).
 * The wait for the headers starts when the JDK asks the request body for its length, which it does once the connection
 * (and its TLS handshake, bounded by the connect timeout) is up, right before it writes the request: a server that
 * never completes the handshake still fails with the connect timeout, as nothing sent.
 */
final class JdkExchange implements TimeoutWatch.Watched {
    /** Largest body with a declared length read by the JDK's own subscriber (see {@link #bodySubscriber}). */
    static final long WHOLE_BODY_MAX_BYTES = 64 * 1024;

    /** Why the exchange was ended early. */
    enum End { CLOSED, READ_TIMEOUT, DEADLINE, CANCELLED }

    private final Thread thread = Thread.currentThread();
    private final JdkHttpTransport owner;
    private final TransportOptions options;
    private final HttpRequest request;
    private final long deadline;
    private final long readTimeoutNanos;
    /** The body's subscriber once the headers are in, if it is the transport's own. */
    private volatile IdleTimeoutBodySubscriber body;
    /** Since when the read timeout runs (the request going out, then the headers), or 0 while it does not. */
    private volatile long waitStart;
    /** Whether the response headers are in. */
    private volatile boolean headers;
    private boolean finished;
    private End ended;

    /** Created on the thread that will run {@link #send}. */
    JdkExchange(JdkHttpTransport owner, TransportOptions options, HttpRequest request, long deadline) {
        this.owner = owner;
        this.options = options;
        this.request = request;
        this.deadline = deadline;
        this.readTimeoutNanos = Deadlines.nanos(options.readTimeout());
    }

    /** Whether this exchange runs on {@code transport}. */
    boolean runsOn(JdkHttpTransport transport) {
        return owner == transport;
    }

    /** Puts the exchange under the watch, until {@link #finish()}. */
    void start() {
        TimeoutWatch.watch(this);
    }

    /** Sends and reads the whole response, by the deadline. */
    HttpResponse send(HttpClient client, String proxyAuthorization) {
        if (deadline - System.nanoTime() <= 0) {
            throw TransportFailures.deadline(request, false);
        }
        java.net.http.HttpRequest jdkRequest = JdkMessages.toJdk(request, proxyAuthorization, RequestBody::new);
        java.net.http.HttpResponse<byte[]> response;
        try {
            response = client.send(jdkRequest, this::bodySubscriber);
        } catch (InterruptedException e) {
            End end = ended();
            if (end == End.CLOSED) {
                throw TransportFailures.closedDuringCall(request, owner.name(), e);
            }
            if (end == End.READ_TIMEOUT) {
                throw TransportFailures.classify(new HttpTimeoutException(headers
                        ? "The body did not arrive within the read timeout"
                        : "No response headers within the read timeout"), request, owner.name());
            }
            if (end == End.DEADLINE) {
                throw TransportFailures.deadline(request, true);
            }
            if (end == null) {
                // The caller's own interrupt: it stays set.
                Thread.currentThread().interrupt();
            }
            throw TransportFailures.interrupted(request, true, e);
        } catch (HttpConnectTimeoutException e) {
            throw TransportFailures.classify(e, request, owner.name());
        } catch (HttpTimeoutException e) {
            // Only a body read by the transport's own subscriber fails this way; it knows which limit it was.
            IdleTimeoutBodySubscriber b = body;
            if (b != null && b.passedDeadline()) {
                throw TransportFailures.deadline(request, true);
            }
            throw TransportFailures.classify(e, request, owner.name());
        } catch (IllegalArgumentException | SecurityException e) {
            // The request refused by the JDK (a CONNECT, say): the caller's error, reported as is.
            throw e;
        } catch (IOException | RuntimeException e) {
            if (ended() == End.CLOSED) {
                throw TransportFailures.closedDuringCall(request, owner.name(), e);
            }
            throw TransportFailures.classify(e, request, owner.name());
        }
        try {
            return JdkMessages.fromJdk(response);
        } catch (RuntimeException e) {
            // A status outside 100-599 or a header the JDK let through.
            throw TransportFailures.invalidResponse(request, owner.name(), e);
        }
    }

    /**
     * The body's subscriber, once the headers are in. A body of at most {@link #WHOLE_BODY_MAX_BYTES} with a
     * declared length is read by the JDK's own byte-array subscriber, which the JDK completes on the thread that read
     * the bytes; any other subscriber's body it hands to the client's executor, one more thread wake-up per call (3%
     * of a loopback call). Such a body must then arrive whole within the read timeout (and by the deadline), which
     * {@link #check} goes on enforcing; any other body goes through an {@link IdleTimeoutBodySubscriber}, which fails
     * it when no bytes come for the read timeout or the deadline passes.
     */
    private java.net.http.HttpResponse.BodySubscriber<byte[]> bodySubscriber(
            java.net.http.HttpResponse.ResponseInfo info) {
        long length = JdkMessages.declaredLength(request, info);
        headers = true;
        if (length >= 0 && length <= WHOLE_BODY_MAX_BYTES && length <= options.maxResponseBytes()) {
            waitStart = System.nanoTime();
            return java.net.http.HttpResponse.BodySubscribers.ofByteArray();
        }
        IdleTimeoutBodySubscriber b = new IdleTimeoutBodySubscriber(options.readTimeout(),
                options.maxResponseBytes(), length, deadline);
        body = b;
        return b;
    }

    /** The watch's look: the deadline and the read timeout, unless the body's own subscriber times the body. */
    @Override
    public void check(long now) {
        if (body != null) {
            return;
        }
        long since = waitStart;
        if (deadline - now <= 0) {
            end(End.DEADLINE);
        } else if (since != 0 && now - since >= readTimeoutNanos) {
            end(End.READ_TIMEOUT);
        }
    }

    /**
     * Ends the exchange by interrupting its thread, unless it has finished.
     *
     * @param why the reason, reported by {@link #send}
     */
    void end(End why) {
        synchronized (this) {
            if (finished || ended != null) {
                return;
            }
            ended = why;
            thread.interrupt();
        }
    }

    private synchronized End ended() {
        return ended;
    }

    /** Called on the exchange's thread when it is over (also when {@link #start()} was not reached). */
    void finish() {
        synchronized (this) {
            finished = true;
            if (ended != null) {
                Thread.interrupted();
            }
        }
        TimeoutWatch.unwatch(this);
    }

    /**
     * The request body as the JDK takes it. The JDK asks for its length once the connection is up, just before it
     * writes the request (for a body of any length, none included): the wait for the response headers starts there.
     */
    private final class RequestBody implements java.net.http.HttpRequest.BodyPublisher {
        private final java.net.http.HttpRequest.BodyPublisher bytes;

        RequestBody(java.net.http.HttpRequest.BodyPublisher bytes) {
            this.bytes = bytes;
        }

        @Override
        public long contentLength() {
            waitStart = System.nanoTime();
            return bytes.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            bytes.subscribe(subscriber);
        }
    }
}
