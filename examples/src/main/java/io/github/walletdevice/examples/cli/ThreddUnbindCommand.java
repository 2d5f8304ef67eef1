package io.github.walletdevice.examples.cli;

import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenRef;
import io.github.walletdevice.thredd.UnbindResult;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code walletdevice thredd unbind}: unbinds one device from a token. */
@Command(name = "unbind", mixinStandardHelpOptions = true,
        description = "Unbinds a device from a token (Func 01). Action code 220 (already unbound) is a success."
                + " Credentials from THREDD_USERNAME and THREDD_PASSWORD.",
        footer = ThreddCallCommand.URL_EXAMPLE)
final class ThreddUnbindCommand extends ThreddCallCommand {
    @Option(names = "--device-index", paramLabel = "N", required = true,
            description = "The device's index, as listed (BoundDeviceIndex, 1-3 letters or digits).")
    String deviceIndex;

    @Override
    Map<String, Object> invoke(ThreddClient client, TokenRef token) {
        UnbindResult result = client.tokenDevices().unbind(token, deviceIndex);
        return outcome(result.wsid(), result.actionCodeRaw());
    }
}
