package io.github.walletdevice.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code gateway} command (being built). */
@Command(name = "gateway", mixinStandardHelpOptions = true, description = "The gateway command (being built).")
public final class GatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("walletdevice: the gateway command is not built yet.");
        return ExitCodes.USAGE;
    }
}
