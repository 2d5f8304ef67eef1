package io.github.walletdevice.core.transport;

import java.util.concurrent.CompletableFuture;

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
