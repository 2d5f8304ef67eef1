package io.github.walletdevice.examples;

import io.github.walletdevice.examples.tes.SimulatedTes;
import io.github.walletdevice.examples.tes.VirtualCardContents;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.io.PrintWriter;

/**
 * Reader mode ({@code getReaderModeCommands}): the phone reads a physical card held against it; the TES ingests
 * it, creates a card account and returns the balance and the card account id. The request describes the card
 * read so far ({@code cardContents}: system code, IDm, PMm, areas) and carries no card id.
 */
public final class ReaderModeExample {
    private ReaderModeExample() {
    }

    /**
     * Ingests the sample card.
     *
     * @param out where to print the result
     * @return the session's result
     */
    public static SessionResult run(PrintWriter out) {
        VirtualCardExecutor physicalCard = VirtualCardExecutor.sampleTransitCard();
        try (SimulatedTes tes = SimulatedTes.builder().build().start();
             DeviceGatewayClient client = DeviceGatewayClient.builder()
                     .baseUrl(tes.baseUrl())
                     .actorId("TSH-EXAMPLE")
                     .build()) {
            ReaderModeCommandsRequest first = ReaderModeCommandsRequest.builder()
                    .issuerId("ISSUER01")
                    .deviceId("DEVICE-01")
                    .operation(Operation.READER_MODE)
                    .cardContents(VirtualCardContents.of(physicalCard.card(), "Example transit card"))
                    .build();

            SessionResult result = client.session(physicalCard).build().run(first);

            out.println("Reader mode: " + result.outcome() + ", card account " + result.cardAccountId()
                    + ", balance " + result.balance());
            out.flush();
            return result;
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
