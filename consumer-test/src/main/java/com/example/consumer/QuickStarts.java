package com.example.consumer;

import io.github.walletdevice.core.transport.HttpTransports;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaFrameDescriber;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.felica.emulator.VirtualFelicaCard;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.DeviceCommandExecutor;
import io.github.walletdevice.gateway.DeviceFailure;
import io.github.walletdevice.gateway.DeviceFailureException;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.CardCommandsResponse;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import io.github.walletdevice.gateway.server.GatewayHttpServer;
import io.github.walletdevice.gateway.server.GatewayServer;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDevice;
import io.github.walletdevice.thredd.TokenDeviceList;
import io.github.walletdevice.thredd.TokenRef;
import io.github.walletdevice.thredd.UnbindResult;
import java.io.IOException;
import java.util.Optional;

/**
 * The README's quick starts, the three clients run against the simulated TES and Thredd, and the TES side served
 * on an ephemeral port and called by the client:
 * {@code QuickStarts <tes base URL> <thredd URL> <expected transport: okhttp|jdk> <expected path: class|module>}.
 * Prints what each does and exits 1 with the reason on the first check that fails.
 */
public final class QuickStarts {
    private QuickStarts() {
    }

    /**
     * Runs the quick starts.
     *
     * @param args TES base URL, Thredd URL, expected transport, expected path
     * @throws Exception whatever a quick start throws
     */
    public static void main(String[] args) throws Exception {
        String tesUrl = args[0];
        String threddUrl = args[1];
        String transport = HttpTransports.providers().get(0).name();
        boolean modulePath = QuickStarts.class.getModule().isNamed();
        System.out.println("transport " + transport + ", " + (modulePath ? "module path: "
                + DeviceGatewayClient.class.getModule().getDescriptor().toNameAndVersion() : "class path"));
        check(transport.equals(args[2]), "the default transport is " + transport + ", expected " + args[2]);
        check(modulePath == args[3].equals("module"), "expected to run on the " + args[3] + " path");

        gateway(tesUrl, "P-" + args[2] + "-" + args[3] + "@700");
        thredd(threddUrl);
        felica();
        tes();
        System.out.println("all four quick starts passed");
    }

    private static void gateway(String tesUrl, String purchaseId) {
        AndroidLikeNfcF nfcF = new AndroidLikeNfcF();
        try (DeviceGatewayClient client = DeviceGatewayClient.builder()
                .baseUrl(tesUrl)
                .actorId("TSH-01")
                .build()) {

            DeviceCommandExecutor phone = DeviceCommandExecutor.ofFrames(frame -> {
                try {
                    return Optional.of(nfcF.transceive(frame));
                } catch (TagLostException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new DeviceFailureException(DeviceFailure.NOT_ACCESSIBLE, "NFC link down");
                }
            });

            SessionResult result = client.session(phone).build().run(
                    CardCommandsRequest.builder()
                            .issuerId("ISSUER01").cardId("CARD-0001").deviceId("DEVICE-01")
                            .purchaseId(purchaseId)          // "@700": the simulated TES tops up 700
                            .operation(Operation.TOPUP)
                            .build());

            System.out.println("gateway: " + result.outcome() + " after " + result.rounds() + " rounds, balance "
                    + result.balance());
            check(result.isSuccess(), "the top-up failed: " + result);
            check(result.balance() != null && result.balance() == 1200L, "balance " + result.balance()
                    + ", expected 1200 (500 on the sample card + 700)");
        }
    }

    private static void thredd(String threddUrl) {
        try (ThreddClient thredd = ThreddClient.builder()
                .endpoint(threddUrl)
                .credentials("demo", "demo-password")
                .issCode("DEMO")
                .build()) {

            TokenRef token = TokenRef.ofDpan("4895370012345678");
            TokenDeviceList list = thredd.tokenDevices().list(token);
            for (TokenDevice d : list.devices()) {
                System.out.println("thredd: device " + d.boundDeviceIndex() + " " + d.deviceType() + " "
                        + d.gpsDeviceStatus());
            }
            check(!list.devices().isEmpty(), "the seeded token has no devices");

            UnbindResult r = thredd.tokenDevices().unbind(token, list.devices().get(0).boundDeviceIndex());
            System.out.println("thredd: " + (r.unbound() ? "unbound" : r.alreadyUnbound() ? "was already unbound"
                    : r.actionCodeRaw()));
            check(r.unbound() || r.alreadyUnbound(), "unbind answered " + r.actionCodeRaw());
        }
    }

    private static void felica() {
        ReadWithoutEncryptionCommand read =
                ReadWithoutEncryptionCommand.of(Idm.parse("012E4CD4A1B2C3D4"), ServiceCode.of(0x1011), 0);
        byte[] frame = read.encode();

        VirtualFelicaCard card = VirtualFelicaCard.of(CardImages.transitSample());
        byte[] cardAnswer = card.transceive(frame).orElseThrow();

        FelicaResponse answer = FelicaDecoder.decodeResponse(cardAnswer, read);
        System.out.println("felica: " + FelicaFrameDescriber.explain(cardAnswer));
        check(answer instanceof ReadWithoutEncryptionResponse r && r.isSuccess() && r.blocks().size() == 1,
                "unexpected answer " + answer);
    }

    /** The README's "serve the Device Gateway API" quick start, on a free port, played by the client. */
    private static void tes() {
        GatewayServer tes = GatewayServer.builder()
                .parkCardCommands((request, session) -> switch (session.round()) {
                    case 1 -> CardCommandsResponse.withCommands(session.commands(
                            PollingCommand.of(SystemCode.of(0x0003))));
                    case 2 -> CardCommandsResponse.withCommands(session.commands(ReadWithoutEncryptionCommand.of(
                            session.answer(0, PollingResponse.class).idm(), ServiceCode.of(0x1011), 0)));
                    default -> CardCommandsResponse.completed(PurseBlock.parse(
                            session.answer(0, ReadWithoutEncryptionResponse.class).block(0)).balance());
                })
                .build();
        try (GatewayHttpServer http = GatewayHttpServer.start(tes, 0);
             DeviceGatewayClient client = DeviceGatewayClient.builder()
                     .baseUrl(http.baseUrl()).actorId("TSH-01").build()) {
            SessionResult park = client.session(VirtualCardExecutor.of(CardImages.transitSample())).build()
                    .run(ParkCardCommandsRequest.builder()
                            .issuerId("ISSUER01").cardId("CARD-0002").deviceId("DEVICE-02").build());
            System.out.println("gateway server: park " + park.outcome() + " after " + park.rounds()
                    + " rounds, balance " + park.balance());
            check(park.isSuccess() && park.balance() != null && park.balance() == 500L,
                    "parking the sample card on the SDK's TES gave " + park + ", expected balance 500");
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            System.err.println("consumer smoke test FAILED: " + failure);
            System.exit(1);
        }
    }
}
