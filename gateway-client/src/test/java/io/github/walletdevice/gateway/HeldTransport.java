package io.github.walletdevice.gateway;

import io.github.walletdevice.core.HttpHeaders;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A transport whose exchanges stay open until the test ends them: each {@link #executeAsync} returns a new future
 * the test takes with {@link #next()} and completes, fails, or checks for cancellation.
 */
final class HeldTransport implements HttpTransport {

    /** One exchange the client started. */
    record Exchange(HttpRequest request, CompletableFuture<HttpResponse> future) {
    }

    private final BlockingQueue<Exchange> started = new LinkedBlockingQueue<>();

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
        CompletableFuture<HttpResponse> f = new CompletableFuture<>();
        started.add(new Exchange(request, f));
        return f;
    }

    /** The next exchange the client started, waiting for it (bounded, so that a broken test fails, never hangs). */
    Exchange next() throws InterruptedException {
        Exchange e = started.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("the client started no exchange");
        }
        return e;
    }

    /** Whether no exchange was started beyond those taken with {@link #next()}. */
    boolean noneStarted() {
        return started.isEmpty();
    }

    /** Answers an exchange with a JSON body. */
    static void answer(Exchange e, String json) {
        e.future().complete(new HttpResponse(200, HttpHeaders.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String name() {
        return "held";
    }

    @Override
    public void close() {
    }
}
