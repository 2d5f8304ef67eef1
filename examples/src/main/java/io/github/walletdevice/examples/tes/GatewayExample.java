package io.github.walletdevice.examples.tes;

import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The three Device Gateway flows end to end: the SDK's command loop against the simulated TES on loopback, with
 * the virtual transit card as the phone. {@code main} prints one line per flow.
 */
public final class GatewayExample {
    private GatewayExample() {
    }

    /**
     * Runs a top-up of 700, parks the card, then ingests it in reader mode, against one simulated TES.
     *
     * @param out where to print one line per flow
     * @return the three results, in that order
     */
    public static List<SessionResult> run(PrintWriter out) {
        VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
        List<GatewayRequest> flows = List.of(
                CardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001").purchaseId("P-0001@700")
                        .deviceId("DEVICE-01").operation(Operation.TOPUP).build(),
                ParkCardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001").deviceId("DEVICE-01")
                        .operation(Operation.PARK_CARD).build(),
                ReaderModeCommandsRequest.builder().issuerId("ISSUER01").deviceId("DEVICE-01")
                        .operation(Operation.READER_MODE)
                        .cardContents(VirtualCardContents.of(phone.card(), "walletdevice example")).build());
        List<SessionResult> results = new ArrayList<>();
        try (SimulatedTes tes = SimulatedTes.builder().build().start();
             DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl(tes.baseUrl()).actorId("TSH-EXAMPLE")
                     .build()) {
            for (GatewayRequest first : flows) {
                SessionResult r = client.session(phone).build().run(first);
                results.add(r);
                out.println(first.api().operationName() + ": " + r.outcome() + " after " + r.rounds() + " rounds, "
                        + "status " + r.lastStatus() + (r.balance() == null ? "" : ", balance " + r.balance())
                        + (r.cardAccountId() == null ? "" : ", card account " + r.cardAccountId()));
                out.flush();
            }
        }
        return results;
    }

    /**
     * Runs the flows and prints them.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    }
}
