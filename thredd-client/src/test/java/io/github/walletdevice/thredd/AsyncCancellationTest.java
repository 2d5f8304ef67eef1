package io.github.walletdevice.thredd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Giving up on a future of the client in any way (a cancel, {@code orTimeout}, completing it) aborts the exchange
 * under way: the transport's own future is cancelled, as on the Device Gateway client.
 */
class AsyncCancellationTest {
    private static final TokenRef TOKEN = TokenRef.ofDpan("4111111111111111");

    /** Every exchange stays open until the test looks at it. */
    private static final class PendingTransport implements HttpTransport {
        final BlockingQueue<CompletableFuture<HttpResponse>> started = new LinkedBlockingQueue<>();

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
            CompletableFuture<HttpResponse> f = new CompletableFuture<>();
            started.add(f);
            return f;
        }

        @Override
        public String name() {
            return "pending";
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"list cancel", "list orTimeout", "list complete", "unbind cancel", "unbind orTimeout"})
    void givingUpOnTheFutureAbortsTheExchange(String how) throws Exception {
        PendingTransport transport = new PendingTransport();
        try (ThreddClient client = ThreddClient.builder().endpoint("http://thredd.invalid/service.asmx")
                .credentials("user", "pw-123456").issCode("PMT").transport(transport).build()) {
            CompletableFuture<?> f = how.startsWith("list") ? client.tokenDevices().listAsync(TOKEN)
                    : client.tokenDevices().unbindAsync(TOKEN, "1");
            CompletableFuture<HttpResponse> exchange = transport.started.poll(20, TimeUnit.SECONDS);
            assertThat(exchange).as("an exchange started").isNotNull();

            if (how.endsWith("cancel")) {
                f.cancel(true);
            } else if (how.endsWith("orTimeout")) {
                f.orTimeout(50, TimeUnit.MILLISECONDS);
            } else {
                f.completeExceptionally(new TimeoutException("caller gave up"));
            }

            assertThat(catchThrowable(() -> exchange.get(20, TimeUnit.SECONDS)))
                    .as("the transport's exchange").isInstanceOf(CancellationException.class);
        }
    }
}
