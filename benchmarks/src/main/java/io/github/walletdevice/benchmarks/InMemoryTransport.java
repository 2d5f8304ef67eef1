package io.github.walletdevice.benchmarks;

import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A transport that answers at once, in the caller's thread: what is left is the SDK's own work. */
final class InMemoryTransport implements HttpTransport {
    private final Function<HttpRequest, HttpResponse> answer;

    InMemoryTransport(Function<HttpRequest, HttpResponse> answer) {
        this.answer = answer;
    }

    @Override
    public HttpResponse execute(HttpRequest request, long deadlineNanos) {
        return answer.apply(request);
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
        return CompletableFuture.completedFuture(answer.apply(request));
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public void close() {
    }
}
