package io.github.walletdevice.examples;

import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.core.transport.jdk.JdkHttpTransport;
import io.github.walletdevice.examples.tes.SimulatedTes;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import io.github.walletdevice.transport.okhttp.OkHttpTransport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * Plugging in your own transport. Any {@link HttpTransport} works: wrap one of the SDK's (here, to add a tracing
 * header and count calls), hand the SDK an {@code OkHttpClient} you already configured, or write your own. To add
 * a header, a signature or metrics without replacing the transport, a
 * {@link io.github.walletdevice.core.CallInterceptor} on the client builder is the simpler seam (see
 * {@code docs/connections.md}).
 * A transport you pass in is yours: the client uses it as is and never closes it.
 */
public final class CustomTransportExample {
    private CustomTransportExample() {
    }

    /** Adds a trace header to every request and counts them; everything else goes to the wrapped transport. */
    static final class TracingTransport implements HttpTransport {
        private final HttpTransport delegate;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean closed;

        TracingTransport(HttpTransport delegate) {
            this.delegate = delegate;
        }

        private HttpRequest traced(HttpRequest request) {
            return request.toBuilder().header("x-trace-id", "trace-" + calls.incrementAndGet()).build();
        }

        @Override
        public HttpResponse execute(HttpRequest request, long deadlineNanos) {
            return delegate.execute(traced(request), deadlineNanos);
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
            return delegate.executeAsync(traced(request), deadlineNanos);
        }

        @Override
        public String name() {
            return "tracing(" + delegate.name() + ")";
        }

        @Override
        public void close() {
            closed = true;
            delegate.close();
        }

        int calls() {
            return calls.get();
        }

        boolean isClosed() {
            return closed;
        }
    }

    /**
     * Parks the sample card through a tracing wrapper around the JDK transport.
     *
     * @param out where to print
     * @return how many HTTP calls went through the wrapper
     */
    public static int run(PrintWriter out) {
        try (SimulatedTes tes = SimulatedTes.builder().build().start();
             TracingTransport transport = new TracingTransport(new JdkHttpTransport(TransportOptions.builder()
                     .readTimeout(Duration.ofSeconds(5)).build()))) {
            SessionResult result;
            try (DeviceGatewayClient client = DeviceGatewayClient.builder()
                    .baseUrl(tes.baseUrl())
                    .actorId("TSH-EXAMPLE")
                    .transport(transport)
                    .build()) {
                result = client.session(VirtualCardExecutor.sampleTransitCard()).build().run(
                        ParkCardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001")
                                .deviceId("DEVICE-01").build());
            }
            out.println("Park card through " + transport.name() + ": " + result.outcome() + " in "
                    + transport.calls() + " calls; still open after the client closed: " + !transport.isClosed());
            out.flush();
            return transport.calls();
        }
    }

    /**
     * An OkHttp transport on a client you configured yourself (shared pool, interceptors, certificate pinning…).
     * Close the {@code OkHttpClient} yourself when you are done with it.
     *
     * @param yourClient your OkHttp client
     * @return a transport to pass to any walletdevice client builder
     */
    public static HttpTransport onYourOkHttpClient(OkHttpClient yourClient) {
        return new OkHttpTransport(yourClient);
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(new PrintWriter(System.out, true));
    }
}
