package io.github.walletdevice.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code thredd} command (being built). */
@Command(name = "thredd", mixinStandardHelpOptions = true, description = "The thredd command (being built).")
public final class ThreddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("walletdevice: the thredd command is not built yet.");
        return ExitCodes.USAGE;
    }
}
