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
import java.time.Duration;

/**
 * One exchange of the {@link JdkHttpTransport}, run by {@code HttpClient.send} on one thread: the caller's for a
 * synchronous call, a thread of the transport's pool for an asynchronous one. It ends by its deadline with no timer
 * of its own: the JDK's request timeout (until the headers) is cut to the time left, and the body is watched by the
 * shared {@link TimeoutWatch}. Anything that must end it early ({@link JdkHttpTransport#close()}, the body's watch, a
 * cancelled future) interrupts that thread, which the JDK answers by aborting the exchange; the lock makes sure no
 * interrupt lands once the exchange has finished, and {@link #finish()} clears the one sent, so the thread is left as
 * it was.
 */
final class JdkExchange implements TimeoutWatch.Watched {
    /** Largest body with a declared length read by the JDK's own subscriber (see {@link #bodySubscriber}). */
    static final long WHOLE_BODY_MAX_BYTES = 64 * 1024;

    /** Why the exchange was ended early. */
    enum End { CLOSED, READ_TIMEOUT, DEADLINE, CANCELLED }

    private final Thread thread = Thread.currentThread();
    private final String transport;
    private final TransportOptions options;
    private final HttpRequest request;
    private final long deadline;
    /** The body's subscriber once the headers are in, if it is the transport's own. */
    private volatile IdleTimeoutBodySubscriber body;
    /** For a body read by the JDK's subscriber: when the headers came. */
    private volatile long bodyStart;
    private volatile boolean watched;
    private boolean finished;
    private End ended;

    /** Created on the thread that will run {@link #send}. */
    JdkExchange(String transport, TransportOptions options, HttpRequest request, long deadline) {
        this.transport = transport;
        this.options = options;
        this.request = request;
        this.deadline = deadline;
    }

    /** Sends and reads the whole response, by the deadline. */
    HttpResponse send(HttpClient client, String proxyAuthorization) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw TransportFailures.deadline(request, false);
        }
        long readTimeout = Deadlines.nanos(options.readTimeout());
        boolean headersCutToDeadline = left < readTimeout;
        java.net.http.HttpRequest jdkRequest = JdkMessages.toJdk(request,
                headersCutToDeadline ? Duration.ofNanos(left) : options.readTimeout(), proxyAuthorization);
        java.net.http.HttpResponse<byte[]> response;
        try {
            response = client.send(jdkRequest, this::bodySubscriber);
        } catch (InterruptedException e) {
            End end = ended();
            if (end == End.CLOSED) {
                throw TransportFailures.closedDuringCall(request, transport, e);
            }
            if (end == End.READ_TIMEOUT) {
                throw TransportFailures.classify(new HttpTimeoutException(
                        "The body did not arrive within the read timeout"), request, transport);
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
            throw TransportFailures.classify(e, request, transport);
        } catch (HttpTimeoutException e) {
            // Until the headers came, the JDK's request timeout (cut to the deadline if that was sooner); after,
            // the body's check, which knows which of the two it was.
            IdleTimeoutBodySubscriber b = body;
            if (b == null ? headersCutToDeadline : b.passedDeadline()) {
                throw TransportFailures.deadline(request, true);
            }
            throw TransportFailures.classify(e, request, transport);
        } catch (IllegalArgumentException | SecurityException e) {
            // The request refused by the JDK (a CONNECT, say): the caller's error, reported as is.
            throw e;
        } catch (IOException | RuntimeException e) {
            if (ended() == End.CLOSED) {
                throw TransportFailures.closedDuringCall(request, transport, e);
            }
            throw TransportFailures.classify(e, request, transport);
        }
        try {
            return JdkMessages.fromJdk(response);
        } catch (RuntimeException e) {
            // A status outside 100-599 or a header the JDK let through.
            throw TransportFailures.invalidResponse(request, transport, e);
        }
    }

    /**
     * The body's subscriber. A body of at most {@link #WHOLE_BODY_MAX_BYTES} with a declared length is read by the
     * JDK's own byte-array subscriber, which the JDK completes on the thread that read the bytes; any other
     * subscriber's body it hands to the client's executor, one more thread wake-up per call (3% of a loopback call).
     * Such a body must then arrive whole within the read timeout (and by the deadline), which {@link #check} enforces
     * by ending the exchange; any other body goes through an {@link IdleTimeoutBodySubscriber}, which fails it when
     * no bytes come for the read timeout.
     */
    private java.net.http.HttpResponse.BodySubscriber<byte[]> bodySubscriber(
            java.net.http.HttpResponse.ResponseInfo info) {
        long length = JdkMessages.declaredLength(request, info);
        if (length >= 0 && length <= WHOLE_BODY_MAX_BYTES && length <= options.maxResponseBytes()) {
            bodyStart = System.nanoTime();
            watched = true;
            TimeoutWatch.watch(this);
            return java.net.http.HttpResponse.BodySubscribers.ofByteArray();
        }
        IdleTimeoutBodySubscriber b = new IdleTimeoutBodySubscriber(options.readTimeout(),
                options.maxResponseBytes(), length, deadline);
        body = b;
        return b;
    }

    /** The watch of a body read by the JDK's own subscriber. */
    @Override
    public void check(long now) {
        if (deadline - now <= 0) {
            end(End.DEADLINE);
        } else if (now - bodyStart >= Deadlines.nanos(options.readTimeout())) {
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
        TimeoutWatch.unwatch(this);
    }

    private synchronized End ended() {
        return ended;
    }

    /** Called on the exchange's thread when it is over. */
    void finish() {
        synchronized (this) {
            finished = true;
            if (ended != null) {
                Thread.interrupted();
            }
        }
        if (watched) {
            TimeoutWatch.unwatch(this);
        }
    }
}
