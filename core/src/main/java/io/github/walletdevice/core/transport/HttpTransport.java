package io.github.walletdevice.core.transport;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends HTTP requests. The small SPI every transport implements (OkHttp and JDK {@code HttpClient} ship).
 *
 * <p>Implementations are thread-safe, honour the {@link TransportOptions} they were built with (timeouts,
 * deadline, concurrency limit, response size limit, proxy, TLS), return every status as a response (non-2xx is
 * not an error here), never send a request a second time by themselves (only the SDK's retry policy may), and
 * report every failure to obtain a response as a {@link io.github.walletdevice.core.TransportException} whose
 * {@code isRequestSent()} is {@code false} only when the request provably did not leave. A response that is not
 * valid HTTP, or larger than {@link TransportOptions#maxResponseBytes()}, is such a failure (reason {@code IO}),
 * reported as soon as it is seen.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends a request and waits for the whole response.
     *
     * @param request the request
     * @return the response, whatever its status
     * @throws io.github.walletdevice.core.TransportException if no response could be obtained
     */
    HttpResponse execute(HttpRequest request);

    /**
     * Sends a request and waits for the whole response, at most until a deadline: the SDK's synchronous calls
     * (its {@code CallExecutor}) send every attempt through this method, with the deadline of the whole call.
     * The transport's own call timeout still applies; whichever ends first ends the call.
     *
     * <p>When the deadline passes first, the exchange is aborted and the call fails with reason {@code DEADLINE}
     * ({@code isRequestSent()} {@code false} only when the request provably had not left, e.g. it was still
     * waiting for a slot). When the calling thread is interrupted, the call fails with reason {@code CANCELLED}
     * and the thread's interrupt status is left set; an implementation aborts the exchange as soon as its library
     * notices the interrupt (the JDK client at once; OkHttp, whose blocking socket I/O cannot be interrupted, at
     * its next read or write, or when the exchange ends).
     *
     * <p>The default implementation sends through {@link #executeAsync} and waits on its future until the
     * deadline, cancelling it on timeout or interrupt, so a transport that implements only the two methods above
     * keeps working. A transport that can send on the caller's thread overrides this, saving the hand-off to
     * another thread and back.
     *
     * @param request the request
     * @param deadlineNanos when the call must end, on the {@link System#nanoTime()} clock (compare with
     *     {@code deadlineNanos - System.nanoTime()}, never with {@code <} on the values themselves)
     * @return the response, whatever its status
     * @throws io.github.walletdevice.core.TransportException if no response could be obtained by the deadline
     */
    default HttpResponse execute(HttpRequest request, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw TransportFailures.deadline(request, false);
        }
        CompletableFuture<HttpResponse> exchange = executeAsync(request);
        // Called from a continuation that runs inside a slot hand-over, this thread may hold back the slot the
        // exchange waits for: hand it over before blocking.
        ConcurrencyLimiter.runDeferredHandOvers();
        try {
            return exchange.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw TransportFailures.deadline(request, true);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw TransportFailures.interrupted(request, true, e);
        } catch (ExecutionException e) {
            throw TransportFailures.ofFuture(e.getCause(), request, name());
        } catch (CancellationException e) {
            throw TransportFailures.classify(e, request, name());
        }
    }

    /**
     * Sends a request without blocking the caller. Cancelling the future aborts the exchange.
     *
     * @param request the request
     * @return a future completed with the response, or exceptionally with a
     *     {@link io.github.walletdevice.core.TransportException}
     */
    CompletableFuture<HttpResponse> executeAsync(HttpRequest request);

    /**
     * A short name for logs, e.g. {@code "okhttp"} or {@code "jdk"}.
     *
     * @return the transport's name
     */
    String name();

    /**
     * Releases connections and threads. Calls made afterwards fail with reason {@code CLOSED}.
     */
    @Override
    void close();
}
