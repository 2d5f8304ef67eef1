package io.github.walletdevice.examples.cli;

import io.github.walletdevice.thredd.ThreddClient;
import io.github.walletdevice.thredd.TokenDeviceList;
import io.github.walletdevice.thredd.TokenRef;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code walletdevice thredd list}: the devices bound to a token. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the devices bound to a token (Func 00). Credentials from THREDD_USERNAME and"
                + " THREDD_PASSWORD.",
        footer = ThreddCallCommand.URL_EXAMPLE)
final class ThreddListCommand extends ThreddCallCommand {
    @Override
    Map<String, Object> invoke(ThreddClient client, TokenRef token) {
        TokenDeviceList list = client.tokenDevices().list(token);
        Map<String, Object> json = outcome(list.wsid(), list.actionCodeRaw());
        json.put("devices", list.devices().stream().map(ThreddDeviceJson::of).toList());
        return json;
    }
}
