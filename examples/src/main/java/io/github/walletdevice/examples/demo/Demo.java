package io.github.walletdevice.examples.demo;

import io.github.walletdevice.examples.json.Json;
import io.github.walletdevice.examples.tes.SimulatedTes;
import io.github.walletdevice.examples.tes.VirtualCardContents;
import io.github.walletdevice.examples.thredd.SeedTokens;
import io.github.walletdevice.examples.thredd.SimulatedThredd;
import io.github.walletdevice.felica.FelicaFrameDescriber;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.emulator.CardImages;
import io.github.walletdevice.gateway.CardCommandsRequest;
import io.github.walletdevice.gateway.Command;
import io.github.walletdevice.gateway.CommandResponse;
import io.github.walletdevice.gateway.DeviceGatewayClient;
import io.github.walletdevice.gateway.GatewayRequest;
import io.github.walletdevice.gateway.Operation;
import io.github.walletdevice.gateway.ParkCardCommandsRequest;
import io.github.walletdevice.gateway.ReaderModeCommandsRequest;
import io.github.walletdevice.gateway.SessionOutcome;
import io.github.walletdevice.gateway.SessionResult;
import io.github.walletdevice.gateway.SessionRound;
import io.github.walletdevice.gateway.VirtualCardExecutor;
import io.github.walletdevice.thredd.DeviceStatus;
import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDevice;
import io.github.walletdevice.thredd.TokenDeviceList;
import io.github.walletdevice.thredd.TokenRef;
import io.github.walletdevice.thredd.UnbindResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every flow of the SDK end to end on loopback: the Device Gateway top-up, park card and reader mode with the
 * virtual FeliCa card as the phone; Thredd list, unbind and list again; and one FeliCa exchange decoded.
 * Each step checks that it did what it should; {@link #run} is {@code true} only when every step did.
 */
public final class Demo {
    private static final long TOP_UP = 700;

    private final PrintWriter out;
    private final List<String> failures = new ArrayList<>();
    private int step;

    private Demo(PrintWriter out) {
        this.out = out;
    }

    /**
     * Runs every flow, printing each step.
     *
     * @param out where to print
     * @return {@code true} when every flow did what it should
     */
    public static boolean run(PrintWriter out) {
        return new Demo(out).runAll();
    }

    private boolean runAll() {
        out.println("walletdevice demo: every flow end to end against simulated servers on loopback");
        out.println();
        gatewayFlows();
        threddFlows();
        felicaExchange();
        out.println();
        if (failures.isEmpty()) {
            out.println("All " + step + " steps did what they should.");
        } else {
            out.println(failures.size() + " of " + step + " steps went wrong: " + String.join("; ", failures));
        }
        out.flush();
        return failures.isEmpty();
    }

    private void gatewayFlows() {
        VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
        long startBalance = balanceOf(phone);
        try (SimulatedTes tes = SimulatedTes.builder().topUpAmount(TOP_UP).build().start();
             DeviceGatewayClient client = DeviceGatewayClient.builder().baseUrl(tes.baseUrl())
                     .actorId("TSH-DEMO").build()) {
            out.println("Device Gateway: simulated TES at " + tes.baseUrl());
            out.println("The phone: a virtual FeliCa transit card, IDm " + phone.card().idm() + ", balance "
                    + startBalance);

            SessionResult topUp = session(client, phone, "Top-up of " + TOP_UP + " (getCardCommands)",
                    CardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001")
                            .purchaseId("P-0001@" + TOP_UP).deviceId("DEVICE-01").operation(Operation.TOPUP)
                            .build());
            expect("top-up", topUp.outcome() == SessionOutcome.COMPLETED
                    && Long.valueOf(startBalance + TOP_UP).equals(topUp.balance())
                    && balanceOf(phone) == startBalance + TOP_UP,
                    "expected the card and the TES to show " + (startBalance + TOP_UP) + ", got " + topUp.balance());

            SessionResult park = session(client, phone, "Park card (getParkCardCommands)",
                    ParkCardCommandsRequest.builder().issuerId("ISSUER01").cardId("CARD-0001").deviceId("DEVICE-01")
                            .operation(Operation.PARK_CARD).build());
            expect("park card", park.outcome() == SessionOutcome.COMPLETED
                    && Long.valueOf(startBalance + TOP_UP).equals(park.balance())
                    && tes.parkedBalance("CARD-0001").equals(Optional.of(startBalance + TOP_UP)),
                    "expected the TES to park balance " + (startBalance + TOP_UP) + ", got " + park.balance());

            SessionResult reader = session(client, phone, "Reader mode (getReaderModeCommands)",
                    ReaderModeCommandsRequest.builder().issuerId("ISSUER01").deviceId("DEVICE-01")
                            .operation(Operation.READER_MODE)
                            .cardContents(VirtualCardContents.of(phone.card(), "walletdevice demo")).build());
            expect("reader mode", reader.outcome() == SessionOutcome.COMPLETED && reader.cardAccountId() != null
                    && Long.valueOf(startBalance + TOP_UP).equals(reader.balance()),
                    "expected a card account and balance " + (startBalance + TOP_UP));
        }
    }

    private SessionResult session(DeviceGatewayClient client, VirtualCardExecutor phone, String title,
                                  GatewayRequest<?> first) {
        out.println();
        out.println(++step + ". " + title);
        SessionResult result = client.session(phone).onRound(this::printRound).build().run(first);
        String message = result.lastStatusMessage();
        boolean saysMore = message != null && !message.equalsIgnoreCase(result.lastStatus().description());
        out.println("   => " + result.outcome() + " after " + result.rounds() + " rounds: status "
                + result.lastStatus() + (saysMore ? " \"" + message + "\"" : "")
                + (result.balance() == null ? "" : ", balance " + result.balance())
                + (result.cardAccountId() == null ? "" : ", card account " + result.cardAccountId()));
        out.flush();
        return result;
    }

    private void printRound(SessionRound round) {
        List<CommandResponse> sent = round.request().responses();
        List<Command> received = round.response().commands();
        out.println("   round " + round.number() + ": sent " + sent.size() + " card response(s), TES answered "
                + round.response().statusCode() + " with " + received.size() + " command(s)");
        for (CommandResponse r : sent) {
            out.println("     card -> TES  " + explain(r::frame));
        }
        for (Command c : received) {
            out.println("     TES -> card  " + explain(c::frame));
        }
    }

    private void threddFlows() {
        try (SimulatedThredd thredd = SimulatedThredd.builder().build().start();
             ThreddClient client = ThreddClient.builder().endpoint(thredd.url())
                     .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
                     .issCode(SimulatedThredd.DEFAULT_ISS_CODE).build()) {
            TokenRef token = TokenRef.ofDpan(SeedTokens.DPAN_WITH_DEVICES);
            out.println();
            out.println("Thredd: simulated Ws_Token_Device_Management at " + thredd.url() + " (SOAP "
                    + client.soapVersion().label() + ")");

            out.println();
            out.println(++step + ". List the devices of token " + token);
            TokenDeviceList before = client.tokenDevices().list(token);
            printDevices(before);
            Optional<TokenDevice> active = before.devices().stream()
                    .filter(d -> d.gpsDeviceStatus() == DeviceStatus.ACTIVE).findFirst();
            expect("Thredd list", before.devices().size() > 1 && active.isPresent(),
                    "expected several devices, one of them active");
            if (active.isEmpty()) {
                return;
            }

            String index = active.get().boundDeviceIndex();
            out.println();
            out.println(++step + ". Unbind device " + index);
            UnbindResult unbound = client.tokenDevices().unbind(token, index);
            out.println("   => action code " + unbound.actionCodeRaw() + " (" + unbound.actionCode().meaning()
                    + "), WSID " + unbound.wsid());
            expect("Thredd unbind", unbound.unbound(), "expected action code 000, got " + unbound.actionCodeRaw());

            out.println();
            out.println(++step + ". List again");
            TokenDeviceList after = client.tokenDevices().list(token);
            printDevices(after);
            boolean gone = after.devices().stream().filter(d -> d.boundDeviceIndex().equals(index))
                    .allMatch(d -> d.gpsDeviceStatus() != DeviceStatus.ACTIVE);
            expect("Thredd list again", gone, "expected device " + index + " to be no longer active");
        }
    }

    private void printDevices(TokenDeviceList list) {
        out.println("   => action code " + list.actionCodeRaw() + ", WSID " + list.wsid() + ", "
                + list.devices().size() + " device(s):");
        for (TokenDevice d : list.devices()) {
            out.println("     #" + d.boundDeviceIndex() + " " + d.deviceName().orElse("(no name)") + ", type "
                    + d.deviceType() + ", Thredd " + d.gpsDeviceStatus() + ", network " + d.netDeviceStatus()
                    + ", bound " + d.deviceBindDate().instant().map(Object::toString).orElse(d.deviceBindDate().raw()));
        }
        out.flush();
    }

    private void felicaExchange() {
        out.println();
        out.println(++step + ". One FeliCa exchange, decoded: read the purse block of the sample card");
        VirtualCardExecutor phone = VirtualCardExecutor.sampleTransitCard();
        byte[] command = ReadWithoutEncryptionCommand.of(phone.card().idm(), CardImages.PURSE, 0).encode();
        Optional<byte[]> response = phone.card().transceive(command);
        printFrame("command ", command);
        response.ifPresent(r -> printFrame("response", r));
        expect("FeliCa exchange", response.isPresent(), "expected the card to answer");
    }

    private void printFrame(String label, byte[] frame) {
        out.println("   " + label + " " + HexFormat.of().withUpperCase().formatHex(frame));
        out.println("            " + Json.compact(FelicaFrameDescriber.describe(frame)));
    }

    private String explain(Supplier<byte[]> frame) {
        try {
            return FelicaFrameDescriber.explain(frame.get());
        } catch (RuntimeException e) {
            return "(not a FeliCa frame: " + e.getMessage() + ")";
        }
    }

    private long balanceOf(VirtualCardExecutor phone) {
        byte[] block = phone.card().readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE, 0);
        return PurseBlock.parse(block).balance();
    }

    private void expect(String what, boolean ok, String otherwise) {
        if (!ok) {
            failures.add(what + ": " + otherwise);
            out.println("   !! " + what + " went wrong: " + otherwise);
        }
    }
}
