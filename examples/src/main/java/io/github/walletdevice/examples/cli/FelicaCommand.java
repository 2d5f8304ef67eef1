package io.github.walletdevice.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code felica} command (being built). */
@Command(name = "felica", mixinStandardHelpOptions = true, description = "The felica command (being built).")
public final class FelicaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("walletdevice: the felica command is not built yet.");
        return ExitCodes.USAGE;
    }
}
