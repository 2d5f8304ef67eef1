package io.github.walletdevice.examples.thredd;

import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDevice;
import io.github.walletdevice.thredd.TokenDeviceList;
import io.github.walletdevice.thredd.TokenRef;
import io.github.walletdevice.thredd.UnbindResult;
import java.io.PrintStream;

/**
 * Lists a token's devices, unbinds the first active one, and lists again, against a simulated Thredd on loopback.
 * Run it with {@code java -cp examples/target/walletdevice.jar io.github.walletdevice.examples.thredd.ThreddExample}.
 */
public final class ThreddExample {
    private ThreddExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the example, printing what happens.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        try (SimulatedThredd thredd = SimulatedThredd.builder().build().start();
             ThreddClient client = ThreddClient.builder()
                     .endpoint(thredd.url())
                     .credentials(SimulatedThredd.DEFAULT_USER, SimulatedThredd.DEFAULT_PASSWORD)
                     .issCode(SimulatedThredd.DEFAULT_ISS_CODE)
                     .build()) {
            TokenRef token = TokenRef.ofDpan(SeedTokens.DPAN_WITH_DEVICES);
            out.println("Simulated Thredd at " + thredd.url());

            TokenDeviceList before = client.tokenDevices().list(token);
            out.println("Devices of " + token + " (WSID " + before.wsid() + "):");
            before.devices().forEach(d -> out.println("  " + describe(d)));

            TokenDevice active = before.devices().stream()
                    .filter(d -> d.gpsDeviceStatus() == io.github.walletdevice.thredd.DeviceStatus.ACTIVE)
                    .findFirst().orElseThrow();
            UnbindResult unbound = client.tokenDevices().unbind(token, active.boundDeviceIndex());
            out.println("Unbind of device " + active.boundDeviceIndex() + ": action code " + unbound.actionCodeRaw()
                    + " (" + unbound.actionCode().meaning() + ")");

            UnbindResult again = client.tokenDevices().unbind(token, active.boundDeviceIndex());
            out.println("Unbind again: action code " + again.actionCodeRaw() + " ("
                    + again.actionCode().meaning() + ")");

            TokenDeviceList after = client.tokenDevices().list(token);
            out.println("Devices now:");
            after.devices().forEach(d -> out.println("  " + describe(d)));
        }
    }

    private static String describe(TokenDevice d) {
        return "#" + d.boundDeviceIndex() + " " + d.deviceName().orElse("(no name)") + ", type " + d.deviceType()
                + ", Thredd status " + d.gpsDeviceStatus() + ", network status " + d.netDeviceStatus()
                + ", bound " + d.deviceBindDate();
    }
}
