package io.github.walletdevice.interop;

import io.github.walletdevice.core.RetryPolicy;
import io.github.walletdevice.core.transport.TransportOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the rows of the fault matrix: per fault one server, per row fresh clients making one call (two against the
 * closing servers), timed, and what the server received meanwhile.
 */
final class FaultMatrix {
    /** The calls of the matrix: the gateway's (every gateway call behaves alike) and Thredd's two. */
    static final List<Api> CALLS = List.of(Api.GATEWAY_CARD, Api.THREDD_LIST, Api.THREDD_UNBIND);
    /** Lateness still counted as "ended within its timeout": scheduling on a busy machine. */
    static final Duration GRACE = Duration.ofMillis(500);
    /** Three attempts, short pauses: what the counts of received requests assume. */
    static final RetryPolicy RETRIES = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(50)).build();

    private FaultMatrix() {
    }

    /**
     * One row's figures.
     *
     * @param fault the server's fault
     * @param transport the transport
     * @param api the call
     * @param outcome how the (last) call ended
     * @param slowestMillis the longest call, in milliseconds
     * @param withinTimeout whether every call ended by its call timeout (plus {@link #GRACE})
     * @param received requests the server received
     * @param duplicates requests it received twice
     */
    record Row(Fault fault, Transport transport, Api api, String outcome, long slowestMillis, boolean withinTimeout,
               int received, int duplicates) {
    }

    /** Runs every row of a fault against one server: each transport and call with clients of their own. */
    static List<Row> run(Fault fault) {
        List<Row> rows = new ArrayList<>();
        try (TestServer server = fault.start()) {
            for (Transport transport : Transport.values()) {
                for (Api api : CALLS) {
                    rows.add(run(fault, server, transport, api));
                }
            }
        }
        return rows;
    }

    private static Row run(Fault fault, TestServer server, Transport transport, Api api) {
        Fault.Timeouts timeouts = fault.timeouts();
        TransportOptions options = Clients.options(fault.clientCertificate()).connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read()).callTimeout(timeouts.call()).build();
        Stats before = server.stats();
        String outcome = Outcome.OK;
        long slowest = 0;
        try (Clients clients = new Clients(transport, server.base(), options, RETRIES, true)) {
            int calls = fault.closingServer() ? 2 : 1;
            for (int i = 0; i < calls; i++) {
                if (i > 0) {
                    server.awaitConnectionsClosed();
                }
                long start = System.nanoTime();
                try {
                    api.call(clients);
                } catch (RuntimeException | AssertionError e) {
                    outcome = Outcome.of(e);
                }
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
        }
        Stats after = server.stats();
        return new Row(fault, transport, api, outcome, Duration.ofNanos(slowest).toMillis(),
                slowest <= timeouts.call().plus(GRACE).toNanos(), after.received() - before.received(),
                after.duplicates() - before.duplicates());
    }

    /** The Markdown header of the table {@link #markdown(Row)} writes rows of. */
    static String header() {
        return "| Fault | Transport | Call | Typed error | Ended within its timeout (slowest call) | Received "
                + "| Duplicates |\n|---|---|---|---|---|---|---|\n";
    }

    static String markdown(Row r) {
        return "| " + r.fault().description + " | " + r.transport() + " | " + r.api() + " | " + r.outcome() + " | "
                + (r.withinTimeout() ? "yes" : "**no**") + " (" + r.slowestMillis() + " ms of "
                + r.fault().timeouts().call().toMillis() + ") | " + r.received() + " | " + r.duplicates() + " |\n";
    }
}
