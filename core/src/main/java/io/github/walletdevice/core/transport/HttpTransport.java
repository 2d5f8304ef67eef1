package io.github.walletdevice.core.transport;

import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.TransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one HTTP request and reads its response: the small SPI every transport implements (OkHttp and the JDK's
 * {@code HttpClient} ship).
 *
 * <p>A transport makes <em>one attempt</em> against the deadline it is given. Limits on calls in flight, retries,
 * the whole-call deadline and interceptors belong to the clients' call layer, which calls the transport once per
 * attempt with what is left of the call's deadline. Implementations are thread-safe, honour the connection
 * settings of their {@link TransportOptions} (connect, read and write timeouts, response size limit, proxy, TLS),
 * return every status as a response (non-2xx is not an error here), never send a request a second time by
 * themselves, and report every failure to obtain a response as a {@link TransportException} whose
 * {@code isRequestSent()} is {@code false} only when the request provably did not leave. A response that is not
 * valid HTTP, or larger than {@link TransportOptions#maxResponseBytes()}, is such a failure (reason {@code IO} or
 * {@code RESPONSE_TOO_LARGE}), reported as soon as it is seen.
 *
 * <p>Deadlines are on the {@link System#nanoTime()} clock: compare them with {@code deadlineNanos - System.nanoTime()},
 * never with {@code <} on the values themselves.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends a request on the calling thread and waits for the whole response, at most until the deadline.
     *
     * <p>When the deadline passes first, the exchange is aborted and the call fails with reason {@code DEADLINE}
     * ({@code isRequestSent()} {@code false} only when the request provably had not left). When the calling
     * thread is interrupted, the call fails with reason {@code CANCELLED} and the thread's interrupt status is left
     * set; an implementation aborts the exchange as soon as its library notices the interrupt.
     *
     * <p>The default implementation sends through {@link #executeAsync} and waits on its future until the deadline,
     * cancelling it on timeout or interrupt, so a transport may implement only that method.
     *
     * @param request the request
     * @param deadlineNanos when the call must end, on the {@link System#nanoTime()} clock
     * @return the response, whatever its status
     * @throws TransportException if no response could be obtained by the deadline
     */
    default HttpResponse execute(HttpRequest request, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new TransportException("The call to " + request.uri().getHost() + " passed its deadline before it"
                    + " could be sent; nothing was sent.", TransportException.Reason.DEADLINE, false, null);
        }
        CompletableFuture<HttpResponse> exchange = executeAsync(request, deadlineNanos);
        try {
            return exchange.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new TransportException("The call to " + request.uri().getHost() + " passed its deadline; the"
                    + " server may have received the request.", TransportException.Reason.DEADLINE, true, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while calling " + request.uri().getHost() + "; the server may"
                    + " have received the request.", TransportException.Reason.CANCELLED, true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new TransportException("The call to " + request.uri().getHost() + " failed ("
                    + e.getCause() + "); the server may have received the request.", TransportException.Reason.IO,
                    true, e.getCause());
        } catch (CancellationException e) {
            throw new TransportException("The call to " + request.uri().getHost() + " was cancelled; the server may"
                    + " have received it.", TransportException.Reason.CANCELLED, true, e);
        }
    }

    /**
     * Sends a request without blocking the caller. The future fails with reason {@code DEADLINE} once the deadline
     * passes; cancelling it (or completing it any other way) aborts the exchange.
     *
     * @param request the request
     * @param deadlineNanos when the call must end, on the {@link System#nanoTime()} clock
     * @return a future completed with the response, or exceptionally with a {@link TransportException}
     */
    CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos);

    /**
     * A short name for logs, e.g. {@code "okhttp"} or {@code "jdk"}.
     *
     * @return the transport's name
     */
    String name();

    /**
     * Releases connections and threads; calls under way end with reason {@code CLOSED}, and calls made afterwards
     * fail with it, nothing sent.
     */
    @Override
    void close();
}
