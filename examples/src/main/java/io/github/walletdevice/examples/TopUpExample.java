package io.github.walletdevice.examples;

import io.github.walletdevice.examples.tes.SimulatedTes;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.io.PrintWriter;

/**
 * A top-up session: the TSH asks the TES for commands ({@code getCardCommands}), runs them on the phone's card,
 * posts the responses back, until the TES is done. Here the TES is simulated and the phone is the SDK's virtual
 * FeliCa card; in production, pass your TES's URL and your own {@code DeviceCommandExecutor}.
 */
public final class TopUpExample {
    private TopUpExample() {
    }

    /**
     * Tops up the sample card by 700.
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
            VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
            CardCommandsRequest first = CardCommandsRequest.builder()
                    .issuerId("ISSUER01")
                    .cardId("CARD-0001")
                    .purchaseId("P-0001@700") // the simulated TES reads the amount after '@'
                    .deviceId("DEVICE-01")
                    .operation(Operation.TOPUP)
                    .build();

            SessionResult result = client.session(phone).build().run(first);

            out.println("Top-up: " + result.outcome() + " after " + result.rounds() + " rounds, status "
                    + result.lastStatus() + ", balance " + result.balance());
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
