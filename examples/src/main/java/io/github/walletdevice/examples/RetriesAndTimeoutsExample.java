package io.github.walletdevice.examples;

import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.core.transport.HttpTransport;
import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.core.transport.TransportOptions;
import io.github.walletdevice.examples.thredd.SeedTokens;
import io.github.walletdevice.examples.thredd.SimulatedThredd;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDeviceList;
import io.github.walletdevice.thredd.TokenRef;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timeouts and retries. Timeouts are finite by default (connect 10 s, read 30 s, call 60 s); set your own on the
 * client builder or in {@link TransportOptions}. Retries follow a {@link RetryPolicy}: a call whose request was
 * provably not sent is retried; a read-only call (Thredd list) is also retried after a timeout or a 503, each
 * attempt with a new WSID; a call that may have moved money or changed state once sent (Device Gateway steps,
 * Thredd unbind) never is.
 *
 * <p>Here the first attempt of a list fails as a refused connection would, and the policy retries it.
 */
public final class RetriesAndTimeoutsExample {
    private static final Pattern WSID = Pattern.compile("WSID>(\\d+)<");

    private RetriesAndTimeoutsExample() {
    }

    /** Fails the first request as if the connection had been refused (nothing sent), then passes requests on. */
    static final class RefuseFirstTransport implements HttpTransport {
        private final HttpTransport delegate;
        private final List<String> wsids = new CopyOnWriteArrayList<>();

        RefuseFirstTransport(HttpTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpResponse execute(HttpRequest request, long deadlineNanos) {
            Matcher m = WSID.matcher(new String(request.bodyUnsafe(), StandardCharsets.UTF_8));
            wsids.add(m.find() ? m.group(1) : "?");
            if (wsids.size() == 1) {
                throw new TransportException("Connection refused (simulated)", TransportException.Reason.CONNECT,
                        false, null);
            }
            return delegate.execute(request, deadlineNanos);
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, long deadlineNanos) {
            return CompletableFuture.supplyAsync(() -> execute(request, deadlineNanos));
        }

        @Override
        public String name() {
            return "refuse-first(" + delegate.name() + ")";
        }

        @Override
        public void close() {
            delegate.close();
        }

        List<String> wsids() {
            return wsids;
        }
    }

    /**
     * Lists a token's devices through a transport that refuses the first attempt.
     *
     * @param out where to print
     * @return the WSIDs of the attempts, in order
     */
    public static List<String> run(PrintWriter out) {
        RetryPolicy retries = RetryPolicy.builder()
                .maxAttempts(4)
                .initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofSeconds(2))
                .build();
        TransportOptions timeouts = TransportOptions.builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20)) // the whole call, retries included
                .build();
        try (SimulatedThredd thredd = SimulatedThredd.builder().build().start();
             RefuseFirstTransport transport = new RefuseFirstTransport(HttpTransports.createDefault(timeouts));
             ThreddClient client = ThreddClient.builder()
                     .endpoint(thredd.url())
                     .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
                     .issCode(SimulatedThredd.DEFAULT_ISS_CODE)
                     .transport(transport)
                     .callTimeout(timeouts.callTimeout())
                     .retryPolicy(retries)
                     .build()) {
            TokenDeviceList list = client.tokenDevices().list(TokenRef.ofDpan(SeedTokens.DPAN_WITH_DEVICES));
            out.println("List: action code " + list.actionCodeRaw() + ", " + list.devices().size() + " devices, after "
                    + transport.wsids().size() + " attempts with WSIDs " + transport.wsids());
            out.flush();
            return List.copyOf(transport.wsids());
        }
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
