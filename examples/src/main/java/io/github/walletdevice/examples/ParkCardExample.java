package io.github.walletdevice.examples;

import io.github.walletdevice.examples.tes.SimulatedTes;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.io.PrintWriter;

/**
 * Parking a card ({@code getParkCardCommands}): the TES reads the card's balance through the TSH and keeps it on
 * its side; its last answer carries the balance.
 */
public final class ParkCardExample {
    private ParkCardExample() {
    }

    /**
     * Parks the sample card.
     *
     * @param out where to print the result
     * @return the session's result
     */
    public static SessionResult run(PrintWriter out) {
        try (SimulatedTes tes = SimulatedTes.builder().build().start();
             DeviceGatewayClient client = DeviceGatewayClient.builder()
                     .baseUrl(tes.baseUrl())
                     .actorId("TSH-EXAMPLE")
                     .build()) {
            ParkCardCommandsRequest first = ParkCardCommandsRequest.builder()
                    .issuerId("ISSUER01")
                    .cardId("CARD-0001")
                    .deviceId("DEVICE-01")
                    .operation(Operation.PARK_CARD)
                    .build();

            SessionResult result = client.session(VirtualCardExecutor.sampleTransitCard()).build().run(first);

            out.println("Park card: " + result.outcome() + " after " + result.rounds() + " rounds, parked balance "
                    + result.balance() + " (the TES holds " + tes.parkedBalance("CARD-0001").orElse(null) + ")");
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
